/**
 * The GraphClient adapter (graph-client.ts is the port): `@microsoft/microsoft-graph-client`
 * with our own middleware chain — auth → retry → User-Agent → logging/timeout → fetch — and
 * every failure turned into AppError here, so no GraphError or header reaches a caller.
 *
 * Responses are read raw (ResponseType.RAW) and parsed by us: the SDK would throw its own
 * error shapes for non-2xx answers, and its URL parser only understands https hosts.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Client, type GraphRequest, HTTPMessageHandler, ResponseType } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Config } from '../../config/env.ts';
import { AppError, isAppError } from '../../domain/app-error.ts';
import { AuthMiddleware } from './auth-middleware.ts';
import { executeBatch } from './batch.ts';
import type { GraphBatchRequest, GraphClient, GraphRequestOptions, GraphUploadOptions } from './graph-client.ts';
import { type GraphLogger, SILENT_LOGGER } from './graph-logger.ts';
import { type GraphRoot, parseGraphRoot, pathForDetails, toGraphPath } from './graph-url.ts';
import { LoggingMiddleware } from './logging-middleware.ts';
import { mapGraphError, mapTransportError } from './map-graph-error.ts';
import { RequestState } from './middleware-context.ts';
import { RetryMiddleware } from './retry-middleware.ts';
import { createTokenProvider } from './token-providers.ts';
import { DEFAULT_USER_AGENT, UserAgentMiddleware } from './user-agent-middleware.ts';

export type CreateGraphClientOptions = {
  /** the v1.0 root, e.g. `http://127.0.0.1:5050/v1.0` or `https://graph.microsoft.com/v1.0` */
  readonly baseUrl: string;
  readonly auth: Config['graphAuth'];
  readonly logger?: GraphLogger;
  /** how to wait before a retry; tests pass one that returns at once */
  readonly sleep?: (ms: number) => Promise<void>;
  /** retries of a throttled request (429/503/504), default 5 */
  readonly maxRetries?: number;
  /** default `NONISV|Insatsnavet|Insatsnavet/<version>` */
  readonly userAgent?: string;
  /** Entra ID host for client credentials, default `https://login.microsoftonline.com` */
  readonly authorityHost?: string;
  /** a Retry-After longer than this is not waited for (THROTTLED at once), default 180 s */
  readonly maxRetryAfterMs?: number;
  /** per attempt, default 100 s */
  readonly timeoutMs?: number;
  /** clock and randomness of the backoff, for tests */
  readonly now?: () => number;
  readonly random?: () => number;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const DEFAULT_MAX_RETRIES = 5;
const DEFAULT_MAX_RETRY_AFTER_MS = 180_000;
const DEFAULT_TIMEOUT_MS = 100_000;

const pageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

export function createGraphClient(options: CreateGraphClientOptions): GraphClient {
  const root = parseGraphRoot(options.baseUrl);
  const logger = options.logger ?? SILENT_LOGGER;
  const retryPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    sleep: options.sleep ?? ((ms: number) => delay(ms)),
    logger,
    maxDelayMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
  };
  const tokenProvider = createTokenProvider(options.auth, {
    authorityHost: options.authorityHost,
    scopes: [graphScope(root)],
  });
  const client = Client.initWithMiddleware({
    baseUrl: root.host,
    defaultVersion: root.version,
    // The SDK only treats Graph's own hosts as Graph; the local SharePoint is a custom host.
    customHosts: new Set([root.hostname]),
    middleware: [
      new AuthMiddleware(tokenProvider, root.origin),
      new RetryMiddleware(retryPolicy),
      new UserAgentMiddleware(options.userAgent ?? DEFAULT_USER_AGENT),
      new LoggingMiddleware(logger, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      new HTTPMessageHandler(),
    ],
  });

  const exchange = createExchange(client, root);

  const requestJson = async (
    method: Method,
    pathOrUrl: string,
    body: unknown,
    requestOptions: GraphUploadOptions = {},
  ): Promise<unknown> => {
    const sent = await exchange(method, pathOrUrl, body, requestOptions);
    return readJson(sent);
  };

  const getAll = async (path: string, requestOptions?: GraphRequestOptions): Promise<unknown[]> => {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let next: string | undefined = path;
    while (next !== undefined) {
      const page = pageSchema.safeParse(await requestJson('GET', next, undefined, requestOptions));
      if (!page.success) {
        throw new AppError('UPSTREAM_FAILED', `Graph GET ${pathForDetails(next)} did not return a collection`, {
          details: { status: 200, method: 'GET', path: pathForDetails(next) },
        });
      }
      items.push(...page.data.value);
      // An empty page with a nextLink is normal on large SharePoint lists: keep going.
      next = page.data['@odata.nextLink'];
      if (next !== undefined) {
        if (seen.has(next)) {
          throw new AppError('UPSTREAM_FAILED', `Graph repeated the nextLink ${next}`, {
            details: { status: 200, method: 'GET', path: pathForDetails(path) },
          });
        }
        seen.add(next);
      }
    }
    return items;
  };

  return {
    get: (path, requestOptions) => requestJson('GET', path, undefined, requestOptions),
    getAll,
    post: (path, body, requestOptions) => requestJson('POST', path, body, requestOptions),
    patch: (path, body, requestOptions) => requestJson('PATCH', path, body, requestOptions),
    put: (path, content, requestOptions) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : toBuffer(content);
      return requestJson('PUT', path, bytes, {
        ...requestOptions,
        contentType: requestOptions?.contentType ?? 'application/octet-stream',
      });
    },
    delete: async (path, requestOptions) => {
      const sent = await exchange('DELETE', path, undefined, requestOptions ?? {});
      await readJson(sent);
    },
    getBytes: async (path, requestOptions) => {
      const sent = await exchange('GET', path, undefined, requestOptions ?? {});
      if (!sent.response.ok) {
        await throwFailure(sent);
      }
      return new Uint8Array(await readBody(sent, (response) => response.arrayBuffer()));
    },
    batch: (requests: readonly GraphBatchRequest[]) =>
      executeBatch(requests, (body) => requestJson('POST', '/$batch', body), retryPolicy),
  };
}

type Exchanged = {
  readonly response: Response;
  readonly method: Method;
  readonly path: string;
  readonly retries: number;
};

/** Sends one request through the middleware chain; a response of any status comes back. */
function createExchange(client: Client, root: GraphRoot) {
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

async function readJson(sent: Exchanged): Promise<unknown> {
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

async function throwFailure(sent: Exchanged): Promise<never> {
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
async function readBody<T>(sent: Exchanged, read: (response: Response) => Promise<T>): Promise<T> {
  try {
    return await read(sent.response);
  } catch (error) {
    throw mapTransportError(error, sent.method, pathForDetails(sent.path));
  }
}

/** The SDK re-wraps typed arrays by their whole underlying buffer; a Buffer view is sent as is. */
function toBuffer(content: Uint8Array): Buffer {
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/** App-only tokens are for the Graph cloud that is called; anything else (the emulator) takes Graph's. */
function graphScope(root: GraphRoot): string {
  return /^graph\.microsoft\.(com|us)$|^microsoftgraph\.chinacloudapi\.cn$|^dod-graph\.microsoft\.us$/.test(
    root.hostname,
  )
    ? `${root.origin}/.default`
    : 'https://graph.microsoft.com/.default';
}
