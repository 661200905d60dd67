import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  PageIterator,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Collection,
  createItems,
  createList,
  type Emulator,
  expectGraphError,
  type ItemJson,
  startEmulator,
} from './helpers.ts';

const PREFER = { prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

let em: Emulator;
let items: string;

const ROWS = [
  { Title: 'Alfa', Code: 'A-1', Stage: 'Idé', Year: 2025, Amount: 100, Active: true, Due: '2027-01-20', Tag: 'x' },
  {
    Title: 'Beta',
    Code: 'B-2',
    Stage: 'Ansökan',
    Year: 2026,
    Amount: 250.5,
    Active: false,
    Due: '2027-04-30',
    Tag: 'y',
  },
  { Title: 'Gamma', Code: 'C-3', Stage: 'Beviljad', Year: 2027, Amount: 75, Active: true, Due: '2027-07-31', Tag: 'x' },
  { Title: "O'Hara", Code: 'D-4', Stage: 'Idé', Year: 2027, Amount: 0, Active: false, Due: '2027-10-31' },
  { Title: 'Epsilon', Code: 'nova-5', Stage: 'Ansökan', Year: 2028, Active: true },
];

beforeAll(async () => {
  em = await startEmulator();
  const site = await em.newSite();
  const list = await createList(em, site, 'Query', [
    { name: 'Code', text: {}, indexed: true },
    { name: 'Stage', choice: { choices: ['Idé', 'Ansökan', 'Beviljad'] }, indexed: true },
    { name: 'Year', number: {}, indexed: true },
    { name: 'Amount', currency: {}, indexed: true },
    { name: 'Active', boolean: {}, indexed: true },
    { name: 'Due', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: 'Tag', text: {} },
  ]);
  items = `${site}/lists/${list}/items`;
  await createItems(em, site, list, ROWS);
});
afterAll(async () => {
  await em.close();
});

async function ids(query: string, headers: Record<string, string> = {}): Promise<string[]> {
  const response = await em.graph<Collection>('GET', `${items}?${query}`, undefined, headers);
  if (response.status !== 200) {
    throw new Error(`${query}: ${response.status} ${response.text}`);
  }
  return response.json.value.map((item) => item.id);
}

describe('$filter', () => {
  it.each([
    ["fields/Code eq 'B-2'", ['2']],
    ["fields/Code eq 'b-2'", ['2']],
    ["fields/Code ne 'B-2'", ['1', '3', '4', '5']],
    ['fields/Year lt 2027', ['1', '2']],
    ['fields/Year le 2027', ['1', '2', '3', '4']],
    ['fields/Year gt 2027', ['5']],
    ['fields/Year ge 2027', ['3', '4', '5']],
    ['fields/Amount eq 250.5', ['2']],
    ['fields/Amount eq 0', ['4']],
    ['fields/Amount eq null', ['5']],
    ['fields/Amount ne null', ['1', '2', '3', '4']],
    ['fields/Active eq true', ['1', '3', '5']],
    ['fields/Active eq false', ['2', '4']],
    ["fields/Due le '2027-04-30'", ['1', '2']],
    ['fields/Due le 2027-04-30', ['1', '2']],
    ["fields/Due ge '2027-04-30T00:00:00Z'", ['2', '3', '4']],
    ['fields/Due lt 2027-04-30T00:00:00Z', ['1']],
    ["fields/Stage eq 'Idé'", ['1', '4']],
    ["startswith(fields/Code,'NOVA')", ['5']],
    ["startswith(fields/Code, 'a-')", ['1']],
    ["fields/Stage eq 'Idé' and fields/Year eq 2027", ['4']],
    ["fields/Stage eq 'Beviljad' or fields/Year eq 2025", ['1', '3']],
    ["fields/Stage eq 'Idé' or fields/Stage eq 'Ansökan' and fields/Year eq 2028", ['1', '4', '5']],
    ["(fields/Stage eq 'Idé' or fields/Stage eq 'Ansökan') and fields/Year eq 2028", ['5']],
    ["not (fields/Stage eq 'Idé')", ['2', '3', '5']],
    ["not startswith(fields/Code,'A')", ['2', '3', '4', '5']],
    ['id eq 3', ['3']],
    ['fields/ID ge 4', ['4', '5']],
    ["fields/Code eq 'nothing'", []],
  ])('%s', async (filter, expected) => {
    expect(await ids(`$filter=${encodeURIComponent(filter)}`)).toEqual(expected);
  });

  it("handles quotes escaped as '' in string literals", async () => {
    expect(await ids(`$filter=${encodeURIComponent("fields/Title eq 'O''Hara'")}`, PREFER)).toEqual(['4']);
  });

  it('accepts filter without the $ and next to expand', async () => {
    const response = await em.graph<Collection>('GET', `${items}?expand=fields&filter=fields/Year eq 2026`);
    expect(response.json.value.map((item) => item.fields.Title)).toEqual(['Beta']);
  });

  it("refuses a non-indexed column with Graph's exact message unless Prefer allows it", async () => {
    for (const query of ["$filter=fields/Tag eq 'x'", "$filter=fields/Title eq 'Alfa'", '$orderby=fields/Tag']) {
      const refused = await em.graph('GET', `${items}?${query}`);
      expect(expectGraphError(refused, 400, 'invalidRequest').message).toBe(
        `Field '${query.includes('Title') ? 'Title' : 'Tag'}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
      );
    }
    expect(await ids("$filter=fields/Tag eq 'x'", PREFER)).toEqual(['1', '3']);
    expect(
      await ids("$filter=fields/Tag eq 'x'", {
        prefer: 'odata.maxpagesize=10, HonorNonIndexedQueriesWarningMayFailRandomly',
      }),
    ).toEqual(['1', '3']);
    const mixed = await em.graph('GET', `${items}?$filter=fields/Year eq 2025 and fields/Tag eq 'x'`);
    expectGraphError(mixed, 400, 'invalidRequest');
  });

  it.each([
    ["fields/Code eq 'x", 'position 15'],
    ['fields/Code eq', 'position 14'],
    ["fields/Code = 'x'", 'position 12'],
    ["contains(fields/Code,'x')", 'not supported'],
  ])('answers a syntax error in %j with 400 and the position', async (filter, detail) => {
    const response = await em.graph('GET', `${items}?$filter=${encodeURIComponent(filter)}`);
    expect(expectGraphError(response, 400, 'invalidRequest').message).toContain(detail);
  });

  it.each([
    ["fields/Nope eq 'x'", 'does not exist'],
    ["fields/Year eq 'x'", 'must be a number'],
    ['fields/Code eq 5', 'quoted text'],
    ["fields/Due eq 'soon'", 'date'],
    ['fields/Active eq 1', 'true or false'],
    ['fields/Year lt null', 'null'],
    ['fields/Year eq 1 and bogus eq 1', 'bogus'],
  ])('answers a bad reference or value in %j with 400', async (filter, detail) => {
    const response = await em.graph('GET', `${items}?$filter=${encodeURIComponent(filter)}`, undefined, PREFER);
    expect(expectGraphError(response, 400, 'invalidRequest').message).toContain(detail);
  });

  it('handles long or-chains and refuses absurdly long ones with 400', async () => {
    const chain = (terms: number) => Array.from({ length: terms }, (_, n) => `id eq ${n + 1}`).join(' or ');
    expect(await ids(`$filter=${encodeURIComponent(chain(300))}`)).toEqual(['1', '2', '3', '4', '5']);
    expectGraphError(
      await em.graph('GET', `${items}?$filter=${encodeURIComponent(chain(600))}`),
      400,
      'invalidRequest',
    );
  });

  it('refuses the same option twice', async () => {
    expectGraphError(await em.graph('GET', `${items}?$filter=id eq 1&filter=id eq 2`), 400, 'invalidRequest');
  });
});

describe('$orderby', () => {
  it.each([
    ['fields/Year', ['1', '2', '3', '4', '5']],
    ['fields/Year desc', ['5', '3', '4', '2', '1']],
    ['fields/Amount', ['5', '4', '3', '1', '2']],
    ['fields/Amount desc', ['2', '1', '3', '4', '5']],
    ['fields/Stage asc,fields/Year desc', ['5', '2', '3', '4', '1']],
    ['fields/Code desc', ['5', '4', '3', '2', '1']],
    ['id desc', ['5', '4', '3', '2', '1']],
    ['createdDateTime', ['1', '2', '3', '4', '5']],
  ])('%s', async (orderby, expected) => {
    expect(await ids(`$orderby=${encodeURIComponent(orderby)}`)).toEqual(expected);
  });

  it('combines filter and orderby', async () => {
    expect(await ids(`$filter=${encodeURIComponent('fields/Year ge 2026')}&$orderby=fields/Year desc`)).toEqual([
      '5',
      '3',
      '4',
      '2',
    ]);
  });

  it('pages through an ordered query with nulls without losing or repeating items', async () => {
    for (const order of ['fields/Amount', 'fields/Amount desc', 'fields/Stage desc,fields/Amount', 'fields/Due desc']) {
      const seen: string[] = [];
      let next: string | undefined = `${items}?$orderby=${encodeURIComponent(order)}&$top=2`;
      while (next !== undefined) {
        const page: Awaited<ReturnType<typeof em.graph<Collection>>> = await em.graph<Collection>('GET', next);
        expect(page.status).toBe(200);
        seen.push(...page.json.value.map((item) => item.id));
        const link = page.json['@odata.nextLink'];
        next = link === undefined ? undefined : link.slice(em.sp.graphUrl.length);
      }
      expect(seen, order).toEqual(await ids(`$orderby=${encodeURIComponent(order)}`));
    }
  });
});

describe('paging', () => {
  let big: string;
  let site: string;
  beforeAll(async () => {
    site = await em.newSite();
    const list = await createList(em, site, 'Big', [{ name: 'N', number: {}, indexed: true }]);
    big = `${site}/lists/${list}/items`;
    await createItems(
      em,
      site,
      list,
      Array.from({ length: 450 }, (_, n) => ({ Title: `Item ${n}`, N: n % 7 })),
    );
  });

  it('defaults to 200 per page with an absolute nextLink that repeats the query', async () => {
    const first = await em.graph<Collection>('GET', `${big}?expand=fields&$filter=fields/N ge 0`);
    expect(first.json.value).toHaveLength(200);
    expect(first.json['@odata.context']).toContain('/$metadata#sites(');
    const next = first.json['@odata.nextLink'] ?? '';
    expect(next.startsWith(`${em.sp.graphUrl}${big}?`)).toBe(true);
    expect(next).toContain('expand=fields');
    expect(next).toContain('$filter=fields/N');
    expect(next).toMatch(/\$skiptoken=[A-Za-z0-9%]+/);
  });

  it('clamps $top above 5000 and refuses a nonsense $top', async () => {
    const all = await em.graph<Collection>('GET', `${big}?$top=100000`);
    expect(all.json.value).toHaveLength(450);
    expect(all.json['@odata.nextLink']).toBeUndefined();
    expectGraphError(await em.graph('GET', `${big}?$top=0`), 400, 'invalidRequest');
    expectGraphError(await em.graph('GET', `${big}?$top=ten`), 400, 'invalidRequest');
  });

  it('refuses a tampered or foreign skiptoken', async () => {
    expectGraphError(await em.graph('GET', `${big}?$skiptoken=%%%`), 400, 'invalidRequest');
    const page = await em.graph<Collection>('GET', `${big}?$orderby=fields/N&$top=10`);
    const token = new URL(page.json['@odata.nextLink'] ?? '').searchParams.get('$skiptoken') ?? '';
    expectGraphError(
      await em.graph('GET', `${big}?$top=10&$skiptoken=${encodeURIComponent(token)}`),
      400,
      'invalidRequest',
    );
  });

  it('is walked to the end by the Graph JS SDK’s PageIterator', async () => {
    // The SDK's own auth handler only sends tokens to https hosts; a tiny middleware stands in for it
    class LocalBearer implements Middleware {
      private next: Middleware | undefined;
      async execute(context: Context): Promise<void> {
        const options = context.options ?? {};
        const headers = new Headers(options.headers as HeadersInit | undefined);
        headers.set('Authorization', 'Bearer local');
        options.headers = Object.fromEntries(headers.entries());
        context.options = options;
        if (this.next === undefined) {
          throw new Error('LocalBearer needs a next middleware');
        }
        await this.next.execute(context);
      }
      setNext(next: Middleware): void {
        this.next = next;
      }
    }
    const auth = new LocalBearer();
    auth.setNext(new HTTPMessageHandler());
    const client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: em.sp.url,
      defaultVersion: 'v1.0',
      customHosts: new Set(['127.0.0.1']),
    });
    const before = await em.control<{ lastSeq: number }>('GET', '/requests?limit=0');
    const first = (await client.api(big).expand('fields').top(100).get()) as Collection;
    const titles: string[] = [];
    const iterator = new PageIterator(client, first, (item: ItemJson) => {
      titles.push(String(item.fields.Title));
      return true;
    });
    await iterator.iterate();
    expect(titles).toHaveLength(450);
    expect(new Set(titles).size).toBe(450);
    expect(iterator.isComplete()).toBe(true);
    const log = await em.control<{ total: number }>('GET', `/requests?since=${before.json.lastSeq}&limit=0`);
    expect(log.json.total).toBe(5);
  });
});

describe('indexes', () => {
  it('answers indexed lookups quickly on a 2 000-item list', async () => {
    const site = await em.newSite();
    const list = await createList(em, site, 'Large', [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Plain', text: {} },
    ]);
    const rows = Array.from({ length: 2000 }, (_, n) => ({ Key: `K${n}`, Plain: `P${n}` }));
    await createItems(em, site, list, rows);
    const path = `${site}/lists/${list}/items`;
    const started = performance.now();
    for (let n = 0; n < 200; n += 1) {
      const found = await em.graph<Collection>('GET', `${path}?$filter=fields/Key eq 'K${(n * 37) % 2000}'`);
      expect(found.json.value).toHaveLength(1);
    }
    const indexedMs = performance.now() - started;
    expect(indexedMs / 200).toBeLessThan(20);
  });
});
