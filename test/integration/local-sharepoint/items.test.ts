import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Collection,
  createList,
  type Emulator,
  expectGraphError,
  type Fields,
  type ItemJson,
  startEmulator,
} from './helpers.ts';

let em: Emulator;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em.close();
});

const COLUMNS = [
  { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
  { name: 'Note', text: { allowMultipleLines: true } },
  { name: 'Short', text: { maxLength: 5 } },
  { name: 'Year', number: {} },
  { name: 'Amount', currency: { locale: 'sv-se' } },
  { name: 'Active', boolean: {} },
  { name: 'Due', dateTime: { format: 'dateOnly' } },
  { name: 'At', dateTime: { format: 'dateTime' } },
  { name: 'Stage', choice: { choices: ['Idé', 'Ansökan', 'Beviljad'] } },
  { name: 'Free', choice: { choices: ['A'], allowTextEntry: true } },
];

async function setup(): Promise<{ site: string; items: string; list: string }> {
  const site = await em.newSite();
  const list = await createList(em, site, 'Insatser', COLUMNS);
  return { site, list, items: `${site}/lists/${list}/items` };
}

async function count(items: string): Promise<number> {
  const all = await em.graph<Collection>('GET', `${items}?$top=5000`);
  return all.json.value.length;
}

describe('list items', () => {
  it('creates an item: 201 with the full listItem and its fields', async () => {
    const { items, site } = await setup();
    const created = await em.graph<ItemJson>('POST', items, {
      fields: {
        Title: 'NOVA',
        Code: 'NOVA-1',
        Year: 2027,
        Amount: 1065500.5,
        Active: true,
        Due: '2027-04-30',
        At: '2027-04-30T10:15:00+02:00',
        Stage: 'Idé',
        Free: 'anything',
      },
    });
    expect(created.status).toBe(201);
    const item = created.json;
    expect(item.id).toBe('1');
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item['@odata.etag']).toBe(item.eTag);
    expect(item.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(item).toMatchObject({
      contentType: { name: 'Item' },
      createdBy: { user: { displayName: expect.any(String) } },
      lastModifiedBy: { user: { displayName: expect.any(String) } },
      parentReference: { siteId: site.replace('/sites/', '') },
    });
    expect(item.fields).toMatchObject({
      '@odata.etag': item.eTag,
      id: '1',
      Title: 'NOVA',
      Code: 'NOVA-1',
      Year: 2027,
      Amount: 1065500.5,
      Active: true,
      Due: '2027-04-30T00:00:00Z',
      At: '2027-04-30T08:15:00Z',
      Stage: 'Idé',
      Free: 'anything',
      ContentType: 'Item',
      _UIVersionString: '1.0',
      Attachments: false,
    });
    expect(item.fields.Created).toBe(item.createdDateTime);
    expect(item.fields.Modified).toBe(item.lastModifiedDateTime);
    expect('Note' in item.fields).toBe(false);
  });

  it('gives ids that increase and are never reused', async () => {
    const { items } = await setup();
    const ids: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      ids.push((await em.graph<ItemJson>('POST', items, { fields: { Title: `${n}` } })).json.id);
    }
    expect((await em.graph('DELETE', `${items}/3`)).status).toBe(204);
    ids.push((await em.graph<ItemJson>('POST', items, { fields: {} })).json.id);
    expect(ids).toEqual(['1', '2', '3', '4']);
  });

  it('returns fields only when expanded, and only the selected ones', async () => {
    const { items } = await setup();
    await em.graph('POST', items, { fields: { Title: 'x', Code: 'C', Year: 1 } });
    const plain = await em.graph<ItemJson>('GET', `${items}/1`);
    expect(plain.json.fields).toBeUndefined();
    const expanded = await em.graph<ItemJson>('GET', `${items}/1?expand=fields`);
    expect(expanded.json.fields.Code).toBe('C');
    const selected = await em.graph<ItemJson>('GET', `${items}/1?$expand=fields($select=Code,Year)`);
    expect(selected.json.fields).toEqual({ '@odata.etag': expanded.json.eTag, Code: 'C', Year: 1 });
    const list = await em.graph<Collection>('GET', `${items}?expand=fields(select=Title)`);
    expect(list.json.value[0]?.fields).toEqual({ '@odata.etag': expanded.json.eTag, Title: 'x' });
    const fieldsOnly = await em.graph<Fields>('GET', `${items}/1/fields?$select=Year`);
    expect(fieldsOnly.json.Year).toBe(1);
    expect(fieldsOnly.json.Code).toBeUndefined();
  });

  it('PATCH …/fields changes only what is sent and returns the whole fieldValueSet', async () => {
    const { items } = await setup();
    const created = await em.graph<ItemJson>('POST', items, { fields: { Title: 'a', Code: 'K1', Year: 1 } });
    const patched = await em.graph<Fields>('PATCH', `${items}/1/fields`, { Year: 2 });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ Title: 'a', Code: 'K1', Year: 2, id: '1', _UIVersionString: '2.0' });
    expect(patched.json['@odata.etag']).not.toBe(created.json.eTag);
    expect(String(patched.json['@odata.etag'])).toMatch(/,2"$/);
  });

  it('PATCH …/items/{id} with fields returns the listItem', async () => {
    const { items } = await setup();
    await em.graph('POST', items, { fields: { Title: 'a' } });
    const patched = await em.graph<ItemJson>('PATCH', `${items}/1`, { fields: { Title: 'b' } });
    expect(patched.status).toBe(200);
    expect(patched.json.id).toBe('1');
    expect(patched.json.fields.Title).toBe('b');
  });

  it('null clears a value; an empty value is absent, not null', async () => {
    const { items } = await setup();
    await em.graph('POST', items, { fields: { Title: 'a', Year: 5, Stage: 'Idé' } });
    const cleared = await em.graph<Fields>('PATCH', `${items}/1/fields`, { Year: null, Stage: null });
    expect('Year' in cleared.json).toBe(false);
    expect('Stage' in cleared.json).toBe(false);
    expect(cleared.json.Title).toBe('a');
  });

  it('If-Match: a stale eTag → 412 and nothing changes; the current one or * succeeds', async () => {
    const { items } = await setup();
    const created = await em.graph<ItemJson>('POST', items, { fields: { Title: 'v1' } });
    const first = created.json.eTag;
    expect((await em.graph('PATCH', `${items}/1/fields`, { Title: 'v2' }, { 'if-match': first })).status).toBe(200);
    const stale = await em.graph('PATCH', `${items}/1/fields`, { Title: 'v3' }, { 'if-match': first });
    expectGraphError(stale, 412, 'resourceModified');
    const after = await em.graph<ItemJson>('GET', `${items}/1?expand=fields`);
    expect(after.json.fields.Title).toBe('v2');
    expectGraphError(await em.graph('DELETE', `${items}/1`, undefined, { 'if-match': first }), 412, 'resourceModified');
    expect((await em.graph('PATCH', `${items}/1/fields`, { Title: 'v4' }, { 'if-match': '*' })).status).toBe(200);
    const unquoted = await em.graph('PATCH', `${items}/1/fields`, { Title: 'v5' }, { 'if-match': 'abc,1' });
    expect(expectGraphError(unquoted, 400, 'invalidRequest').innerError.code).toBe('malformedEntityTag');
    const current = (await em.graph<ItemJson>('GET', `${items}/1`)).json.eTag;
    expect((await em.graph('DELETE', `${items}/1`, undefined, { 'if-match': current })).status).toBe(204);
  });

  it('DELETE answers 204 with no body, then the item is 404 itemNotFound', async () => {
    const { items } = await setup();
    await em.graph('POST', items, { fields: { Title: 'gone' } });
    const deleted = await em.graph('DELETE', `${items}/1`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectGraphError(await em.graph('GET', `${items}/1`), 404, 'itemNotFound');
    expectGraphError(await em.graph('DELETE', `${items}/1`), 404, 'itemNotFound');
    expectGraphError(await em.graph('PATCH', `${items}/1/fields`, { Title: 'x' }), 404, 'itemNotFound');
    expectGraphError(await em.graph('GET', `${items}/abc`), 404, 'itemNotFound');
  });

  it.each([
    ['text into a number', { Year: 'tjugo' }],
    ['a numeric string into a number', { Year: '2027' }],
    ['a number into text', { Code: 5 }],
    ['text into a boolean', { Active: 'yes' }],
    ['a bad date', { Due: '2027-02-30' }],
    ['not a date', { At: 'tomorrow' }],
    ['an unknown choice', { Stage: 'Okänd' }],
    ['a choice as a number', { Stage: 1 }],
    ['a single line that is too long', { Short: '123456' }],
    ['Title over 255 characters', { Title: 'x'.repeat(256) }],
    ['an unknown column', { Nope: 1 }],
    ['a read-only field', { Created: '2027-01-01T00:00:00Z' }],
    ['the id', { id: '7' }],
    ['a computed field', { AuthorLookupId: '1' }],
    ['NaN-like number', { Amount: 'NaN' }],
    ['an object', { Title: { nested: true } }],
  ])('refuses %s with 400 and stores nothing', async (_label, fields) => {
    const { items } = await setup();
    expectGraphError(await em.graph('POST', items, { fields: { Title: 'ok', ...fields } }), 400, 'invalidRequest');
    expect(await count(items)).toBe(0);
    await em.graph('POST', items, { fields: { Title: 'base', Year: 1 } });
    expectGraphError(await em.graph('PATCH', `${items}/1/fields`, { Year: 2, ...fields }), 400, 'invalidRequest');
    const after = await em.graph<Fields>('GET', `${items}/1/fields`);
    expect(after.json.Year).toBe(1);
    expect(after.json._UIVersionString).toBe('1.0');
  });

  it("names an unknown column in the message: Field 'X' is not recognized", async () => {
    const { items } = await setup();
    const error = expectGraphError(await em.graph('POST', items, { fields: { Nope: 1 } }), 400, 'invalidRequest');
    expect(error.message).toBe("Field 'Nope' is not recognized");
  });

  it('accepts a long multi-line text', async () => {
    const { items } = await setup();
    const long = 'rad\n'.repeat(5000);
    const created = await em.graph<ItemJson>('POST', items, { fields: { Note: long } });
    expect(created.json.fields.Note).toBe(long);
  });
});

describe('unique columns', () => {
  it('refuses a duplicate (any case) with 409 and stores nothing', async () => {
    const { items } = await setup();
    expect((await em.graph('POST', items, { fields: { Code: 'NOVA-2027' } })).status).toBe(201);
    const before = await count(items);
    const duplicate = await em.graph('POST', items, { fields: { Code: 'nova-2027' } });
    expect(expectGraphError(duplicate, 409, 'conflict').message).toBe(
      'The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [Code].',
    );
    expect(await count(items)).toBe(before);
    await em.graph('POST', items, { fields: { Code: 'OTHER' } });
    expectGraphError(await em.graph('PATCH', `${items}/2/fields`, { Code: 'NOVA-2027' }), 409, 'conflict');
    const second = await em.graph<Fields>('GET', `${items}/2/fields`);
    expect(second.json.Code).toBe('OTHER');
    expect(second.json._UIVersionString).toBe('1.0');
    // empty values never collide
    expect((await em.graph('POST', items, { fields: { Title: 'no code' } })).status).toBe(201);
    expect((await em.graph('POST', items, { fields: { Title: 'no code either' } })).status).toBe(201);
  });

  it('lets exactly one of ten concurrent creates of the same key win', async () => {
    const { items } = await setup();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => em.graph('POST', items, { fields: { Code: 'SAME', Title: `${n}` } })),
    );
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    expect(results.filter((result) => result.status === 409)).toHaveLength(9);
    const stored = await em.graph<Collection>('GET', `${items}?expand=fields&$filter=fields/Code eq 'SAME'`);
    expect(stored.json.value).toHaveLength(1);
  });
});

describe('lookups', () => {
  async function lookupLists() {
    const site = await em.newSite();
    const members = await createList(em, site, 'Medlemmar');
    for (const title of ['Region Syd', 'Kommun Norr', 'Försäkringskassan']) {
      await em.graph('POST', `${site}/lists/${members}/items`, { fields: { Title: title } });
    }
    const list = await createList(em, site, 'Insatser', [
      { name: 'OwnerOrg', lookup: { listId: members }, indexed: true },
      { name: 'PartnerOrgs', lookup: { listId: members, allowMultipleValues: true } },
    ]);
    return { site, members, items: `${site}/lists/${list}/items` };
  }

  it('writes a single lookup as <Name>LookupId (number or string) and reads it back as a string', async () => {
    const { items } = await lookupLists();
    const created = await em.graph<ItemJson>('POST', items, { fields: { OwnerOrgLookupId: 2 } });
    expect(created.status).toBe(201);
    expect(created.json.fields.OwnerOrgLookupId).toBe('2');
    expect('OwnerOrg' in created.json.fields).toBe(false);
    const patched = await em.graph<Fields>('PATCH', `${items}/1/fields`, { OwnerOrgLookupId: '3' });
    expect(patched.json.OwnerOrgLookupId).toBe('3');
    const selected = await em.graph<ItemJson>('GET', `${items}/1?expand=fields(select=OwnerOrg,OwnerOrgLookupId)`);
    expect(selected.json.fields).toMatchObject({ OwnerOrg: 'Försäkringskassan', OwnerOrgLookupId: '3' });
    const filtered = await em.graph<Collection>('GET', `${items}?$filter=fields/OwnerOrgLookupId eq 3`);
    expect(filtered.json.value.map((item) => item.id)).toEqual(['1']);
    const cleared = await em.graph<Fields>('PATCH', `${items}/1/fields`, { OwnerOrgLookupId: null });
    expect('OwnerOrgLookupId' in cleared.json).toBe(false);
  });

  it('writes a multi-value lookup with the collection annotation and reads LookupId/LookupValue pairs', async () => {
    const { items } = await lookupLists();
    for (const type of ['Collection(Edm.Int32)', 'Collection(Edm.String)']) {
      const created = await em.graph<ItemJson>('POST', items, {
        fields: { 'PartnerOrgsLookupId@odata.type': type, PartnerOrgsLookupId: [1, '3'] },
      });
      expect(created.status).toBe(201);
      expect(created.json.fields.PartnerOrgs).toEqual([
        { LookupId: 1, LookupValue: 'Region Syd' },
        { LookupId: 3, LookupValue: 'Försäkringskassan' },
      ]);
    }
    const emptied = await em.graph<Fields>('PATCH', `${items}/1/fields`, {
      'PartnerOrgsLookupId@odata.type': 'Collection(Edm.Int32)',
      PartnerOrgsLookupId: [],
    });
    expect('PartnerOrgs' in emptied.json).toBe(false);
  });

  it.each([
    ['the plain name of a lookup', { OwnerOrg: 1 }],
    ['a lookup id that does not exist', { OwnerOrgLookupId: 99 }],
    ['a lookup id that is not a number', { OwnerOrgLookupId: 'Region Syd' }],
    [
      'the collection annotation on a single lookup',
      { 'OwnerOrgLookupId@odata.type': 'Collection(Edm.Int32)', OwnerOrgLookupId: [1] },
    ],
    ['an array for a single lookup', { OwnerOrgLookupId: [1] }],
    ['a multi lookup without the annotation', { PartnerOrgsLookupId: [1] }],
    [
      'a multi lookup with a missing id',
      { 'PartnerOrgsLookupId@odata.type': 'Collection(Edm.Int32)', PartnerOrgsLookupId: [1, 42] },
    ],
    ['a wrong annotation type', { 'PartnerOrgsLookupId@odata.type': 'Edm.Int32', PartnerOrgsLookupId: [1] }],
    ['an annotation without its value', { 'PartnerOrgsLookupId@odata.type': 'Collection(Edm.Int32)' }],
  ])('refuses %s with 400', async (_label, fields) => {
    const { items } = await lookupLists();
    expectGraphError(await em.graph('POST', items, { fields }), 400, 'invalidRequest');
    expect(await count(items)).toBe(0);
  });

  it('refuses filtering on a multi-value lookup and on a lookup by plain name', async () => {
    const { items } = await lookupLists();
    const prefer = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    expectGraphError(
      await em.graph('GET', `${items}?$filter=fields/PartnerOrgsLookupId eq 1`, undefined, prefer),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await em.graph('GET', `${items}?$filter=fields/OwnerOrg eq 1`, undefined, prefer),
      400,
      'invalidRequest',
    );
  });
});
