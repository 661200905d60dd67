/**
 * The node:http listener of the local SharePoint: reads the request (with a size limit),
 * hands it to the pure handler (handler.ts) and writes the answer. Listens on loopback only:
 * any bearer token is accepted, so it must never be reachable from another machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureRootSite } from './bootstrap.ts';
import type { EmulatorContext } from './context.ts';
import { FaultStore } from './faults.ts';
import { createRequestHandler, type RequestHandler } from './handler.ts';
import type { EmulatorRequest, EmulatorResponse } from './http-types.ts';
import { isoSeconds } from './ids.ts';
import { RequestLog } from './request-log.ts';
import { openDatabase } from './store/sqlite.ts';

export type LocalSharePointOptions = {
  /** 0 = random free port; default 5050 */
  port?: number;
  /** default '127.0.0.1' (never listen on other interfaces) */
  host?: string;
  /** folder; the SQLite file lives at <dataDir>/local-sharepoint.sqlite; ':memory:' for in-memory */
  dataDir: string;
  /** SharePoint hostname in site ids, default 'insatsnavet.sharepoint.local' */
  hostname?: string;
  /** default 10 MiB for JSON, 250 MiB for file content; when set, it caps both */
  maxBodyBytes?: number;
  /** the only bearer token accepted (tests of a real token flow); default: any token */
  acceptedToken?: string;
};

export type LocalSharePoint = {
  /** http://127.0.0.1:PORT */
  url: string;
  /** `${url}/v1.0` */
  graphUrl: string;
  port: number;
  close(): Promise<void>;
};

const MiB = 1024 * 1024;
export const DEFAULT_JSON_LIMIT = 10 * MiB;
export const DEFAULT_CONTENT_LIMIT = 250 * MiB;
const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1']);

function isContentUpload(method: string, path: string): boolean {
  return method === 'PUT' && /\/content$/.test(path);
}

type ReadBody = { body: Uint8Array; tooLarge: boolean };

/** Reads the whole body; past the limit it keeps draining (so the client can read the 413) but stores nothing. */
function readBody(request: http.IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    let tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) {
        return;
      }
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve({ body: tooLarge ? new Uint8Array() : Buffer.concat(chunks), tooLarge }));
    request.on('error', reject);
  });
}

function headerRecord(request: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return headers;
}

function writeResponse(response: http.ServerResponse, result: EmulatorResponse): void {
  let payload: Buffer | undefined;
  if (result.json !== undefined) {
    payload = Buffer.from(JSON.stringify(result.json), 'utf8');
  } else if (result.bytes !== undefined) {
    payload = Buffer.from(result.bytes);
  }
  const headers: Record<string, string> = { ...result.headers };
  // a 204 carries no body and, by RFC 9110, no Content-Length either
  if (result.status !== 204) {
    headers['content-length'] = String(payload?.length ?? 0);
  }
  response.writeHead(result.status, headers);
  response.end(payload);
}

async function serve(
  handler: RequestHandler,
  limits: { json: number; content: number },
  request: http.IncomingMessage,
  response: http.ServerResponse,
): Promise<void> {
  const url = request.url ?? '/';
  const question = url.indexOf('?');
  const path = question === -1 ? url : url.slice(0, question);
  const method = (request.method ?? 'GET').toUpperCase();
  const { body, tooLarge } = await readBody(request, isContentUpload(method, path) ? limits.content : limits.json);
  const emulatorRequest: EmulatorRequest = {
    method,
    path,
    query: question === -1 ? '' : url.slice(question + 1),
    headers: headerRecord(request),
    body,
    bodyTooLarge: tooLarge,
  };
  writeResponse(response, await handler(emulatorRequest));
}

export async function startLocalSharePoint(options: LocalSharePointOptions): Promise<LocalSharePoint> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new Error(`The local SharePoint accepts any token and listens on loopback only, not on '${host}'.`);
  }
  const db = openDatabase(options.dataDir);
  db.transaction(() => ensureRootSite(db, isoSeconds(new Date())))();
  const server = http.createServer();
  let origin = `http://${host}:${options.port ?? 5050}`;
  const ctx: EmulatorContext = {
    db,
    hostname: options.hostname ?? 'insatsnavet.sharepoint.local',
    get defaultOrigin() {
      return origin;
    },
    now: () => new Date(),
    random: Math.random,
    sleep: (ms) => delay(ms),
    faults: new FaultStore(),
    log: new RequestLog(),
    ...(options.acceptedToken === undefined ? {} : { acceptedToken: options.acceptedToken }),
  };
  const handler = createRequestHandler(ctx);
  const limits = {
    json: options.maxBodyBytes ?? DEFAULT_JSON_LIMIT,
    content: options.maxBodyBytes ?? DEFAULT_CONTENT_LIMIT,
  };
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    serve(handler, limits, request, response).catch((error: unknown) => {
      // the handler answers every failure itself; this is a broken socket or a bug in serve()
      console.error('local-sharepoint: request failed', error);
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'generalException', message: 'Request failed.' } }));
      } else {
        response.destroy();
      }
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 5050, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = host === '::1' ? '[::1]' : host;
  origin = `http://${hostForUrl}:${port}`;
  let closed = false;
  return {
    url: origin,
    graphUrl: `${origin}/v1.0`,
    port,
    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      db.close();
    },
  };
}
