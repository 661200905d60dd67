/**
 * The tab's one way to the API: every call carries the caller's credentials (a Teams SSO token
 * inside Teams, the dev identity in a plain browser), every answer is parsed with a zod schema
 * before a view sees it, and every failure becomes an ApiError with the server's Swedish message.
 */
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** the value of the Authorization header, or null when nobody is signed in */
export type Credentials = () => Promise<string | null>;

export type ApiClient = {
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>>;
  send<S extends z.ZodType>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
    schema: S,
    options?: { readonly ifMatch?: string },
  ): Promise<z.infer<S>>;
  /** a file the API serves (an agreement's PDF), read with the caller's credentials */
  getFile(path: string): Promise<Blob>;
  /**
   * A file as the raw body of a POST (a PDF upload), the answer parsed like any other. By
   * XMLHttpRequest, not fetch: only it reports how much of a large upload has been sent.
   */
  sendFile<S extends z.ZodType>(
    path: string,
    file: Blob,
    schema: S,
    options?: { readonly contentType?: string; readonly onProgress?: (fraction: number) => void },
  ): Promise<z.infer<S>>;
};

const NETWORK_MESSAGE = 'Insatsnavet svarar inte. Kontrollera anslutningen och försök igen.';

async function errorFrom(response: Response): Promise<ApiError> {
  return errorFromText(response.status, await response.text().catch(() => ''));
}

function errorFromText(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    const error = body.error;
    if (error !== undefined && typeof error.message === 'string') {
      const details =
        typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
      return new ApiError(status, String(error.code ?? 'ERROR'), error.message, details);
    }
  } catch {
    // not our error shape (a proxy's page): fall through to a generic message
  }
  return new ApiError(status, 'HTTP', `Insatsnavet svarade ${status}. Försök igen om en stund.`);
}

const UNEXPECTED_MESSAGE = 'Insatsnavet svarade med något fliken inte förstår. Ladda om sidan.';

function parseAnswer<S extends z.ZodType>(path: string, schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.warn('Oväntat svar från', path, parsed.error.issues.slice(0, 3));
    throw new ApiError(502, 'UNEXPECTED_ANSWER', UNEXPECTED_MESSAGE);
  }
  return parsed.data;
}

export function createApiClient(credentials: Credentials): ApiClient {
  async function headersWith(extra: Record<string, string>): Promise<Record<string, string>> {
    const authorization = await credentials();
    return authorization === null ? extra : { ...extra, authorization };
  }

  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    ifMatch?: string,
  ): Promise<z.infer<S>> {
    const headers = await headersWith({ accept: 'application/json' });
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (ifMatch !== undefined) {
      headers['if-match'] = ifMatch;
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
    }
    if (!response.ok) {
      throw await errorFrom(response);
    }
    return parseAnswer(path, schema, await response.json().catch(() => undefined));
  }

  async function getFile(path: string): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(path, { headers: await headersWith({}), credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
    }
    if (!response.ok) {
      throw await errorFrom(response);
    }
    return response.blob();
  }

  async function sendFile<S extends z.ZodType>(
    path: string,
    file: Blob,
    schema: S,
    options: { readonly contentType?: string; readonly onProgress?: (fraction: number) => void } = {},
  ): Promise<z.infer<S>> {
    const headers = await headersWith({
      accept: 'application/json',
      'content-type': options.contentType ?? 'application/octet-stream',
    });
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', path);
      for (const [name, value] of Object.entries(headers)) {
        request.setRequestHeader(name, value);
      }
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) {
          options.onProgress?.(event.loaded / event.total);
        }
      };
      request.onload = () => resolve({ status: request.status, text: request.responseText });
      // the server may answer a refusal (413) and close before the body is sent: no status then
      request.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
      request.onabort = () => reject(new ApiError(0, 'NETWORK', NETWORK_MESSAGE));
      request.send(file);
    });
    if (status < 200 || status >= 300) {
      throw errorFromText(status, text);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return parseAnswer(path, schema, body);
  }

  return {
    get: (path, schema) => call('GET', path, schema),
    send: (method, path, body, schema, options) => call(method, path, schema, body, options?.ifMatch),
    getFile,
    sendFile,
  };
}
