/**
 * The Graph client against the local SharePoint: retries through injected throttling, gives up
 * as THROTTLED, maps 404, pages, and retries an inner $batch fault.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../src/domain/app-error.ts';
import { resolveSite } from '../../../src/sharepoint/site.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

let sp: LocalSharePointForTests;
let itemsPath: string;

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const list = z.object({ id: z.string() }).parse(
    await sp.graph.post(`/sites/${sp.siteId}/lists`, {
      displayName: 'Klientprov',
      list: { template: 'genericList' },
      columns: [{ name: 'N', displayName: 'N', number: { decimalPlaces: 'none' } }],
    }),
  );
  itemsPath = `/sites/${sp.siteId}/lists/${list.id}/items`;
  for (let n = 1; n <= 5; n += 1) {
    await sp.graph.post(itemsPath, { fields: { Title: `rad ${n}`, N: n } });
  }
});
afterEach(async () => {
  await sp.clearFaults();
});
afterAll(async () => {
  await sp?.close();
});

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('GraphClient against the local SharePoint', () => {
  it('resolves the root site and a site by path', async () => {
    const root = await resolveSite(sp.graph, undefined);
    expect(root.id).toMatch(/^[^,]+,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const host = new URL(root.webUrl).hostname;
    const byPath = await resolveSite(sp.graph, `${host}:${sp.sitePath}`);
    expect(byPath.id).toBe(sp.siteId);
  });

  it('retries through a 429 with Retry-After and a 503', async () => {
    await sp.inject({ status: 429, retryAfterSeconds: 2, pathPattern: '/items', method: 'GET', times: 1 });
    await sp.inject({ status: 503, pathPattern: '/items', method: 'GET', times: 1 });
    await sp.clearRequests();
    await expect(sp.graph.getAll(itemsPath)).resolves.toHaveLength(5);
    const statuses = (await sp.requests()).entries.map((entry) => entry.status);
    expect(statuses).toEqual([429, 503, 200]);
  });

  it('fails with THROTTLED when throttling outlasts maxRetries', async () => {
    await sp.inject({ status: 429, retryAfterSeconds: 1, pathPattern: '/items', method: 'GET' });
    await sp.clearRequests();
    const error = await failureOf(sp.client({ maxRetries: 2 }).get(itemsPath));
    expect(error.code).toBe('THROTTLED');
    expect(error.details).toMatchObject({ status: 429, retries: 2 });
    expect((await sp.requests()).total).toBe(3);
  });

  it('maps 404 to NOT_FOUND with Graph’s code', async () => {
    const error = await failureOf(sp.graph.get(`/sites/${sp.siteId}/lists/00000000-0000-0000-0000-000000000000`));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.details).toMatchObject({ status: 404, method: 'GET' });
    expect(typeof (error.details as { graphCode?: unknown }).graphCode).toBe('string');
  });

  it('reads every page of a collection', async () => {
    await sp.clearRequests();
    const items = await sp.graph.getAll(`${itemsPath}?$top=2&expand=fields(select=N)`);
    const numbers = z
      .array(z.object({ fields: z.object({ N: z.number() }) }))
      .parse(items)
      .map((item) => item.fields.N);
    expect(numbers.sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await sp.requests()).total).toBe(3);
  });

  it('retries an inner $batch request that was throttled', async () => {
    await sp.inject({ status: 429, retryAfterSeconds: 1, pathPattern: '/items$', method: 'POST', times: 1 });
    await sp.clearRequests();
    const results = await sp.graph.batch(
      ['a', 'b', 'c'].map((title) => ({
        id: title,
        method: 'POST' as const,
        url: itemsPath,
        body: { fields: { Title: title } },
      })),
    );
    expect([...results.values()].map((response) => response.status)).toEqual([201, 201, 201]);
    const log = await sp.requests();
    expect(log.entries.filter((entry) => !entry.inBatch).map((entry) => entry.route)).toEqual([
      'POST /$batch',
      'POST /$batch',
    ]);
    expect(log.entries.filter((entry) => entry.inBatch && entry.status === 429)).toHaveLength(1);
  });
});
