import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collection, createList, type Emulator, expectGraphError, startEmulator } from './helpers.ts';

type Site = { id: string; name: string; displayName: string; webUrl: string; root?: object; siteCollection: object };
type Column = { id: string; name: string; indexed: boolean; enforceUniqueValues: boolean; [key: string]: unknown };
type List = { id: string; name: string; displayName: string; list: { template: string }; columns?: Column[] };

let em: Emulator;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em.close();
});

describe('authentication and errors', () => {
  it('answers 401 unauthenticated without a bearer token, in Graph’s envelope', async () => {
    const response = await fetch(`${em.sp.graphUrl}/sites/root`);
    const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(response.status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
    expect(body.error.innerError['request-id']).toBe(response.headers.get('request-id'));
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    const basic = await em.graph('GET', '/sites/root', undefined, { authorization: 'Basic abc' });
    expectGraphError(basic, 401, 'unauthenticated');
  });

  it('echoes client-request-id', async () => {
    const response = await em.graph('GET', '/sites/nope.example.com', undefined, { 'client-request-id': 'abc-123' });
    const error = expectGraphError(response, 404, 'itemNotFound');
    expect(error.innerError['client-request-id']).toBe('abc-123');
    expect(response.headers.get('client-request-id')).toBe('abc-123');
  });

  it('answers unknown routes and methods in Graph’s shape', async () => {
    expectGraphError(await em.graph('GET', '/nonsense'), 400, 'BadRequest');
    expectGraphError(await em.graph('GET', '/sites/root/whatever'), 400, 'BadRequest');
    const wrongMethod = await em.graph('PUT', '/sites/root/lists', {});
    expectGraphError(wrongMethod, 405, 'notSupported');
    expect(wrongMethod.headers.get('allow')).toContain('POST');
    expectGraphError(await em.graph('GET', '/v2.0/sites/root'.replace('/v2.0', '/../v2.0')), 400, 'BadRequest');
  });

  it('refuses malformed JSON with 400 and a body that is not JSON with 415', async () => {
    const site = await em.newSite();
    const malformed = await fetch(`${em.sp.graphUrl}${site}/lists`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"displayName": ',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalidRequest');
    const textual = await fetch(`${em.sp.graphUrl}${site}/lists`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'text/plain' },
      body: '{"displayName":"x"}',
    });
    expect(textual.status).toBe(415);
    expectGraphError(await em.graph('POST', `${site}/lists`, [1, 2]), 400, 'invalidRequest');
  });
});

describe('sites', () => {
  it('has a root site with a composite id, addressable every documented way', async () => {
    const root = await em.graph<Site>('GET', '/sites/root');
    expect(root.status).toBe(200);
    expect(root.json.id).toMatch(/^insatsnavet\.sharepoint\.local,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(root.json.root).toEqual({});
    expect(root.json.siteCollection).toEqual({ hostname: 'insatsnavet.sharepoint.local' });
    const [, siteGuid] = root.json.id.split(',');
    for (const address of [
      'insatsnavet.sharepoint.local',
      root.json.id,
      `insatsnavet.sharepoint.local,${siteGuid}`,
      `${siteGuid}`,
      'insatsnavet.sharepoint.local:/',
    ]) {
      const again = await em.graph<Site>('GET', `/sites/${address}`);
      expect(again.status, address).toBe(200);
      expect(again.json.id).toBe(root.json.id);
    }
  });

  it('creates extra sites through the test control and finds them by path', async () => {
    const site = await em.control<Site>('POST', '/sites', { path: '/sites/kansli', displayName: 'Kansliet' });
    expect(site.status).toBe(201);
    expect(site.json.root).toBeUndefined();
    const byPath = await em.graph<Site>('GET', '/sites/insatsnavet.sharepoint.local:/sites/kansli');
    expect(byPath.json).toMatchObject({ id: site.json.id, displayName: 'Kansliet', name: 'kansli' });
    expect(byPath.json.webUrl).toBe('https://insatsnavet.sharepoint.local/sites/kansli');
    const lists = await em.graph<Collection<List>>('GET', '/sites/insatsnavet.sharepoint.local:/sites/kansli:/lists');
    expect(lists.status).toBe(200);
    expect(lists.json.value).toEqual([]);
    expect((await em.control('POST', '/sites', { path: '/sites/kansli' })).status).toBe(409);
    expect((await em.control('POST', '/sites', { path: 'kansli' })).status).toBe(400);
  });

  it('answers 404 itemNotFound for unknown sites', async () => {
    for (const address of [
      'insatsnavet.sharepoint.local:/sites/nope',
      'other.sharepoint.com',
      'insatsnavet.sharepoint.local,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000',
    ]) {
      expectGraphError(await em.graph('GET', `/sites/${address}`), 404, 'itemNotFound');
    }
  });
});

describe('lists', () => {
  it('creates a list (201) whose name is its displayName, with a Title column', async () => {
    const site = await em.newSite();
    const created = await em.graph<List>('POST', `${site}/lists`, { displayName: 'Insatser' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Insatser',
      displayName: 'Insatser',
      list: { template: 'genericList' },
    });
    expect(created.json.id).toMatch(/^[0-9a-f-]{36}$/);
    const byTitle = await em.graph<List>('GET', `${site}/lists/Insatser?expand=columns`);
    expect(byTitle.json.id).toBe(created.json.id);
    expect(byTitle.json.columns?.map((column) => column.name)).toContain('Title');
    const byId = await em.graph<List>('GET', `${site}/lists/${created.json.id}?$expand=columns`);
    expect(byId.json.columns?.length).toBe(byTitle.json.columns?.length);
    const withoutColumns = await em.graph<List>('GET', `${site}/lists/${created.json.id}`);
    expect(withoutColumns.json.columns).toBeUndefined();
  });

  it('addresses lists with Swedish titles', async () => {
    const site = await em.newSite();
    await createList(em, site, 'Beslutsärenden');
    const found = await em.graph<List>('GET', `${site}/lists/${encodeURIComponent('Beslutsärenden')}`);
    expect(found.status).toBe(200);
    expect(found.json.displayName).toBe('Beslutsärenden');
  });

  it('refuses a duplicate title with 409 nameAlreadyExists (any case)', async () => {
    const site = await em.newSite();
    await createList(em, site, 'Röster');
    expectGraphError(await em.graph('POST', `${site}/lists`, { displayName: 'Röster' }), 409, 'nameAlreadyExists');
    expectGraphError(await em.graph('POST', `${site}/lists`, { displayName: 'röster' }), 409, 'nameAlreadyExists');
  });

  it("refuses 'name' with Graph’s message", async () => {
    const site = await em.newSite();
    const error = expectGraphError(await em.graph('POST', `${site}/lists`, { name: 'X' }), 400, 'invalidRequest');
    expect(error.message).toBe(
      "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
    );
  });

  it('refuses unsupported templates and bad columns without creating anything', async () => {
    const site = await em.newSite();
    expectGraphError(
      await em.graph('POST', `${site}/lists`, { displayName: 'T', list: { template: 'tasks' } }),
      400,
      'notSupported',
    );
    expectGraphError(
      await em.graph('POST', `${site}/lists`, { displayName: 'T', columns: [{ name: 'X' }] }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await em.graph('POST', `${site}/lists`, { displayName: 'T', columns: [{ name: 'X', text: {}, number: {} }] }),
      400,
      'invalidRequest',
    );
    const lists = await em.graph<Collection<List>>('GET', `${site}/lists`);
    expect(lists.json.value).toEqual([]);
  });

  it('filters lists only by displayName, as Graph does', async () => {
    const site = await em.newSite();
    await createList(em, site, 'A');
    await createList(em, site, 'B');
    const filtered = await em.graph<Collection<List>>('GET', `${site}/lists?$filter=displayName eq 'B'`);
    expect(filtered.json.value.map((list) => list.displayName)).toEqual(['B']);
    const unsupported = await em.graph('GET', `${site}/lists?$filter=name eq 'B'`);
    expect(expectGraphError(unsupported, 400, 'invalidRequest').message).toBe(
      'The provided filter statement is not supported',
    );
    expectGraphError(await em.graph('GET', `${site}/lists?$filter=list/hidden eq false`), 400, 'invalidRequest');
  });

  it('answers 404 for unknown lists and deletes lists', async () => {
    const site = await em.newSite();
    expectGraphError(await em.graph('GET', `${site}/lists/Nope`), 404, 'itemNotFound');
    const id = await createList(em, site, 'Temp');
    expect((await em.graph('DELETE', `${site}/lists/${id}`)).status).toBe(204);
    expectGraphError(await em.graph('GET', `${site}/lists/${id}`), 404, 'itemNotFound');
  });

  it('keeps lists of different sites apart', async () => {
    const one = await em.newSite();
    const two = await em.newSite();
    const id = await createList(em, one, 'Only here');
    expectGraphError(await em.graph('GET', `${two}/lists/${id}`), 404, 'itemNotFound');
    expect((await em.graph('POST', `${two}/lists`, { displayName: 'Only here' })).status).toBe(201);
  });
});

describe('columns', () => {
  it('creates columns (201) with Graph’s defaults and refuses a duplicate name (409)', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Cols');
    const created = await em.graph<Column>('POST', `${site}/lists/${list}/columns`, { name: 'Code', text: {} });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Code',
      displayName: 'Code',
      indexed: false,
      enforceUniqueValues: false,
      text: { allowMultipleLines: false, maxLength: 255 },
    });
    expectGraphError(
      await em.graph('POST', `${site}/lists/${list}/columns`, { name: 'code', number: {} }),
      409,
      'nameAlreadyExists',
    );
    expectGraphError(
      await em.graph('POST', `${site}/lists/${list}/columns`, { name: 'Title', text: {} }),
      409,
      'nameAlreadyExists',
    );
    const columns = await em.graph<Collection<Column>>('GET', `${site}/lists/${list}/columns`);
    expect(columns.json.value.filter((column) => column.name === 'Code')).toHaveLength(1);
    const one = await em.graph<Column>('GET', `${site}/lists/${list}/columns/${created.json.id}`);
    expect(one.json.name).toBe('Code');
  });

  it('patches any property but id: indexed, enforceUniqueValues, displayName, choices', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Patch', [
      { name: 'Stage', choice: { choices: ['Idé'] } },
      { name: 'Code', text: {} },
    ]);
    const columns = await em.graph<Collection<Column>>('GET', `${site}/lists/${list}/columns`);
    const stage = columns.json.value.find((column) => column.name === 'Stage');
    const code = columns.json.value.find((column) => column.name === 'Code');
    const patched = await em.graph<Column>('PATCH', `${site}/lists/${list}/columns/${stage?.id}`, {
      indexed: true,
      displayName: 'Skede',
      choice: { choices: ['Idé', 'Ansökan'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      indexed: true,
      displayName: 'Skede',
      choice: { choices: ['Idé', 'Ansökan'] },
    });
    const unique = await em.graph<Column>('PATCH', `${site}/lists/${list}/columns/${code?.id}`, {
      indexed: true,
      enforceUniqueValues: true,
    });
    expect(unique.json).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expectGraphError(
      await em.graph('PATCH', `${site}/lists/${list}/columns/${code?.id}`, { indexed: false }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await em.graph('PATCH', `${site}/lists/${list}/columns/${code?.id}`, { id: 'x' }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await em.graph('PATCH', `${site}/lists/${list}/columns/${code?.id}`, { number: {} }),
      400,
      'invalidRequest',
    );
    const idColumn = columns.json.value.find((column) => column.name === 'ID');
    expectGraphError(
      await em.graph('PATCH', `${site}/lists/${list}/columns/${idColumn?.id}`, { indexed: true }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await em.graph('PATCH', `${site}/lists/${list}/columns/nope`, { indexed: true }),
      404,
      'itemNotFound',
    );
  });

  it('requires an index for unique values and refuses indexes on notes and multi-value lookups', async () => {
    const site = await em.newSite();
    const target = await createList(em, site, 'Target');
    const list = await createList(em, site, 'Rules');
    const add = (column: object) => em.graph('POST', `${site}/lists/${list}/columns`, column);
    expectGraphError(await add({ name: 'U', text: {}, enforceUniqueValues: true }), 400, 'invalidRequest');
    expect((await add({ name: 'U', text: {}, enforceUniqueValues: true, indexed: true })).status).toBe(201);
    expectGraphError(
      await add({ name: 'Note', text: { allowMultipleLines: true }, indexed: true }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await add({ name: 'Multi', lookup: { listId: target, allowMultipleValues: true }, indexed: true }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await add({ name: 'Bad', lookup: { listId: '00000000-0000-0000-0000-000000000000' } }),
      400,
      'invalidRequest',
    );
    expectGraphError(await add({ name: 'Who', personOrGroup: {} }), 400, 'notSupported');
    expectGraphError(await add({ name: '1abc', text: {} }), 400, 'invalidRequest');
  });

  it('allows 20 indexed columns per list and refuses the 21st', async () => {
    const site = await em.newSite();
    const columns = Array.from({ length: 20 }, (_, index) => ({ name: `C${index}`, number: {}, indexed: true }));
    const list = await createList(em, site, 'Many', columns);
    const extra = await em.graph('POST', `${site}/lists/${list}/columns`, { name: 'C20', number: {}, indexed: true });
    expect(expectGraphError(extra, 400, 'invalidRequest').message).toContain('maximum number of columns');
    const plain = await em.graph<Column>('POST', `${site}/lists/${list}/columns`, { name: 'C20', number: {} });
    expect(plain.status).toBe(201);
    const patch = await em.graph('PATCH', `${site}/lists/${list}/columns/${plain.json.id}`, { indexed: true });
    expectGraphError(patch, 400, 'invalidRequest');
    expectGraphError(
      await em.graph('POST', `${site}/lists`, {
        displayName: 'TooMany',
        columns: [...columns, { name: 'C20', number: {}, indexed: true }],
      }),
      400,
      'invalidRequest',
    );
  });

  it('refuses enforceUniqueValues on a column that already holds duplicates', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Dups', [{ name: 'Key', text: {} }]);
    for (const key of ['A', 'a']) {
      expect((await em.graph('POST', `${site}/lists/${list}/items`, { fields: { Key: key } })).status).toBe(201);
    }
    const columns = await em.graph<Collection<Column>>('GET', `${site}/lists/${list}/columns`);
    const key = columns.json.value.find((column) => column.name === 'Key');
    const patch = await em.graph('PATCH', `${site}/lists/${list}/columns/${key?.id}`, {
      indexed: true,
      enforceUniqueValues: true,
    });
    expect(expectGraphError(patch, 400, 'invalidRequest').message).toContain('duplicate');
    const after = await em.graph<Column>('GET', `${site}/lists/${list}/columns/${key?.id}`);
    expect(after.json).toMatchObject({ indexed: false, enforceUniqueValues: false });
  });
});
