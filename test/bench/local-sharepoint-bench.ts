/**
 * Figures for the local SharePoint, each next to its baseline measured in the same run: a bare
 * node:http round trip on this machine. Called by test/bench/run.ts, which prints them.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLocalSharePoint } from '../../infra/local-sharepoint/server.ts';

const ROUND_TRIPS = 2000;
const CREATES = 2000;
const LIST_SIZE = 10_000;
const INDEXED_QUERIES = 2000;
const SCAN_QUERIES = 200;

const HEADERS = { authorization: 'Bearer bench', 'content-type': 'application/json' };

async function timed(count: number, run: (index: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    await run(index);
  }
  return performance.now() - started;
}

async function expectStatus(response: Response, status: number): Promise<void> {
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${await response.text()}`);
  }
  // drain the body so the keep-alive connection is reused
  await response.arrayBuffer();
}

async function bareRoundTripMs(): Promise<number> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '2' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await timed(200, async () => expectStatus(await fetch(url), 200));
    return (await timed(ROUND_TRIPS, async () => expectStatus(await fetch(url), 200))) / ROUND_TRIPS;
  } finally {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

function shuffled(count: number, seed: number): number[] {
  // a small deterministic PRNG keeps runs comparable
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: count }, () => Math.floor(random() * LIST_SIZE));
}

export async function benchLocalSharePoint(): Promise<Record<string, number | string>> {
  const bareMs = await bareRoundTripMs();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sharepoint-bench-'));
  const sharePoint = await startLocalSharePoint({ port: 0, dataDir });
  const graph = sharePoint.graphUrl;
  try {
    await timed(200, async () => expectStatus(await fetch(`${graph}/sites/root`, { headers: HEADERS }), 200));
    const getMs =
      (await timed(ROUND_TRIPS, async () =>
        expectStatus(await fetch(`${graph}/sites/root`, { headers: HEADERS }), 200),
      )) / ROUND_TRIPS;

    await expectStatus(
      await fetch(`${graph}/sites/root/lists`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify({
          displayName: 'Bench',
          columns: [
            { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
            { name: 'Plain', text: {} },
            { name: 'Amount', currency: {} },
          ],
        }),
      }),
      201,
    );
    const items = `${graph}/sites/root/lists/Bench/items`;
    const createMs = await timed(CREATES, async (n) =>
      expectStatus(
        await fetch(items, {
          method: 'POST',
          headers: HEADERS,
          body: JSON.stringify({ fields: { Title: `Insats ${n}`, Code: `C${n}`, Plain: `P${n}`, Amount: n } }),
        }),
        201,
      ),
    );

    const fillStarted = performance.now();
    for (let start = CREATES; start < LIST_SIZE; start += 20) {
      const requests = Array.from({ length: Math.min(20, LIST_SIZE - start) }, (_, offset) => {
        const n = start + offset;
        return {
          id: String(offset + 1),
          method: 'POST',
          url: '/sites/root/lists/Bench/items',
          headers: { 'Content-Type': 'application/json' },
          body: { fields: { Title: `Insats ${n}`, Code: `C${n}`, Plain: `P${n}`, Amount: n } },
        };
      });
      await expectStatus(
        await fetch(`${graph}/$batch`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ requests }) }),
        200,
      );
    }
    const fillMs = performance.now() - fillStarted;

    const keys = shuffled(INDEXED_QUERIES, 7);
    const indexedMs = await timed(INDEXED_QUERIES, async (n) =>
      expectStatus(
        await fetch(`${items}?expand=fields&$filter=${encodeURIComponent(`fields/Code eq 'C${keys[n]}'`)}`, {
          headers: HEADERS,
        }),
        200,
      ),
    );
    const scanKeys = shuffled(SCAN_QUERIES, 11);
    const scanMs = await timed(SCAN_QUERIES, async (n) =>
      expectStatus(
        await fetch(`${items}?expand=fields&$filter=${encodeURIComponent(`fields/Plain eq 'P${scanKeys[n]}'`)}`, {
          headers: { ...HEADERS, prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
        }),
        200,
      ),
    );
    const pageStarted = performance.now();
    let next: string | undefined = `${items}?expand=fields&$top=5000`;
    let walked = 0;
    while (next !== undefined) {
      const response: Response = await fetch(next, { headers: HEADERS });
      const body = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string };
      walked += body.value.length;
      next = body['@odata.nextLink'];
    }
    const pageMs = performance.now() - pageStarted;

    return {
      'bare node:http round trip (ms, baseline)': round(bareMs),
      'GET /sites/root round trip (ms)': round(getMs),
      'GET round trip ÷ bare round trip': round(getMs / bareMs),
      [`item creates, sequential POST (per s, ${CREATES})`]: Math.round(CREATES / (createMs / 1000)),
      'item create round trip (ms)': round(createMs / CREATES),
      [`fill to ${LIST_SIZE} items via $batch of 20 (items per s)`]: Math.round(
        (LIST_SIZE - CREATES) / (fillMs / 1000),
      ),
      [`indexed $filter eq on ${LIST_SIZE} items (queries per s)`]: Math.round(INDEXED_QUERIES / (indexedMs / 1000)),
      'indexed query round trip (ms)': round(indexedMs / INDEXED_QUERIES),
      [`non-indexed $filter eq + Prefer on ${LIST_SIZE} items (queries per s)`]: Math.round(
        SCAN_QUERIES / (scanMs / 1000),
      ),
      'non-indexed query round trip (ms)': round(scanMs / SCAN_QUERIES),
      [`read all ${walked} items with fields, $top=5000 pages (ms)`]: Math.round(pageMs),
      'SQLite file size (MiB)': round(fileSize(dataDir) / (1024 * 1024)),
    };
  } finally {
    await sharePoint.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function fileSize(dir: string): number {
  return fs
    .readdirSync(dir)
    .map((name) => fs.statSync(path.join(dir, name)).size)
    .reduce((sum, size) => sum + size, 0);
}
