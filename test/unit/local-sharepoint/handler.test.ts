import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureRootSite } from '../../../infra/local-sharepoint/bootstrap.ts';
import type { EmulatorContext } from '../../../infra/local-sharepoint/context.ts';
import { FaultStore } from '../../../infra/local-sharepoint/faults.ts';
import { createRequestHandler, type RequestHandler } from '../../../infra/local-sharepoint/handler.ts';
import type { EmulatorRequest } from '../../../infra/local-sharepoint/http-types.ts';
import { RequestLog } from '../../../infra/local-sharepoint/request-log.ts';
import { type Db, openDatabase } from '../../../infra/local-sharepoint/store/sqlite.ts';

let db: Db;
let ctx: EmulatorContext;
let handle: RequestHandler;
let randomValue = 0;
const slept: number[] = [];

beforeEach(() => {
  db = openDatabase(':memory:');
  ensureRootSite(db, '2027-01-01T00:00:00Z');
  slept.length = 0;
  ctx = {
    db,
    hostname: 'contoso.sharepoint.local',
    defaultOrigin: 'http://127.0.0.1:5050',
    now: () => new Date('2027-04-30T08:00:00Z'),
    random: () => randomValue,
    sleep: async (ms) => {
      slept.push(ms);
    },
    faults: new FaultStore(),
    log: new RequestLog(),
  };
  handle = createRequestHandler(ctx);
});

afterEach(() => {
  if (db.open) {
    db.close();
  }
});

function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): EmulatorRequest {
  const [pathname = path, query = ''] = path.split('?');
  return {
    method,
    path: pathname,
    query,
    headers: {
      authorization: 'Bearer x',
      host: '127.0.0.1:5050',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(body)),
  };
}

describe('the pure request handler', () => {
  it('answers without a socket, with the hostname and clock it is given', async () => {
    const response = await handle(request('GET', '/v1.0/sites/root'));
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ id: expect.stringMatching(/^contoso\.sharepoint\.local,/) });
    expect(response.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(ctx.log.summary(0, 10).entries[0]).toMatchObject({ at: '2027-04-30T08:00:00.000Z', status: 200 });
  });

  it('applies fault rules with the given randomness and sleep', async () => {
    ctx.faults.add({ status: 429, share: 0.5, latencyMs: 25 });
    randomValue = 0.7;
    expect((await handle(request('GET', '/v1.0/sites/root'))).status).toBe(200);
    randomValue = 0.2;
    const throttled = await handle(request('GET', '/v1.0/sites/root'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('1');
    expect(slept).toEqual([25]);
  });

  it('turns an unexpected failure into a Graph-shaped 500 generalException', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    db.close();
    const response = await handle(request('GET', '/v1.0/sites/root'));
    expect(response.status).toBe(500);
    expect(response.json).toMatchObject({
      error: { code: 'generalException', innerError: { 'request-id': response.headers['request-id'] } },
    });
    expect(quiet).toHaveBeenCalled();
    quiet.mockRestore();
  });

  it('rolls back every write of a request that fails half-way', async () => {
    const created = await handle(
      request('POST', '/v1.0/sites/root/lists', {
        displayName: 'Half',
        columns: [
          { name: 'Good', text: {} },
          { name: 'Bad', lookup: { listId: '00000000-0000-0000-0000-000000000000' } },
        ],
      }),
    );
    expect(created.status).toBe(400);
    const lists = await handle(request('GET', '/v1.0/sites/root/lists'));
    expect(lists.json).toMatchObject({ value: [] });
    expect(db.prepare('SELECT count(*) AS n FROM columns').get()).toEqual({ n: 0 });
  });

  it('accepts the doubled nextLink form the Graph SDK builds from an http:// link', async () => {
    const response = await handle(request('GET', '/v1.0/http://127.0.0.1:5050/v1.0/sites/root'));
    expect(response.status).toBe(200);
    expect(ctx.log.summary(0, 10).entries[0]?.path).toBe('/v1.0/sites/root');
  });
});
