/**
 * A tiny HTTP server on port 0 for the Graph client's unit tests: it records every request and
 * answers what the test scripts, so retry, headers and error mapping are tested over real HTTP
 * without the local SharePoint.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = {
  readonly method: string;
  /** path and query, e.g. `/v1.0/sites/root` */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** the body parsed as JSON, when it is */
  readonly json: unknown;
};

export type Reply = {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** an object is sent as JSON; a string or Buffer as it is */
  readonly body?: unknown;
};

export type ScriptedServer = {
  readonly origin: string;
  /** origin + `/v1.0` */
  readonly graphUrl: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
};

export async function startScriptedServer(
  answer: (request: RecordedRequest, index: number) => Reply | Promise<Reply>,
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body,
        json: parseJson(body),
      };
      requests.push(recorded);
      Promise.resolve(answer(recorded, requests.length - 1))
        .then((reply) => send(outgoing, reply))
        .catch((error: unknown) =>
          send(outgoing, { status: 500, body: { error: { code: 'testBug', message: String(error) } } }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    graphUrl: `${origin}/v1.0`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function send(outgoing: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: Buffer | string | undefined;
  if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
    payload = reply.body;
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  outgoing.writeHead(reply.status, headers);
  outgoing.end(payload);
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    // not JSON (an upload): tests read `body` instead
    return undefined;
  }
}

/** Graph's error envelope. */
export function graphError(status: number, code: string, message: string, headers?: Record<string, string>): Reply {
  return {
    status,
    headers,
    body: { error: { code, message, innerError: { date: '2026-01-01T00:00:00', 'request-id': 'test' } } },
  };
}

/** A sleep that records what it was asked to wait and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
    },
  };
}
