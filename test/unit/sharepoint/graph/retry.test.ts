import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { createGraphClient } from '../../../../src/sharepoint/graph/create-graph-client.ts';
import type { GraphLogger } from '../../../../src/sharepoint/graph/graph-logger.ts';
import {
  graphError,
  type Reply,
  recordingSleep,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-graph-server.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(replies: readonly Reply[], options: { maxRetries?: number; maxRetryAfterMs?: number } = {}) {
  server = await startScriptedServer(
    (_request, index) => replies[Math.min(index, replies.length - 1)] ?? { status: 500 },
  );
  const { sleep, waits } = recordingSleep();
  const warnings: Record<string, unknown>[] = [];
  const logger: GraphLogger = {
    debug: () => {},
    info: () => {},
    warn: (details) => warnings.push(details),
    error: () => {},
  };
  const graph = createGraphClient({
    baseUrl: server.graphUrl,
    auth: { kind: 'dev-token' },
    sleep,
    logger,
    now: () => NOW,
    random: () => 0,
    ...options,
  });
  return { graph, waits, warnings, requests: server.requests };
}

const ok: Reply = { status: 200, body: { id: 'root' } };

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('retry of throttled Graph requests', () => {
  it('waits the seconds of Retry-After, then retries and marks the retry', async () => {
    const { graph, waits, warnings, requests } = await clientFor([
      graphError(429, 'TooManyRequests', 'Please retry after', { 'Retry-After': '7' }),
      ok,
    ]);
    await expect(graph.get('/sites/root')).resolves.toEqual({ id: 'root' });
    expect(waits).toEqual([7000]);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.headers['retry-attempt']).toBeUndefined();
    expect(requests[1]?.headers['retry-attempt']).toBe('1');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ status: 429, attempt: 1, delayMs: 7000 });
  });

  it('reads a fractional Retry-After as whole milliseconds', async () => {
    const { graph, waits } = await clientFor([{ status: 503, headers: { 'Retry-After': '2.128' } }, ok]);
    await graph.get('/sites/root');
    expect(waits).toEqual([2128]);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const at = new Date(NOW + 30_000).toUTCString();
    const { graph, waits } = await clientFor([{ status: 503, headers: { 'Retry-After': at } }, ok]);
    await graph.get('/sites/root');
    expect(waits).toEqual([30_000]);
  });

  it('backs off exponentially when Retry-After is absent', async () => {
    const { graph, waits } = await clientFor([{ status: 503 }, { status: 504 }, { status: 429 }, ok]);
    await graph.get('/sites/root');
    // random() = 0 gives the fixed half of each step: 1 s, 2 s, 4 s steps.
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('gives up after maxRetries with THROTTLED and the last status', async () => {
    const { graph, waits, requests } = await clientFor(
      [graphError(429, 'TooManyRequests', 'Please retry after', { 'Retry-After': '1' })],
      { maxRetries: 3 },
    );
    const error = await failureOf(graph.get('/sites/root'));
    expect(error.code).toBe('THROTTLED');
    expect(error.details).toMatchObject({ status: 429, graphCode: 'TooManyRequests', retries: 3, method: 'GET' });
    expect(requests).toHaveLength(4);
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('retries five times by default', async () => {
    const { graph, requests } = await clientFor([{ status: 503, headers: { 'Retry-After': '0' } }]);
    expect((await failureOf(graph.get('/sites/root'))).code).toBe('THROTTLED');
    expect(requests).toHaveLength(6);
  });

  it('does not wait for a Retry-After longer than it is willing to', async () => {
    const { graph, waits, requests } = await clientFor([{ status: 429, headers: { 'Retry-After': '3600' } }, ok], {
      maxRetryAfterMs: 60_000,
    });
    expect((await failureOf(graph.get('/sites/root'))).code).toBe('THROTTLED');
    expect(waits).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it.each([
    [400, 'INVALID_INPUT'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [500, 'UPSTREAM_FAILED'],
  ] as const)('does not retry %i', async (status, code) => {
    const { graph, waits, requests } = await clientFor([graphError(status, 'someCode', 'nope'), ok]);
    expect((await failureOf(graph.get('/sites/root'))).code).toBe(code);
    expect(requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a POST with the same JSON body', async () => {
    const { graph, requests } = await clientFor([
      { status: 503, headers: { 'Retry-After': '1' } },
      { status: 201, body: { id: '7' } },
    ]);
    await expect(graph.post('/sites/s/lists/l/items', { fields: { Title: 'Å' } })).resolves.toEqual({ id: '7' });
    expect(requests.map((request) => request.method)).toEqual(['POST', 'POST']);
    expect(requests[1]?.json).toEqual({ fields: { Title: 'Å' } });
    expect(requests[1]?.body.equals(requests[0]?.body ?? Buffer.alloc(0))).toBe(true);
  });

  it('retries an upload of bytes', async () => {
    const { graph, requests } = await clientFor([
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 201, body: { id: 'f' } },
    ]);
    await graph.put('/drives/d/items/root:/a.pdf:/content', new Uint8Array([1, 2, 3]), {
      contentType: 'application/pdf',
    });
    expect(requests).toHaveLength(2);
    expect([...(requests[1]?.body ?? [])]).toEqual([1, 2, 3]);
  });
});
