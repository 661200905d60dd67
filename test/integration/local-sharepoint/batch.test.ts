import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Collection, createList, type Emulator, expectGraphError, startEmulator } from './helpers.ts';

type BatchReply = {
  responses: { id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> }[];
};

let em: Emulator;
let site: string;
let list: string;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em.close();
});
beforeEach(async () => {
  await em.control('DELETE', '/faults');
  site = await em.newSite();
  list = await createList(em, site, 'Batch', [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }]);
});

const json = { 'Content-Type': 'application/json' };

function byId(reply: BatchReply, id: string) {
  const found = reply.responses.find((response) => response.id === id);
  if (found === undefined) {
    throw new Error(`no response ${id}`);
  }
  return found;
}

describe('$batch', () => {
  it('runs up to 20 requests and answers each with its own status', async () => {
    const requests: Record<string, unknown>[] = Array.from({ length: 19 }, (_, n) => ({
      id: `${n + 1}`,
      method: 'POST',
      url: `${site}/lists/${list}/items`,
      headers: json,
      body: { fields: { Title: `t${n}`, Key: `k${n}` } },
    }));
    requests.push({ id: '20', method: 'GET', url: `${site}/lists/${list}/items/999` });
    const reply = await em.graph<BatchReply>('POST', '/$batch', { requests });
    expect(reply.status).toBe(200);
    expect(reply.json.responses).toHaveLength(20);
    expect(reply.json.responses.filter((response) => response.status === 201)).toHaveLength(19);
    const missing = byId(reply.json, '20');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'itemNotFound' } });
    expect(byId(reply.json, '1').body).toMatchObject({ fields: { Title: 't0' } });
    expect(byId(reply.json, '1').headers['Content-Type']).toContain('application/json');
  });

  it('refuses 21 requests with MaximumValueExceeded and runs none', async () => {
    const requests = Array.from({ length: 21 }, (_, n) => ({
      id: `${n + 1}`,
      method: 'POST',
      url: `${site}/lists/${list}/items`,
      headers: json,
      body: { fields: { Title: `t${n}` } },
    }));
    const reply = await em.graph('POST', '/$batch', { requests });
    expect(expectGraphError(reply, 400, 'MaximumValueExceeded').message).toBe(
      'Number of batch request steps exceeds the maximum value of 20.',
    );
    const stored = await em.graph<Collection>('GET', `${site}/lists/${list}/items`);
    expect(stored.json.value).toHaveLength(0);
  });

  it.each([
    ['no requests array', {}],
    ['a request without id', { requests: [{ method: 'GET', url: '/sites/root' }] }],
    ['a request without url', { requests: [{ id: '1', method: 'GET' }] }],
    ['an unknown method', { requests: [{ id: '1', method: 'FETCH', url: '/sites/root' }] }],
    [
      'duplicate ids',
      {
        requests: [
          { id: '1', method: 'GET', url: '/sites/root' },
          { id: '1', method: 'GET', url: '/sites/root' },
        ],
      },
    ],
    ['dependsOn an unknown id', { requests: [{ id: '1', method: 'GET', url: '/sites/root', dependsOn: ['9'] }] }],
    [
      'a dependency cycle',
      {
        requests: [
          { id: '1', method: 'GET', url: '/sites/root', dependsOn: ['2'] },
          { id: '2', method: 'GET', url: '/sites/root', dependsOn: ['1'] },
        ],
      },
    ],
    ['a body without Content-Type', { requests: [{ id: '1', method: 'POST', url: '/sites/root/lists', body: {} }] }],
    ['an absolute url', { requests: [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/sites/root' }] }],
  ])('refuses a malformed batch: %s', async (_label, body) => {
    expectGraphError(await em.graph('POST', '/$batch', body), 400, 'invalidRequest');
  });

  it('runs dependsOn in order and answers 424 for dependents of a failed request', async () => {
    const items = `${site}/lists/${list}/items`;
    const reply = await em.graph<BatchReply>('POST', '/$batch', {
      requests: [
        {
          id: 'c',
          method: 'PATCH',
          url: `${items}/1/fields`,
          headers: json,
          body: { Title: 'patched' },
          dependsOn: ['b'],
        },
        {
          id: 'b',
          method: 'POST',
          url: items,
          headers: json,
          body: { fields: { Title: 'second', Key: 'K' } },
          dependsOn: ['a'],
        },
        { id: 'a', method: 'POST', url: items, headers: json, body: { fields: { Title: 'first', Key: 'A' } } },
        { id: 'd', method: 'POST', url: items, headers: json, body: { fields: { Key: 'A' } }, dependsOn: ['c'] },
        { id: 'e', method: 'GET', url: `${items}/1`, dependsOn: ['d'] },
        { id: 'f', method: 'GET', url: `${items}/2?expand=fields`, dependsOn: ['e'] },
      ],
    });
    expect(reply.status).toBe(200);
    expect(byId(reply.json, 'a').body).toMatchObject({ id: '1' });
    expect(byId(reply.json, 'b').body).toMatchObject({ id: '2' });
    expect(byId(reply.json, 'c').status).toBe(200);
    expect(byId(reply.json, 'c').body).toMatchObject({ Title: 'patched' });
    expect(byId(reply.json, 'd').status).toBe(409);
    expect(byId(reply.json, 'e').status).toBe(424);
    expect(byId(reply.json, 'f').status).toBe(424);
    expect(byId(reply.json, 'e').body).toMatchObject({ error: { code: 'failedDependency' } });
  });

  it('gives inner requests the envelope’s token and logs them as inBatch', async () => {
    const before = await em.control<{ lastSeq: number }>('GET', '/requests?limit=0');
    const reply = await em.graph<BatchReply>('POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: `${site}/lists/${list}/items` },
        {
          id: '2',
          method: 'POST',
          url: `${site}/lists/${list}/items`,
          headers: json,
          body: { fields: { Title: 'x' } },
        },
      ],
    });
    expect(reply.json.responses.map((response) => response.status).sort()).toEqual([200, 201]);
    const log = await em.control<{
      total: number;
      writes: number;
      byRoute: Record<string, number>;
      entries: { inBatch: boolean; route: string }[];
    }>('GET', `/requests?since=${before.json.lastSeq}`);
    expect(log.json.total).toBe(3);
    expect(log.json.writes).toBe(1);
    expect(log.json.entries.filter((entry) => entry.inBatch)).toHaveLength(2);
    expect(log.json.byRoute['POST /$batch']).toBe(1);
    expect(log.json.byRoute['POST /sites/{id}/lists/{id}/items']).toBe(1);
    const unauthenticated = await fetch(`${em.sp.graphUrl}/$batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/sites/root' }] }),
    });
    expect(unauthenticated.status).toBe(401);
  });

  it('answers an injected 429 inside the batch with Retry-After while the batch itself is 200', async () => {
    const fault = await em.control<{ id: string }>('POST', '/faults', {
      status: 429,
      retryAfterSeconds: 7,
      pathPattern: '/items$',
      method: 'POST',
      times: 1,
    });
    expect(fault.status).toBe(201);
    const reply = await em.graph<BatchReply>('POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'POST',
          url: `${site}/lists/${list}/items`,
          headers: json,
          body: { fields: { Title: 'a' } },
        },
        {
          id: '2',
          method: 'POST',
          url: `${site}/lists/${list}/items`,
          headers: json,
          body: { fields: { Title: 'b' } },
          dependsOn: ['1'],
        },
      ],
    });
    expect(reply.status).toBe(200);
    const throttled = byId(reply.json, '1');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['Retry-After']).toBe('7');
    expect(throttled.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect(byId(reply.json, '2').status).toBe(424);
    const stored = await em.graph<Collection>('GET', `${site}/lists/${list}/items`);
    expect(stored.json.value).toHaveLength(0);
  });

  it('carries binary bodies as base64 both ways', async () => {
    const library = await createList(em, site, 'Filer', [], 'documentLibrary');
    const drive = await em.graph<{ id: string }>('GET', `${site}/lists/${library}/drive`);
    const content = Buffer.from([0, 1, 2, 250, 255]);
    const reply = await em.graph<BatchReply>('POST', '/$batch', {
      requests: [
        {
          id: '1',
          method: 'PUT',
          url: `/drives/${drive.json.id}/root:/bin.dat:/content`,
          headers: { 'Content-Type': 'application/octet-stream' },
          body: content.toString('base64'),
        },
        { id: '2', method: 'GET', url: `/drives/${drive.json.id}/root:/bin.dat:/content`, dependsOn: ['1'] },
      ],
    });
    expect(byId(reply.json, '1').status).toBe(201);
    expect(byId(reply.json, '2').body).toBe(content.toString('base64'));
  });
});
