/**
 * The pure request handler: EmulatorRequest in, EmulatorResponse out, no sockets. It checks the
 * bearer token, applies injected faults, routes, runs the route inside one SQLite transaction
 * (so a request's writes commit together, before the answer, or not at all), turns every
 * failure into Graph's error envelope, and logs the request.
 */
import { performance } from 'node:perf_hooks';
import type { EmulatorContext, RequestScope } from './context.ts';
import { errorResponse, GraphError, methodNotAllowed } from './errors.ts';
import type { FaultRule } from './faults.ts';
import type { EmulatorRequest, EmulatorResponse } from './http-types.ts';
import { isoSeconds, newGuid } from './ids.ts';
import { QueryOptions } from './query-options.ts';
import { matchGraphRoute, type RouteMatch } from './router.ts';
import { runBatch } from './routes/batch.ts';
import { emulatorRoute } from './routes/emulator.ts';

export type RequestHandler = (request: EmulatorRequest) => Promise<EmulatorResponse>;

const GRAPH_PREFIX = '/v1.0';
const EMULATOR_PREFIX = '/_emulator';

/**
 * The Graph JS SDK only recognises https:// nextLinks; given an http:// one it joins it onto its
 * base URL (`/v1.0/http://127.0.0.1:5050/v1.0/sites/…`). Accept that form so the SDK's
 * PageIterator works against the local SharePoint unchanged.
 */
function stripEmbeddedBaseUrl(graphPath: string): string {
  const embedded = /^\/https?:\/\/?[^/]+\/v1\.0(\/.*)?$/i.exec(graphPath);
  return embedded === null ? graphPath : (embedded[1] ?? '');
}

function preferTokens(header: string | undefined): Set<string> {
  const tokens = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const token = part.trim().toLowerCase();
    if (token !== '') {
      tokens.add(token);
    }
  }
  return tokens;
}

function hasBearerToken(headers: Readonly<Record<string, string>>): boolean {
  const value = headers.authorization;
  return value !== undefined && /^bearer\s+\S+/i.test(value.trim());
}

function bearerToken(headers: Readonly<Record<string, string>>): string | undefined {
  return /^bearer\s+(\S+)/i.exec(headers.authorization?.trim() ?? '')?.[1];
}

function faultError(rule: FaultRule): GraphError {
  const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  switch (rule.status) {
    case 429:
      return new GraphError(429, 'TooManyRequests', 'Too many requests.', {
        headers,
        innerCode: '429',
        innerExtra: { status: '429', message: 'Please retry after' },
      });
    case 503:
      return new GraphError(
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable. Retry after the delay in Retry-After.',
        { headers },
      );
    case 504:
      return new GraphError(504, 'gatewayTimeout', 'The gateway timed out.', { headers });
    default:
      return new GraphError(500, 'generalException', 'An unexpected error occurred (injected fault).', { headers });
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // a malformed %-escape is the caller's error, not ours
    throw new GraphError(400, 'invalidRequest', `The path segment '${segment}' is not correctly percent-encoded.`);
  }
}

export function createRequestHandler(ctx: EmulatorContext): RequestHandler {
  const handle = async (request: EmulatorRequest, inBatch: boolean): Promise<EmulatorResponse> => {
    const started = performance.now();
    const requestId = newGuid();
    const clientRequestId = request.headers['client-request-id'];
    const now = ctx.now();
    const isEmulator = request.path === EMULATOR_PREFIX || request.path.startsWith(`${EMULATOR_PREFIX}/`);
    const isGraph = request.path === GRAPH_PREFIX || request.path.startsWith(`${GRAPH_PREFIX}/`);
    const graphPath = isGraph ? stripEmbeddedBaseUrl(request.path.slice(GRAPH_PREFIX.length)) : request.path;
    let routeName = 'unknown';
    let response: EmulatorResponse;
    try {
      const host = request.headers.host;
      const origin = host === undefined ? ctx.defaultOrigin : `http://${host}`;
      const scope: RequestScope = {
        ctx,
        request,
        graphPath,
        query: new QueryOptions(request.query),
        graphRoot: `${origin}${GRAPH_PREFIX}`,
        prefer: preferTokens(request.headers.prefer),
        nowIso: isoSeconds(now),
      };
      if (isEmulator) {
        const segments = request.path
          .slice(EMULATOR_PREFIX.length)
          .split('/')
          .filter((segment) => segment !== '')
          .map(decodeSegment);
        response = ctx.db.transaction(() => emulatorRoute(scope, segments))();
      } else {
        response = await handleGraph(scope, inBatch, (name) => {
          routeName = name;
        });
      }
    } catch (error) {
      let graphError: GraphError;
      if (error instanceof GraphError) {
        graphError = error;
      } else {
        // a bug in the local SharePoint: say so in Graph's shape and leave a trace
        console.error('local-sharepoint: unexpected error', error);
        graphError = new GraphError(500, 'generalException', 'An unexpected error occurred in the local SharePoint.');
      }
      response = errorResponse(graphError, { requestId, clientRequestId, date: now });
    }
    response.headers['request-id'] = requestId;
    if (clientRequestId !== undefined) {
      response.headers['client-request-id'] = clientRequestId;
    }
    if (!isEmulator) {
      ctx.log.add({
        at: now.toISOString(),
        method: request.method,
        // the SDK's doubled nextLink form is logged as the path it stands for
        path: isGraph ? `${GRAPH_PREFIX}${graphPath}` : request.path,
        route: routeName,
        status: response.status,
        inBatch,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      });
    }
    return response;
  };

  const handleGraph = async (
    scope: RequestScope,
    inBatch: boolean,
    setRoute: (name: string) => void,
  ): Promise<EmulatorResponse> => {
    const request = scope.request;
    if (!(request.path === GRAPH_PREFIX || request.path.startsWith(`${GRAPH_PREFIX}/`))) {
      throw new GraphError(
        400,
        'BadRequest',
        `Invalid version in '${request.path}': the local SharePoint serves /v1.0.`,
      );
    }
    let match: RouteMatch | undefined;
    let routeError: unknown;
    try {
      match = matchGraphRoute(scope.graphPath);
      setRoute(`${request.method} ${match.template}`);
    } catch (error) {
      routeError = error;
    }
    // Graph checks the token before anything else
    if (!hasBearerToken(request.headers)) {
      throw new GraphError(401, 'unauthenticated', 'Access token is empty or not a Bearer token.', {
        headers: {
          'www-authenticate':
            'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
        },
      });
    }
    if (ctx.acceptedToken !== undefined && bearerToken(request.headers) !== ctx.acceptedToken) {
      // Graph's answer to a token it did not issue or that has expired
      throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', {
        headers: { 'www-authenticate': 'Bearer realm="", error="invalid_token"' },
      });
    }
    if (request.bodyTooLarge === true) {
      throw new GraphError(
        413,
        'invalidRequest',
        'The request body is larger than the local SharePoint accepts.',
        /\/content$/.test(request.path) ? { innerCode: 'maxFileSizeExceeded' } : {},
      );
    }
    const fault = ctx.faults.decide(request.method, request.path, ctx.random);
    if (fault.latencyMs > 0) {
      await ctx.sleep(fault.latencyMs);
    }
    if (fault.status !== undefined) {
      throw faultError(fault.status);
    }
    if (match === undefined) {
      throw routeError;
    }
    if (match.kind === 'batch') {
      if (inBatch) {
        throw new GraphError(400, 'invalidRequest', 'A batch cannot contain another batch.');
      }
      if (request.method !== 'POST') {
        throw methodNotAllowed(request.method, ['POST']);
      }
      return runBatch(scope, (inner) => handle(inner, true));
    }
    const handler = match.handlers[request.method];
    if (handler === undefined) {
      throw methodNotAllowed(request.method, Object.keys(match.handlers));
    }
    // better-sqlite3 is synchronous: the whole route runs in this transaction, nothing interleaves
    return ctx.db.transaction(() => handler(scope))();
  };

  return (request) => handle(request, false);
}
