/**
 * Starts the local SharePoint for one test file, on port 0 in a temporary directory, with a
 * fresh site of its own, and a GraphClient for it (dev token, retries that never wait).
 * Call it from beforeAll and `close()` it in afterAll:
 *
 *   let sp: LocalSharePointForTests;
 *   beforeAll(async () => { sp = await useLocalSharePoint(); });
 *   afterAll(async () => { await sp.close(); });
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { startLocalSharePoint } from '../../infra/local-sharepoint/server.ts';
import { createGraphClient } from '../../src/sharepoint/graph/create-graph-client.ts';
import type { GraphClient } from '../../src/sharepoint/graph/graph-client.ts';
import type { GraphLogger } from '../../src/sharepoint/graph/graph-logger.ts';

export type RequestLogEntry = {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  readonly route: string;
  readonly status: number;
  /** true for a request inside a $batch envelope */
  readonly inBatch: boolean;
};

/** The emulator's request log. `total` and `writes` count inner $batch requests too. */
export type RequestLog = {
  readonly total: number;
  /** POST/PATCH/PUT/DELETE, counting each inner $batch request and not the envelope */
  readonly writes: number;
  readonly byMethod: Readonly<Record<string, number>>;
  readonly byRoute: Readonly<Record<string, number>>;
  readonly entries: readonly RequestLogEntry[];
};

export type Fault = {
  readonly status?: 429 | 503 | 504 | 500;
  readonly retryAfterSeconds?: number;
  readonly latencyMs?: number;
  /** 0–1, default 1 */
  readonly share?: number;
  /** a regular expression matched against the request path */
  readonly pathPattern?: string;
  readonly method?: string;
  /** how many matching requests it hits; default: until cleared */
  readonly times?: number;
};

export type LocalSharePointForTests = {
  /** the emulator's root, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** url + `/v1.0` */
  readonly graphUrl: string;
  readonly graph: GraphClient;
  /** a site created for this test file alone */
  readonly siteId: string;
  readonly sitePath: string;
  requests(): Promise<RequestLog>;
  clearRequests(): Promise<void>;
  inject(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /** another fresh site on the same emulator; returns its id */
  createSite(): Promise<string>;
  /** a GraphClient with other options (e.g. a smaller maxRetries) on the same emulator */
  client(options?: { maxRetries?: number; logger?: GraphLogger }): GraphClient;
  close(): Promise<void>;
};

const entrySchema = z.object({
  seq: z.number(),
  method: z.string(),
  path: z.string(),
  route: z.string(),
  status: z.number(),
  inBatch: z.boolean(),
});
const logSchema = z.object({
  total: z.number(),
  writes: z.number(),
  byMethod: z.record(z.string(), z.number()),
  byRoute: z.record(z.string(), z.number()),
  entries: z.array(entrySchema),
});
const siteSchema = z.object({ id: z.string() });

const noWait = async (): Promise<void> => {};

function uniqueSitePath(): string {
  return `/sites/test-${randomUUID().slice(0, 8)}`;
}

export async function useLocalSharePoint(): Promise<LocalSharePointForTests> {
  const dataDir = await mkdtemp(join(tmpdir(), 'insatsnavet-sp-'));
  const emulator = await startLocalSharePoint({ port: 0, dataDir });
  try {
    const control = async (method: string, path: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${emulator.url}/_emulator${path}`, {
        method,
        ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) {
        throw new Error(`local SharePoint ${method} /_emulator${path} → ${response.status}: ${text}`);
      }
      return text === '' ? undefined : (JSON.parse(text) as unknown);
    };

    const createSite = async (path: string): Promise<string> =>
      siteSchema.parse(await control('POST', '/sites', { path, displayName: `Test ${path}` })).id;
    const sitePath = uniqueSitePath();
    const siteId = await createSite(sitePath);
    const client = (options: { maxRetries?: number; logger?: GraphLogger } = {}): GraphClient =>
      createGraphClient({ baseUrl: emulator.graphUrl, auth: { kind: 'dev-token' }, sleep: noWait, ...options });

    return {
      url: emulator.url,
      graphUrl: emulator.graphUrl,
      graph: client(),
      siteId,
      sitePath,
      createSite: () => createSite(uniqueSitePath()),
      requests: async () => logSchema.parse(await control('GET', '/requests')),
      clearRequests: async () => {
        await control('DELETE', '/requests');
      },
      inject: async (fault) => {
        await control('POST', '/faults', fault);
      },
      clearFaults: async () => {
        await control('DELETE', '/faults');
      },
      client,
      close: async () => {
        await emulator.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await emulator.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
