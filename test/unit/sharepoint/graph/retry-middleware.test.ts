import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../../src/sharepoint/graph/graph-logger.ts';
import { RetryMiddleware } from '../../../../src/sharepoint/graph/retry-middleware.ts';

/** A next middleware that answers from a script and counts calls. */
function scriptedNext(statuses: readonly number[]): Middleware & { calls: number } {
  const next = {
    calls: 0,
    async execute(context: Context): Promise<void> {
      const status = statuses[Math.min(next.calls, statuses.length - 1)] ?? 200;
      next.calls += 1;
      context.response = new Response(status === 204 ? null : '{}', { status, headers: { 'Retry-After': '1' } });
    },
  };
  return next;
}

function middleware(waits: number[]): RetryMiddleware {
  return new RetryMiddleware({
    maxRetries: 5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    logger: SILENT_LOGGER,
    maxDelayMs: 180_000,
    now: () => 0,
    random: () => 0.5,
  });
}

describe('RetryMiddleware', () => {
  it('does not retry a body that cannot be sent twice (a stream)', async () => {
    const waits: number[] = [];
    const retry = middleware(waits);
    const next = scriptedNext([503, 200]);
    retry.setNext(next);
    const context: Context = {
      request: 'http://127.0.0.1/v1.0/drives/d/items/root:/big.bin:/content',
      options: { method: 'PUT', body: new ReadableStream() },
    };
    await retry.execute(context);
    expect(next.calls).toBe(1);
    expect(context.response?.status).toBe(503);
    expect(waits).toEqual([]);
  });

  it('passes other statuses through untouched', async () => {
    const waits: number[] = [];
    const retry = middleware(waits);
    const next = scriptedNext([204]);
    retry.setNext(next);
    const context: Context = { request: 'http://127.0.0.1/v1.0/x', options: { method: 'DELETE' } };
    await retry.execute(context);
    expect(next.calls).toBe(1);
    expect(context.response?.status).toBe(204);
  });

  it('refuses to run without a next middleware', async () => {
    const retry = middleware([]);
    await expect(retry.execute({ request: 'http://127.0.0.1/v1.0/x', options: {} })).rejects.toThrow(/next/);
  });
});
