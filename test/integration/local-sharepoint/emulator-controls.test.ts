import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Collection, createList, type Emulator, expectGraphError, startEmulator } from './helpers.ts';

type Log = {
  total: number;
  writes: number;
  lastSeq: number;
  byMethod: Record<string, number>;
  byRoute: Record<string, number>;
  entries: {
    seq: number;
    at: string;
    method: string;
    path: string;
    route: string;
    status: number;
    inBatch: boolean;
    durationMs: number;
  }[];
};

let em: Emulator;
beforeAll(async () => {
  em = await startEmulator({ maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await em.close();
});
beforeEach(async () => {
  await em.control('DELETE', '/faults');
});

describe('fault injection', () => {
  it('throttles with 429, Retry-After and the Graph throttling body, for a number of times', async () => {
    const rule = await em.control<{ id: string }>('POST', '/faults', { status: 429, retryAfterSeconds: 3, times: 2 });
    expect(rule.status).toBe(201);
    expect(rule.json.id).toEqual(expect.any(String));
    for (let n = 0; n < 2; n += 1) {
      const throttled = await em.graph('GET', '/sites/root');
      expectGraphError(throttled, 429, 'TooManyRequests');
      expect(throttled.headers.get('retry-after')).toBe('3');
    }
    expect((await em.graph('GET', '/sites/root')).status).toBe(200);
    expect((await em.control<{ value: unknown[] }>('GET', '/faults')).json.value).toEqual([]);
  });

  it('answers 503 serviceNotAvailable with Retry-After, and 504 and 500', async () => {
    await em.control('POST', '/faults', { status: 503, times: 1 });
    const unavailable = await em.graph('GET', '/sites/root');
    expectGraphError(unavailable, 503, 'serviceNotAvailable');
    expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThan(0);
    await em.control('POST', '/faults', { status: 504, times: 1 });
    expect((await em.graph('GET', '/sites/root')).status).toBe(504);
    await em.control('POST', '/faults', { status: 500, times: 1 });
    expectGraphError(await em.graph('GET', '/sites/root'), 500, 'generalException');
  });

  it('matches a path pattern and a method only', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Faulty');
    await em.control('POST', '/faults', { status: 503, pathPattern: '/items$', method: 'POST' });
    expect((await em.graph('GET', `${site}/lists/${list}/items`)).status).toBe(200);
    expect((await em.graph('POST', `${site}/lists/${list}/items`, { fields: {} })).status).toBe(503);
    expect((await em.graph<Collection>('GET', `${site}/lists/${list}/items`)).json.value).toHaveLength(0);
  });

  it('adds latency, alone or before a failure', async () => {
    await em.control('POST', '/faults', { latencyMs: 150, times: 1 });
    let started = performance.now();
    expect((await em.graph('GET', '/sites/root')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    await em.graph('GET', '/sites/root');
    expect(performance.now() - started).toBeLessThan(140);
    await em.control('POST', '/faults', { latencyMs: 100, status: 429, times: 1 });
    started = performance.now();
    expect((await em.graph('GET', '/sites/root')).status).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('hits a share of requests', async () => {
    await em.control('POST', '/faults', { status: 429, share: 0.5 });
    const statuses = await Promise.all(
      Array.from({ length: 200 }, () => em.graph('GET', '/sites/root').then((r) => r.status)),
    );
    const throttled = statuses.filter((status) => status === 429).length;
    expect(throttled).toBeGreaterThan(50);
    expect(throttled).toBeLessThan(150);
    await em.control('DELETE', '/faults');
    await em.control('POST', '/faults', { status: 429, share: 0 });
    expect((await em.graph('GET', '/sites/root')).status).toBe(200);
  });

  it('lists, deletes one and validates rules; never touches /_emulator itself', async () => {
    const one = await em.control<{ id: string }>('POST', '/faults', { status: 429 });
    await em.control('POST', '/faults', { latencyMs: 1 });
    expect((await em.control<{ value: unknown[] }>('GET', '/faults')).json.value).toHaveLength(2);
    expect((await em.control('DELETE', `/faults/${one.json.id}`)).status).toBe(204);
    expect((await em.control('DELETE', `/faults/${one.json.id}`)).status).toBe(404);
    expect((await em.control<{ value: unknown[] }>('GET', '/faults')).json.value).toHaveLength(1);
    for (const bad of [
      {},
      { status: 418 },
      { status: 429, share: 2 },
      { status: 429, pathPattern: '(' },
      { status: 429, extra: 1 },
    ]) {
      expect((await em.control('POST', '/faults', bad)).status, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('request log', () => {
  it('counts requests by method and route template, writes apart from reads', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Logged');
    expect((await em.control('DELETE', '/requests')).status).toBe(204);
    await em.graph('POST', `${site}/lists/${list}/items`, { fields: { Title: 'a' } });
    await em.graph('PATCH', `${site}/lists/${list}/items/1/fields`, { Title: 'b' });
    await em.graph('GET', `${site}/lists/${list}/items/1`);
    await em.graph('GET', `${site}/lists/${list}/items/77`);
    await em.graph('DELETE', `${site}/lists/${list}/items/1`);
    const log = await em.control<Log>('GET', '/requests');
    expect(log.json).toMatchObject({
      total: 5,
      writes: 3,
      byMethod: { POST: 1, PATCH: 1, GET: 2, DELETE: 1 },
      byRoute: {
        'POST /sites/{id}/lists/{id}/items': 1,
        'PATCH /sites/{id}/lists/{id}/items/{id}/fields': 1,
        'GET /sites/{id}/lists/{id}/items/{id}': 2,
        'DELETE /sites/{id}/lists/{id}/items/{id}': 1,
      },
    });
    const [first] = log.json.entries;
    expect(first).toMatchObject({
      method: 'POST',
      status: 201,
      inBatch: false,
      route: 'POST /sites/{id}/lists/{id}/items',
    });
    expect(first?.path.startsWith('/v1.0/sites/')).toBe(true);
    expect(first?.durationMs).toBeGreaterThanOrEqual(0);
    expect(log.json.entries.map((entry) => entry.status)).toEqual([201, 200, 200, 404, 204]);
    const since = await em.control<Log>('GET', `/requests?since=${first?.seq}`);
    expect(since.json.total).toBe(4);
  });
});

describe('limits and reset', () => {
  it('answers 413 for a body over the limit and stores nothing', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Big', [{ name: 'Note', text: { allowMultipleLines: true } }]);
    const tooBig = await em.graph('POST', `${site}/lists/${list}/items`, { fields: { Note: 'x'.repeat(70 * 1024) } });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json).toMatchObject({ error: { code: 'invalidRequest' } });
    expect((await em.graph<Collection>('GET', `${site}/lists/${list}/items`)).json.value).toHaveLength(0);
    const chunked = await fetch(`${em.sp.graphUrl}${site}/lists/${list}/items`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"fields":{"Note":"'));
          controller.enqueue(new TextEncoder().encode('y'.repeat(80 * 1024)));
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('resets to an empty root site and clears faults and the log', async () => {
    const scratch = await startEmulator();
    try {
      const site = await scratch.newSite();
      await createList(scratch, site, 'Gone');
      await createList(scratch, '/sites/root', 'Also gone', [{ name: 'K', text: {}, indexed: true }]);
      await scratch.control('PUT', '/directory', {
        users: [{ id: 'u', displayName: 'U', mail: null, userPrincipalName: 'u@x.se' }],
      });
      await scratch.control('POST', '/faults', { latencyMs: 1 });
      expect((await scratch.control('POST', '/reset')).status).toBe(200);
      expect((await scratch.graph<Collection>('GET', '/sites/root/lists')).json.value).toEqual([]);
      expectGraphError(await scratch.graph('GET', site), 404, 'itemNotFound');
      expectGraphError(await scratch.graph('GET', '/users/u'), 404, 'Request_ResourceNotFound');
      expect((await scratch.control<{ value: unknown[] }>('GET', '/faults')).json.value).toEqual([]);
      expect((await scratch.control<Log>('GET', '/requests')).json.total).toBe(3);
      expect((await scratch.graph('POST', '/sites/root/lists', { displayName: 'Also gone' })).status).toBe(201);
    } finally {
      await scratch.close();
    }
  });

  it('never listens beyond loopback', async () => {
    const { startLocalSharePoint } = await import('../../../infra/local-sharepoint/server.ts');
    await expect(startLocalSharePoint({ port: 0, dataDir: ':memory:', host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
