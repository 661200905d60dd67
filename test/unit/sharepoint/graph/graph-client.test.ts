import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { APP_VERSION } from '../../../../src/sharepoint/graph/app-version.ts';
import { createGraphClient } from '../../../../src/sharepoint/graph/create-graph-client.ts';
import type { GraphClient } from '../../../../src/sharepoint/graph/graph-client.ts';
import { DEV_TOKEN } from '../../../../src/sharepoint/graph/token-providers.ts';
import {
  graphError,
  type RecordedRequest,
  type Reply,
  recordingSleep,
  type ScriptedServer,
  startScriptedServer,
} from './scripted-graph-server.ts';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientAnswering(
  answer: (request: RecordedRequest, index: number) => Reply,
  options: { userAgent?: string } = {},
): Promise<{ graph: GraphClient; server: ScriptedServer; waits: number[] }> {
  server = await startScriptedServer(answer);
  const { sleep, waits } = recordingSleep();
  const graph = createGraphClient({ baseUrl: server.graphUrl, auth: { kind: 'dev-token' }, sleep, ...options });
  return { graph, server, waits };
}

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createGraphClient: what every request carries', () => {
  it('sends the NONISV User-Agent with the app version, the bearer token and the caller headers', async () => {
    const { graph, server } = await clientAnswering(() => ({ status: 200, body: {} }));
    await graph.get('/sites/root', { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } });
    await graph.post('/sites/s/lists', { displayName: 'X' });
    await graph.delete('/sites/s/lists/l/items/1', { headers: { 'If-Match': '"abc,1"' } });
    for (const request of server.requests) {
      expect(request.headers['user-agent']).toBe(`NONISV|Insatsnavet|Insatsnavet/${APP_VERSION}`);
      expect(request.headers.authorization).toBe(`Bearer ${DEV_TOKEN}`);
    }
    expect(server.requests[0]?.headers.prefer).toBe('HonorNonIndexedQueriesWarningMayFailRandomly');
    expect(server.requests[1]?.headers['content-type']).toBe('application/json');
    expect(server.requests[2]?.headers['if-match']).toBe('"abc,1"');
  });

  it('accepts another User-Agent', async () => {
    const { graph, server } = await clientAnswering(() => ({ status: 200, body: {} }), {
      userAgent: 'NONISV|Test|T/1',
    });
    await graph.get('/sites/root');
    expect(server.requests[0]?.headers['user-agent']).toBe('NONISV|Test|T/1');
  });

  it('keeps the path and query as given under the version root', async () => {
    const { graph, server } = await clientAnswering(() => ({ status: 200, body: { value: [] } }));
    await graph.get("/sites/s/lists/l/items?expand=fields(select=Title,Code)&$filter=fields/Code eq 'A%26B'&$top=5");
    expect(server.requests[0]?.url).toMatch(/^\/v1\.0\/sites\/s\/lists\/l\/items\?/);
    const query = new URL(`http://x${server.requests[0]?.url ?? ''}`).searchParams;
    expect(query.get('expand')).toBe('fields(select=Title,Code)');
    expect(query.get('$filter')).toBe("fields/Code eq 'A&B'");
    expect(query.get('$top')).toBe('5');
  });
});

describe('createGraphClient: responses', () => {
  it('getAll follows nextLinks to the end, through empty pages', async () => {
    const { graph, server } = await clientAnswering((request) => {
      const base = `http://${request.headers.host}/v1.0/sites/s/lists/l/items`;
      if (!request.url.includes('skiptoken')) {
        return { status: 200, body: { value: [1, 2], '@odata.nextLink': `${base}?$skiptoken=p2` } };
      }
      if (request.url.endsWith('p2')) {
        return { status: 200, body: { value: [], '@odata.nextLink': `${base}?$skiptoken=p3` } };
      }
      return { status: 200, body: { value: [3] } };
    });
    await expect(graph.getAll('/sites/s/lists/l/items')).resolves.toEqual([1, 2, 3]);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1.0/sites/s/lists/l/items',
      '/v1.0/sites/s/lists/l/items?$skiptoken=p2',
      '/v1.0/sites/s/lists/l/items?$skiptoken=p3',
    ]);
  });

  it('refuses a nextLink to another server, which would get our token', async () => {
    const { graph } = await clientAnswering(() => ({
      status: 200,
      body: { value: [1], '@odata.nextLink': 'https://evil.example/v1.0/next' },
    }));
    expect((await failureOf(graph.getAll('/sites/s/lists'))).code).toBe('UPSTREAM_FAILED');
  });

  it('fails when a collection is not a collection', async () => {
    const { graph } = await clientAnswering(() => ({ status: 200, body: { id: 'x' } }));
    expect((await failureOf(graph.getAll('/sites/s/lists'))).code).toBe('UPSTREAM_FAILED');
  });

  it('uploads raw bytes with their Content-Type and returns the parsed JSON', async () => {
    const { graph, server } = await clientAnswering(() => ({ status: 201, body: { id: 'file-1' } }));
    const bytes = new Uint8Array([9, 9, 1, 2, 3, 9]).subarray(2, 5);
    await expect(
      graph.put('/drives/d/items/root:/a.pdf:/content', bytes, { contentType: 'application/pdf' }),
    ).resolves.toEqual({
      id: 'file-1',
    });
    await graph.put('/drives/d/items/root:/a.txt:/content', 'hej');
    expect(server.requests[0]?.headers['content-type']).toBe('application/pdf');
    expect([...(server.requests[0]?.body ?? [])]).toEqual([1, 2, 3]);
    expect(server.requests[1]?.headers['content-type']).toBe('application/octet-stream');
    expect(server.requests[1]?.body.toString()).toBe('hej');
  });

  it('downloads bytes as a Uint8Array', async () => {
    const { graph } = await clientAnswering(() => ({
      status: 200,
      headers: { 'Content-Type': 'application/pdf' },
      body: Buffer.from([37, 80, 68, 70]),
    }));
    const bytes = await graph.getBytes('/drives/d/items/1/content');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
  });

  it('returns undefined for 204 and resolves delete', async () => {
    const { graph } = await clientAnswering(() => ({ status: 204 }));
    await expect(graph.delete('/sites/s/lists/l/items/1')).resolves.toBeUndefined();
    await expect(graph.patch('/sites/s/lists/l/items/1/fields', { A: 1 })).resolves.toBeUndefined();
  });
});

describe('createGraphClient: errors', () => {
  it('maps a Graph error with status, code, message, method and path (without the query)', async () => {
    const { graph } = await clientAnswering(() => graphError(404, 'itemNotFound', 'The resource could not be found.'));
    const error = await failureOf(graph.get('/sites/s/lists/nope?$expand=columns'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toEqual({
      status: 404,
      graphCode: 'itemNotFound',
      graphMessage: 'The resource could not be found.',
      method: 'GET',
      path: '/sites/s/lists/nope',
      retries: 0,
    });
  });

  it.each([
    ['getBytes', (graph: GraphClient) => graph.getBytes('/x')],
    ['delete', (graph: GraphClient) => graph.delete('/x')],
    ['put', (graph: GraphClient) => graph.put('/x', 'a')],
  ])('maps errors of %s too', async (_name, call) => {
    const { graph } = await clientAnswering(() => graphError(412, 'resourceModified', 'eTag mismatch'));
    expect((await failureOf(call(graph))).code).toBe('PRECONDITION_FAILED');
  });

  it('maps a non-JSON error page', async () => {
    const { graph } = await clientAnswering(() => ({
      status: 502,
      headers: { 'Content-Type': 'text/html' },
      body: '<h1>Bad gateway</h1>',
    }));
    const error = await failureOf(graph.get('/sites/root'));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.details).toMatchObject({ status: 502, graphMessage: '<h1>Bad gateway</h1>' });
  });

  it('maps a server that is not there to UPSTREAM_FAILED', async () => {
    const closed = await startScriptedServer(() => ({ status: 200 }));
    await closed.close();
    const graph = createGraphClient({ baseUrl: closed.graphUrl, auth: { kind: 'dev-token' } });
    const error = await failureOf(graph.get('/sites/root'));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.details).toMatchObject({ method: 'GET', path: '/sites/root' });
  });

  it('times out a hung request', async () => {
    server = await startScriptedServer(() => new Promise<Reply>(() => {}));
    const graph = createGraphClient({ baseUrl: server.graphUrl, auth: { kind: 'dev-token' }, timeoutMs: 50 });
    const error = await failureOf(graph.get('/sites/root'));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('timed out');
  });

  it('refuses a base URL without a version', () => {
    expect(() => createGraphClient({ baseUrl: 'http://127.0.0.1:5050', auth: { kind: 'dev-token' } })).toThrow(
      AppError,
    );
  });
});

describe('createGraphClient: batch over HTTP', () => {
  it('posts to /$batch and retries an inner 429 in a new envelope', async () => {
    const { graph, server, waits } = await clientAnswering((request, index) => {
      const body = request.json as { requests: { id: string }[] };
      return {
        status: 200,
        body: {
          responses: body.requests.map((inner) =>
            index === 0 && inner.id === '2'
              ? {
                  id: inner.id,
                  status: 429,
                  headers: { 'Retry-After': '4' },
                  body: { error: { code: 'TooManyRequests', message: 'x' } },
                }
              : {
                  id: inner.id,
                  status: 201,
                  headers: { 'Content-Type': 'application/json' },
                  body: { id: `item-${inner.id}` },
                },
          ),
        },
      };
    });
    const results = await graph.batch([
      { id: '1', method: 'POST', url: '/sites/s/lists/l/items', body: { fields: { Title: 'a' } } },
      { id: '2', method: 'POST', url: '/sites/s/lists/l/items', body: { fields: { Title: 'b' } } },
    ]);
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST /v1.0/$batch',
      'POST /v1.0/$batch',
    ]);
    const resent = server.requests[1]?.json as { requests: { id: string }[] } | undefined;
    expect(resent?.requests.map((inner) => inner.id)).toEqual(['2']);
    expect(waits).toEqual([4000]);
    expect(results.get('2')).toMatchObject({ status: 201, body: { id: 'item-2' } });
  });

  it('throws when the envelope itself fails', async () => {
    const { graph } = await clientAnswering(() => graphError(400, 'BadRequest', 'Invalid batch payload format.'));
    expect((await failureOf(graph.batch([{ id: '1', method: 'GET', url: '/sites/root' }]))).code).toBe('INVALID_INPUT');
  });
});
