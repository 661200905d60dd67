/**
 * One request through the SDK's middleware chain, and the reading of its raw response: JSON,
 * bytes, or a failure mapped to AppError. The SDK is asked for the raw Response because it would
 * otherwise throw its own error shapes for non-2xx answers.
 */
import { type Client, type GraphRequest, ResponseType } from '@microsoft/microsoft-graph-client';
import { AppError, isAppError } from '../../domain/app-error.ts';
import type { GraphUploadOptions } from './graph-client.ts';
import { type GraphRoot, pathForDetails, toGraphPath } from './graph-url.ts';
import { mapGraphError, mapTransportError } from './map-graph-error.ts';
import { RequestState } from './middleware-context.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type Exchanged = {
  readonly response: Response;
  readonly method: Method;
  readonly path: string;
  readonly retries: number;
};

/** Sends one request through the middleware chain; a response of any status comes back. */
export function createExchange(client: Client, root: GraphRoot) {
  return async (method: Method, pathOrUrl: string, body: unknown, options: GraphUploadOptions): Promise<Exchanged> => {
    const path = toGraphPath(pathOrUrl, root);
    const state = new RequestState();
    const headers: Record<string, string> = { ...options.headers };
    if (options.contentType !== undefined) {
      headers['Content-Type'] = options.contentType;
    }
    const request = client.api(path).responseType(ResponseType.RAW).middlewareOptions([state]).headers(headers);
    try {
      const response: unknown = await send(request, method, body);
      if (!(response instanceof Response)) {
        throw new Error('the Graph SDK returned no response');
      }
      return { response, method, path, retries: state.retries };
    } catch (error) {
      if (state.failure !== undefined) {
        throw state.failure;
      }
      if (isAppError(error)) {
        throw error;
      }
      throw mapTransportError(error, method, pathForDetails(path));
    }
  };
}

function send(request: GraphRequest, method: Method, body: unknown): Promise<unknown> {
  switch (method) {
    case 'GET':
      return request.get();
    case 'POST':
      return request.post(body);
    case 'PATCH':
      return request.patch(body);
    case 'PUT':
      return request.put(body);
    case 'DELETE':
      return request.delete();
  }
}

export async function readJson(sent: Exchanged): Promise<unknown> {
  if (!sent.response.ok) {
    return throwFailure(sent);
  }
  const text = await readBody(sent, (response) => response.text());
  if (text === '') {
    return undefined;
  }
  const contentType = sent.response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(contentType)) {
    return text;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('UPSTREAM_FAILED', `Graph ${sent.method} ${pathForDetails(sent.path)} returned invalid JSON`, {
      details: { status: sent.response.status, method: sent.method, path: pathForDetails(sent.path) },
      cause: error,
    });
  }
}

export async function throwFailure(sent: Exchanged): Promise<never> {
  const text = await readBody(sent, (response) => response.text());
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // not JSON (a proxy's HTML page, say): the text itself goes into the error
    body = text;
  }
  throw mapGraphError({
    status: sent.response.status,
    body,
    method: sent.method,
    path: pathForDetails(sent.path),
    retries: sent.retries,
  });
}

/** Reading a body can still fail (connection reset, timeout) after the status arrived. */
export async function readBody<T>(sent: Exchanged, read: (response: Response) => Promise<T>): Promise<T> {
  try {
    return await read(sent.response);
  } catch (error) {
    throw mapTransportError(error, sent.method, pathForDetails(sent.path));
  }
}
