/**
 * The GraphClient adapter (graph-client.ts is the port): `@microsoft/microsoft-graph-client`
 * with our own middleware chain — auth → retry → User-Agent → logging/timeout → fetch — and
 * every failure turned into AppError here, so no GraphError or header reaches a caller.
 *
 * Paths are made relative to the version root before the SDK sees them: its URL parser only
 * understands https hosts, and a nextLink of the local SharePoint is http.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Config } from '../../config/env.ts';
import { AppError } from '../../domain/app-error.ts';
import { AuthMiddleware } from './auth-middleware.ts';
import { executeBatch } from './batch.ts';
import type { GraphBatchRequest, GraphClient, GraphRequestOptions, GraphUploadOptions } from './graph-client.ts';
import { createExchange, type Method, readBody, readJson, throwFailure } from './graph-exchange.ts';
import { type GraphLogger, SILENT_LOGGER } from './graph-logger.ts';
import { type GraphRoot, parseGraphRoot, pathForDetails } from './graph-url.ts';
import { LoggingMiddleware } from './logging-middleware.ts';
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
