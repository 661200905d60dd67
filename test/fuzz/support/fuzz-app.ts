/**
 * One booted Insatsnavet per fuzz file (bootApp as `npm start` does: random ports, a fresh data
 * folder, the demo seeded, no sweep, a rate limit high enough that the limiter is not what
 * answers), raw HTTP to it (any bytes, any headers), and the local SharePoint's request log to see
 * what an answer wrote.
 *
 * `expectSafeAnswer` is the suite's one property of an answer: never a 5xx; JSON; a 4xx is our
 * error shape with a Swedish message (no zod defaults in English); a refusal wrote nothing — but
 * the AuditLog row `nekad` that an authorization refusal (403) writes by design, and the outbox —
 * and Object.prototype is as it was.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { errorResponseSchema } from '../../../src/contracts/register-responses.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { createGraphClient } from '../../../src/sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import type { ListKey } from '../../../src/sharepoint/schema.ts';
import { resolveSite } from '../../../src/sharepoint/site.ts';

export type RawRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
};

export type RawAnswer = {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** the parsed JSON body, or undefined when the body is not JSON */
  readonly json: unknown;
};

/**
 * A write the local SharePoint carried out (answered 2xx: a write it refused, say with 412 for a
 * stale eTag, stored nothing): the list it went to (its key), or null for anything else.
 */
export type Write = { readonly list: ListKey | null; readonly method: string; readonly route: string };

export type FuzzApp = {
  readonly app: RunningApp;
  readonly repos: Repositories;
  send(request: RawRequest): Promise<RawAnswer>;
  /** sends and returns the answer with the writes made while it was handled */
  sendAndWatch(request: RawRequest): Promise<{ answer: RawAnswer; writes: Write[] }>;
  /** waits until SharePoint has seen no request for a little while (work a 2xx left running) */
  settle(): Promise<void>;
  /** GET /healthz answers 200 */
  expectAlive(): Promise<void>;
  close(): Promise<void>;
};

/** who a generated request is sent as */
export type Caller = PersonKey | 'unknown-guid' | 'not-a-guid' | 'nobody';

export function authHeaders(caller: Caller): Record<string, string> {
  switch (caller) {
    case 'nobody':
      return {};
    case 'not-a-guid':
      return { authorization: 'Bearer dev:<script>alert(1)</script>' };
    case 'unknown-guid':
      return { authorization: 'Bearer dev:00000000-0000-4000-8000-000000000000' };
    default:
      return { authorization: `Bearer dev:${demoPerson(caller).aadObjectId}` };
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function rawRequest(base: string, input: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${input.path}`,
      {
        method: input.method,
        agent,
        headers: {
          ...(input.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(input.body)) }),
          ...input.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text === '' ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (input.body !== undefined) {
      req.write(input.body);
    }
    req.end();
  });
}

type LogEntry = { seq: number; method: string; path: string; route: string; status: number; inBatch: boolean };
type Log = { lastSeq: number; entries: LogEntry[] };

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export async function startFuzzApp(env: Record<string, string> = {}): Promise<FuzzApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-fuzz-'));
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SWEEP_SCHEDULE: 'off',
    // the limiter is tested on its own (rate-limiter.test.ts); here it must not be what answers
    API_RATE_LIMIT_PER_MINUTE: '100000',
    API_RATE_LIMIT_BURST: '100000',
    ...env,
  });
  const app = await bootApp(config, createLogger('silent'));
  const graph = createGraphClient({ baseUrl: `${app.localSharePointUrl}/v1.0`, auth: { kind: 'dev-token' } });
  const site = await resolveSite(graph, undefined);
  const provisioned = await provisionSchema(graph, site.id);
  const repos = createRepositories(graph, {
    siteId: site.id,
    listIds: provisioned.listIds,
    driveIds: provisioned.driveIds,
  });
  const listOf = new Map<string, ListKey>(
    Object.entries(provisioned.listIds).map(([key, id]) => [String(id), key as ListKey]),
  );
  const logUrl = `${app.localSharePointUrl}/_emulator/requests`;
  const readLog = async (since: number): Promise<Log> =>
    (await (await fetch(`${logUrl}?since=${since}&limit=100000`)).json()) as Log;
  let seen = (await readLog(Number.MAX_SAFE_INTEGER)).lastSeq;

  const writesOf = (entries: readonly LogEntry[]): Write[] =>
    entries
      .filter(
        (entry) =>
          WRITE_METHODS.has(entry.method) &&
          entry.route !== 'POST /$batch' &&
          entry.status >= 200 &&
          entry.status < 300,
      )
      .map((entry) => {
        const listId = /\/lists\/([^/?]+)/.exec(entry.path)?.[1];
        return {
          list: listId === undefined ? null : (listOf.get(decodeURIComponent(listId)) ?? null),
          method: entry.method,
          route: entry.route,
        };
      });

  // quiet = the log did not move over two looks 5 ms apart (at most about a second)
  const settle = async (): Promise<void> => {
    let last = (await readLog(Number.MAX_SAFE_INTEGER)).lastSeq;
    let quiet = 0;
    for (let round = 0; round < 200 && quiet < 2; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const now = (await readLog(Number.MAX_SAFE_INTEGER)).lastSeq;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    seen = last;
  };

  return {
    app,
    repos,
    send: (input) => rawRequest(app.url, input),
    async sendAndWatch(input) {
      // from where the log stands now: what an unwatched send or a settled 2xx did is not this input's
      const before = Math.max(seen, (await readLog(Number.MAX_SAFE_INTEGER)).lastSeq);
      const answer = await rawRequest(app.url, input);
      const log = await readLog(before);
      seen = log.lastSeq;
      return { answer, writes: writesOf(log.entries) };
    },
    settle,
    async expectAlive() {
      const answer = await rawRequest(app.url, { method: 'GET', path: '/healthz' });
      expect(answer.status).toBe(200);
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** the own property names Object.prototype has before any input is sent */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

export function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'role', 'admin', 'x']) {
    expect(probe[key]).toBeUndefined();
  }
}

/** zod's and JavaScript's English defaults: a user must never read them */
const ENGLISH =
  /invalid input|expected (?:a |an )?\w+|received \w+|unexpected token|cannot read propert|undefined is not/i;

/** Checks the answer to an API call against the suite's properties (see the file's comment). */
export function expectSafeAnswer(answer: RawAnswer, writes: readonly Write[], what: string): void {
  const context = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(200);
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.contentType, context).toMatch(/^application\/json/);
    const parsed = errorResponseSchema.safeParse(answer.json);
    expect(parsed.success, context).toBe(true);
    const message = parsed.data?.error.message ?? '';
    expect(message.trim(), context).not.toBe('');
    expect(message, context).not.toMatch(ENGLISH);
    expectRefusalStoredNothing(answer.status, writes, context);
  }
  expectPrototypeIntact();
}

/** a refusal writes nothing: a 403 its AuditLog row (nekad) only; the outbox may always be written */
export function expectRefusalStoredNothing(status: number, writes: readonly Write[], context: string): void {
  const stored = writes.filter((write) => write.list !== 'Notifications');
  const allowed = status === 403 ? stored.filter((write) => write.list === 'AuditLog' && write.method === 'POST') : [];
  expect(
    stored.filter((write) => !allowed.includes(write)),
    context,
  ).toEqual([]);
}
