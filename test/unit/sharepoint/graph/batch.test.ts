import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { type BatchWireRequest, executeBatch } from '../../../../src/sharepoint/graph/batch.ts';
import type { GraphBatchRequest } from '../../../../src/sharepoint/graph/graph-client.ts';
import { SILENT_LOGGER } from '../../../../src/sharepoint/graph/graph-logger.ts';

type InnerReply = { status: number; headers?: Record<string, string>; body?: unknown };

/** A $batch endpoint scripted per round: `rounds[n](request)` answers request in envelope n. */
function fakeTransport(answer: (request: BatchWireRequest, round: number) => InnerReply) {
  const envelopes: BatchWireRequest[][] = [];
  const transport = async (body: { requests: readonly BatchWireRequest[] }) => {
    const round = envelopes.length;
    envelopes.push([...body.requests]);
    return {
      responses: body.requests.map((request) => ({ id: request.id, ...answer(request, round) })),
    };
  };
  return { transport, envelopes };
}

function options(maxRetries = 3) {
  const waits: number[] = [];
  return {
    waits,
    options: {
      maxRetries,
      sleep: async (ms: number) => {
        waits.push(ms);
      },
      logger: SILENT_LOGGER,
      maxDelayMs: 180_000,
      now: () => 0,
      random: () => 0,
    },
  };
}

const post = (id: string, dependsOn?: string[]): GraphBatchRequest => ({
  id,
  method: 'POST',
  url: `/sites/s/lists/l/items`,
  body: { fields: { Title: id } },
  ...(dependsOn === undefined ? {} : { dependsOn }),
});

describe('executeBatch', () => {
  it('retries only the throttled requests, in a new envelope, after the longest inner Retry-After', async () => {
    const { transport, envelopes } = fakeTransport((request, round): InnerReply => {
      if (round === 0 && request.id === 'b') {
        return { status: 429, headers: { 'Retry-After': '3' } };
      }
      if (round === 0 && request.id === 'c') {
        return { status: 503, headers: { 'retry-after': '7' } };
      }
      return { status: 201, headers: { 'Content-Type': 'application/json' }, body: { id: `${request.id}-${round}` } };
    });
    const { waits, options: batchOptions } = options();
    const results = await executeBatch([post('a'), post('b'), post('c'), post('d')], transport, batchOptions);
    expect(envelopes.map((envelope) => envelope.map((request) => request.id))).toEqual([
      ['a', 'b', 'c', 'd'],
      ['b', 'c'],
    ]);
    expect(waits).toEqual([7000]);
    expect([...results.values()].map((response) => [response.id, response.status, response.body])).toEqual([
      ['a', 201, { id: 'a-0' }],
      ['b', 201, { id: 'b-1' }],
      ['c', 201, { id: 'c-1' }],
      ['d', 201, { id: 'd-0' }],
    ]);
  });

  it('resends the dependents that failed with 424 because of a throttled request', async () => {
    const { transport, envelopes } = fakeTransport((request, round) => {
      if (round === 0 && request.id === '2') {
        return { status: 429, headers: { 'Retry-After': '1' } };
      }
      if (round === 0 && request.id === '3') {
        return { status: 424 };
      }
      return { status: 201, body: { ok: request.id } };
    });
    const { options: batchOptions } = options();
    const results = await executeBatch([post('1'), post('2', ['1']), post('3', ['2'])], transport, batchOptions);
    // '1' succeeded, so it is not resent and '2' no longer names it.
    expect(envelopes[1]).toEqual([
      expect.objectContaining({ id: '2' }),
      expect.objectContaining({ id: '3', dependsOn: ['2'] }),
    ]);
    expect(envelopes[1]?.[0]).not.toHaveProperty('dependsOn');
    expect([...results.values()].map((response) => response.status)).toEqual([201, 201, 201]);
  });

  it('leaves a 424 caused by a real failure alone', async () => {
    const { transport, envelopes } = fakeTransport((request) =>
      request.id === '1' ? { status: 409, body: { error: { code: 'conflict', message: 'dup' } } } : { status: 424 },
    );
    const { options: batchOptions } = options();
    const results = await executeBatch([post('1'), post('2', ['1'])], transport, batchOptions);
    expect(envelopes).toHaveLength(1);
    expect(results.get('1')?.status).toBe(409);
    expect(results.get('2')?.status).toBe(424);
  });

  it('returns the last 429 when inner throttling outlasts maxRetries', async () => {
    const { transport, envelopes } = fakeTransport(() => ({ status: 429, headers: { 'Retry-After': '2' } }));
    const { waits, options: batchOptions } = options(2);
    const results = await executeBatch([post('a')], transport, batchOptions);
    expect(envelopes).toHaveLength(3);
    expect(waits).toEqual([2000, 2000]);
    expect(results.get('a')?.status).toBe(429);
  });

  it('backs off when an inner 429 has no Retry-After', async () => {
    const { transport } = fakeTransport((_request, round) => (round < 2 ? { status: 429 } : { status: 200 }));
    const { waits, options: batchOptions } = options();
    await executeBatch([post('a')], transport, batchOptions);
    expect(waits).toEqual([500, 1000]);
  });

  it('sends relative URLs, a Content-Type with every body, and no empty dependsOn', async () => {
    const { transport, envelopes } = fakeTransport(() => ({ status: 204 }));
    const { options: batchOptions } = options();
    await executeBatch(
      [
        {
          id: '1',
          method: 'PATCH',
          url: 'sites/s/lists/l/items/1/fields',
          body: { A: 1 },
          headers: { 'If-Match': '"e,1"' },
        },
        { id: '2', method: 'DELETE', url: '/sites/s/lists/l/items/2', dependsOn: [] },
      ],
      transport,
      batchOptions,
    );
    expect(envelopes[0]).toEqual([
      {
        id: '1',
        method: 'PATCH',
        url: '/sites/s/lists/l/items/1/fields',
        headers: { 'If-Match': '"e,1"', 'Content-Type': 'application/json' },
        body: { A: 1 },
      },
      { id: '2', method: 'DELETE', url: '/sites/s/lists/l/items/2' },
    ]);
  });

  it('parses JSON bodies sent as strings or base64', async () => {
    const json = JSON.stringify({ value: [1] });
    const { transport } = fakeTransport((request) => ({
      status: 200,
      headers: { 'Content-Type': 'application/json;odata.metadata=minimal' },
      body: request.id === 'plain' ? json : Buffer.from(json).toString('base64'),
    }));
    const { options: batchOptions } = options();
    const results = await executeBatch(
      [
        { id: 'plain', method: 'GET', url: '/a' },
        { id: 'b64', method: 'GET', url: '/b' },
      ],
      transport,
      batchOptions,
    );
    expect(results.get('plain')?.body).toEqual({ value: [1] });
    expect(results.get('b64')?.body).toEqual({ value: [1] });
  });

  it('runs 45 requests as three envelopes and keys every result by id', async () => {
    const { transport, envelopes } = fakeTransport((request) => ({ status: 200, body: request.id }));
    const { options: batchOptions } = options();
    const requests = Array.from({ length: 45 }, (_, index) => ({
      id: `r${index}`,
      method: 'GET' as const,
      url: `/x/${index}`,
    }));
    const results = await executeBatch(requests, transport, batchOptions);
    expect(envelopes.map((envelope) => envelope.length)).toEqual([20, 20, 5]);
    expect(results.size).toBe(45);
    expect(results.get('r44')?.body).toBe('r44');
  });

  it('fails with UPSTREAM_FAILED when a response is missing or the envelope is unreadable', async () => {
    const { options: batchOptions } = options();
    const missing = executeBatch([post('a')], async () => ({ responses: [] }), batchOptions);
    await expect(missing).rejects.toBeInstanceOf(AppError);
    await expect(missing).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    await expect(executeBatch([post('a')], async () => 'nonsense', batchOptions)).rejects.toMatchObject({
      code: 'UPSTREAM_FAILED',
    });
  });
});
