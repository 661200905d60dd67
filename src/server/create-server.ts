/**
 * The restify composition of Insatsnavet's HTTP surface: the tab at `/`, its API under `/api/*`,
 * the bot at `/api/messages`, and the probes `/healthz` (the process serves) and `/readyz`
 * (SharePoint answers and has the schema this version expects). Everything a route needs is
 * passed in (hand wiring, no container).
 *
 * Every request gets a correlation id (the caller's `x-correlation-id`/`x-request-id` when it is
 * sane, else a new UUID), echoed in the `x-correlation-id` response header and carried by every
 * log line logged while the request is handled (logger.ts withLogContext); a bot turn adds the
 * activity and conversation ids.
 */
import { createHash, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import restify, { type Request, type Response, type Server } from 'restify';
import { AppError } from '../domain/app-error.ts';
import type { Readiness } from '../sharepoint/schema-version.ts';
import { sendError } from './http-errors.ts';
import { readJsonBody } from './json-body.ts';
import { PRIVACY_PAGE, TERMS_PAGE } from './legal-pages.ts';
import { loggableUrl } from './loggable-url.ts';
import { type Logger, withLogContext } from './logger.ts';
import type { TabAssets } from './tab-assets.ts';

export type ServerDependencies = {
  readonly logger: Logger;
  readonly handleBotMessage: (req: Request, res: Response) => Promise<void>;
  readonly renderHomePage: () => Promise<string>;
  readonly checkHealth: () => Promise<{ ok: boolean; graph: string }>;
  /** for /readyz: SharePoint reachable and its schema version the expected one */
  readonly checkReadiness: () => Promise<Readiness>;
  /** the built tab (dist/tab); absent or null: `/` serves the server-rendered overview instead */
  readonly tab?: TabAssets | null;
  /** mounts further routes under /api (the insats register's API) */
  readonly mountApi?: (server: Server) => void;
  /** requests whose body their route reads itself (a PDF upload, up to 20 MB): the JSON reader stands aside */
  readonly readsOwnBody?: (req: Request) => boolean;
};

export const CORRELATION_HEADER = 'x-correlation-id';
/** what a caller's id may look like: no spaces, quotes or control characters that would garble a log */
const SANE_ID = /^[\w.:@/+=-]{1,100}$/;
/** probes come every few seconds; their lines are debug, not info */
const PROBE_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/api/health']);

const correlationIds = new WeakMap<Request, string>();

/**
 * Who may frame the tab: Teams, Outlook and Microsoft 365 (old hosts and the *.cloud.microsoft
 * ones they are moving to, as Microsoft's tab requirements list them) and SharePoint, where the
 * tab runs as a page. No X-Frame-Options: it cannot name several hosts and would block Teams.
 */
export const FRAME_ANCESTORS: readonly string[] = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.teams.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
];

/**
 * The page's Content-Security-Policy. Its inline <style> blocks are allowed by their SHA-256
 * hash (computed from the page as rendered, so editing the CSS cannot break it), not by
 * 'unsafe-inline'; the page has no scripts, so nothing but same-origin script may run.
 */
export function contentSecurityPolicy(html: string): string {
  const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '')
        .digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/**
 * The hash of the empty string. Fluent UI's style engine (Griffel) creates empty <style> elements
 * and fills them through the CSSOM (`insertRule`), which style-src does not govern; the empty
 * element itself must be allowed, and allowing exactly the empty content is all it takes — no
 * 'unsafe-inline'.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * teams-js checks the host's origin against Microsoft's published list of valid host domains,
 * which it fetches from this CDN when it loads (only inside a host: the tab loads teams-js then).
 */
const TEAMS_JS_VALID_DOMAINS = 'https://res.cdn.office.net';

/**
 * The tab's Content-Security-Policy: its scripts and styles are files of its own origin, its API
 * is same-origin, and teams-js talks to Teams by postMessage (plus the list of valid domains).
 */
export function tabContentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${TEAMS_JS_VALID_DOMAINS}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** the request's correlation id (set before routing, so every request has one) */
export function correlationIdOf(req: Request): string | undefined {
  return correlationIds.get(req);
}

/** the caller's id when it is one we can log safely, else a new one */
export function pickCorrelationId(headers: Request['headers']): string {
  for (const name of [CORRELATION_HEADER, 'x-request-id']) {
    const value = headers[name];
    if (typeof value === 'string' && SANE_ID.test(value)) {
      return value;
    }
  }
  return randomUUID();
}

export function createServer(deps: ServerDependencies): Server {
  const server = restify.createServer({ name: 'Insatsnavet', handleUncaughtExceptions: false });
  const inRequestContext = <T>(req: Request, work: () => T): T =>
    withLogContext({ correlationId: correlationIds.get(req) ?? 'unknown' }, work);

  // before routing, so a 404 or a refused body carries the id too
  server.pre((req, res, next) => {
    const id = pickCorrelationId(req.headers);
    correlationIds.set(req, id);
    res.setHeader(CORRELATION_HEADER, id);
    // every answer, errors and 404s included: no MIME sniffing, no full URLs leaked in Referer
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    if (req.getPath() === '/api' || req.getPath().startsWith('/api/')) {
      // the API answers personal data: no browser or proxy cache may keep it (a route may say otherwise)
      res.setHeader('cache-control', 'no-store');
    }
    next();
  });
  // JSON only, at most 1 MB, UTF-8, not compressed, not absurdly nested (json-body.ts): restify's
  // bodyParser took gzip (a bad stream crashed the process) and multipart (files in /tmp)
  const readJson = readJsonBody();
  server.use((req, res, next) => (deps.readsOwnBody?.(req) === true ? next() : readJson(req, res, next)));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // last of the `use` chain: the route handler, and all it awaits, runs inside the request's context
  server.use((req, _res, next) => inRequestContext(req, () => next()));

  server.on('after', (req: Request, res: Response) => {
    inRequestContext(req, () => {
      // not the raw URL: a calendar link's secret and typed query values (a personnummer) stay out
      const url = loggableUrl(req.url ?? '', req.getRoute()?.path?.toString());
      const line = { method: req.method, url, status: res.statusCode, ms: Date.now() - req.time() };
      if (PROBE_PATHS.has(req.getPath())) {
        deps.logger.debug(line, 'request');
      } else {
        deps.logger.info(line, 'request');
      }
    });
  });

  server.get('/healthz', async (_req, res) => {
    // the process answers: no dependency is asked, so a SharePoint outage never restarts the app
    res.header('cache-control', 'no-store');
    res.json(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    let readiness: Readiness;
    try {
      readiness = await deps.checkReadiness();
    } catch (error) {
      deps.logger.warn({ err: error }, 'the readiness check failed');
      readiness = { ready: false, reason: 'SharePoint svarar inte' };
    }
    res.header('cache-control', 'no-store');
    if (readiness.ready) {
      res.json(200, { status: 'ready', schemaVersion: readiness.schemaVersion });
    } else {
      deps.logger.warn({ reason: readiness.reason }, 'not ready');
      res.json(503, { status: 'unavailable', reason: readiness.reason });
    }
  });

  const tab = deps.tab ?? null;
  if (tab !== null) {
    const servePage = async (_req: Request, res: Response) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        // the page names the current assets: always fetch it afresh, so a new version loads at once
        'cache-control': 'no-cache',
        'content-security-policy': tabContentSecurityPolicy(),
      });
      res.end(tab.page);
    };
    server.get('/', servePage);
    // the configurable tab's configuration page (manifest configurationUrl): the same app
    server.get('/config', servePage);
    server.get('/assets/:name', async (req: Request, res: Response) => {
      const asset = tab.assets.get(String(req.params?.name ?? ''));
      if (asset === undefined) {
        sendError(res, new AppError('NOT_FOUND', `no tab asset ${req.url}`), deps.logger);
        return;
      }
      const gzip = asset.gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const body = gzip && asset.gzip !== null ? asset.gzip : asset.body;
      res.writeHead(200, {
        'content-type': asset.contentType,
        'content-length': body.length,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        vary: 'accept-encoding',
        // hashed names: a new build has new names
        'cache-control': 'public, max-age=31536000, immutable',
      });
      res.end(body);
    });
  } else {
    server.get('/', async (_req, res) => {
      try {
        const html = await deps.renderHomePage();
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy': contentSecurityPolicy(html),
        });
        res.end(html);
      } catch (error) {
        sendError(res, error, deps.logger);
      }
    });
  }

  // the manifest's privacy and terms links (developer.privacyUrl, termsOfUseUrl)
  for (const [path, html] of [
    ['/integritet', PRIVACY_PAGE],
    ['/villkor', TERMS_PAGE],
  ] as const) {
    server.get(path, async (_req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'content-security-policy': contentSecurityPolicy(html),
      });
      res.end(html);
    });
  }

  server.get('/api/health', async (_req, res) => {
    try {
      const health = await deps.checkHealth();
      res.status(health.ok ? 200 : 503);
      res.json(health);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

  server.post('/api/messages', async (req, res) => {
    // the turn's lines carry the activity and the conversation (ids only, never the text)
    const { activityType, ...ids } = activityIds(req.body);
    await withLogContext(ids, async () => {
      deps.logger.debug({ activityType }, 'bot activity');
      try {
        await deps.handleBotMessage(req, res);
      } catch (error) {
        sendError(res, error, deps.logger);
      }
    });
  });

  deps.mountApi?.(server);

  // restify answers its own errors (bad JSON, too large, unknown route) as { code, message };
  // reshape them into our { error: { code, message } } with a Swedish message.
  server.on(
    'restifyError',
    (req: Request, res: Response, err: { statusCode?: number; message?: string }, callback: () => void) => {
      const status = err.statusCode ?? 500;
      const code =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status === 405
              ? 'INVALID_INPUT'
              : status < 500
                ? 'INVALID_INPUT'
                : 'INTERNAL';
      const appError = new AppError(code, `${req.method} ${req.url}: ${err.message ?? ''}`, {
        ...(status === 405 ? { userMessage: `Adressen finns, men inte för ${req.method}.` } : {}),
        ...(status === 406 ? { userMessage: 'Insatsnavet svarar med JSON (accept: application/json).' } : {}),
      });
      if (status >= 500) {
        inRequestContext(req, () => deps.logger.error({ err }, 'request failed'));
      }
      // restify serialises the error itself; give it our body.
      Object.assign(err, { toJSON: () => ({ error: appError.toJSON() }) });
      res.setHeader('content-type', 'application/json');
      callback();
    },
  );

  // what Node's HTTP parser refuses before restify sees a request (headers over 16 KB, a
  // malformed request line) is answered in our error shape too, not with a bare status line
  server.server.on('clientError', answerClientError);

  return server;
}

/** Node's own answer to a request it could not parse (its default handler), with our error body */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  const response: unknown = Reflect.get(socket, '_httpMessage');
  const started = typeof response === 'object' && response !== null && Reflect.get(response, 'headersSent') === true;
  if (error.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const userMessage =
    status === 431
      ? 'Anropets huvuden (headers) är för stora.'
      : status === 408
        ? 'Anropet tog för lång tid att skicka.'
        : 'Anropet kunde inte läsas (felaktig HTTP).';
  const body = JSON.stringify({ error: new AppError('INVALID_INPUT', error.message, { userMessage }).toJSON() });
  socket.end(
    [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

/** the ids of a Bot Framework activity, when the body has them as short strings */
function activityIds(body: unknown): { activityId?: string; conversationId?: string; activityType?: string } {
  if (typeof body !== 'object' || body === null) {
    return {};
  }
  const record = body as { id?: unknown; type?: unknown; conversation?: { id?: unknown } | null };
  const short = (value: unknown): string | undefined =>
    typeof value === 'string' && value.length <= 300 ? value : undefined;
  const ids = {
    activityId: short(record.id),
    conversationId: short(record.conversation?.id),
    activityType: short(record.type),
  };
  return Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== undefined));
}
