/**
 * The restify composition of Insatsnavet's HTTP surface: the tab at `/`, its API under `/api/*`,
 * and the bot at `/api/messages`. Everything a route needs is passed in (hand wiring, no container).
 */
import restify, { type Request, type Response, type Server } from 'restify';
import { AppError } from '../domain/app-error.ts';
import { sendError } from './http-errors.ts';
import type { Logger } from './logger.ts';

export type ServerDependencies = {
  readonly logger: Logger;
  readonly handleBotMessage: (req: Request, res: Response) => Promise<void>;
  readonly renderHomePage: () => Promise<string>;
  readonly checkHealth: () => Promise<{ ok: boolean; graph: string }>;
  /** mounts further routes under /api (the insats register's API) */
  readonly mountApi?: (server: Server) => void;
};

/** Bot activities and API bodies are small; anything larger is refused before it is parsed. */
const MAX_BODY_BYTES = 1024 * 1024;

export function createServer(deps: ServerDependencies): Server {
  const server = restify.createServer({ name: 'Insatsnavet', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));

  server.get('/', async (_req, res) => {
    try {
      const html = await deps.renderHomePage();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });

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
    try {
      await deps.handleBotMessage(req, res);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
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
      const appError = new AppError(code, `${req.method} ${req.url}: ${err.message ?? ''}`);
      if (status >= 500) {
        deps.logger.error({ err }, 'request failed');
      }
      // restify serialises the error itself; give it our body.
      Object.assign(err, { toJSON: () => ({ error: appError.toJSON() }) });
      res.setHeader('content-type', 'application/json');
      callback();
    },
  );

  return server;
}
