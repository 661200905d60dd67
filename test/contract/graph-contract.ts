/**
 * The Graph semantics Insatsnavet relies on, written once against a GraphClient and a site, and
 * run against the local SharePoint always and against a real tenant when asked
 * (live-graph.contract.test.ts). If the local SharePoint and Graph disagree, one of these fails.
 *
 * Every list it creates gets a unique prefix; `cleanup` deletes them again.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/domain/app-error.ts';
import type { GraphClient } from '../../src/sharepoint/graph/graph-client.ts';

export type ContractTarget = {
  readonly graph: GraphClient;
  readonly siteId: string;
  /** called after the suite with the ids of the lists it created */
  readonly cleanup: (listIds: readonly string[]) => Promise<void>;
};

const withId = z.object({ id: z.string() });
const columnsSchema = z.array(z.object({ name: z.string() }).catchall(z.unknown()));
const itemSchema = z.object({ id: z.string(), '@odata.etag': z.string().optional(), eTag: z.string().optional() });

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export function defineGraphContract(name: string, connect: () => Promise<ContractTarget>): void {
  describe(`Graph contract: ${name}`, () => {
    let target: ContractTarget;
    let graph: GraphClient;
    let listsPath: string;
    const prefix = `Kontrakt-${randomUUID().slice(0, 8)}`;
    const created: string[] = [];
    let listId: string;
    let itemsPath: string;

    const createList = async (suffix: string, columns: unknown[]): Promise<string> => {
      const list = withId.parse(
        await graph.post(listsPath, { displayName: `${prefix}-${suffix}`, list: { template: 'genericList' }, columns }),
      );
      created.push(list.id);
      return list.id;
    };

    beforeAll(async () => {
      target = await connect();
      graph = target.graph;
      listsPath = `/sites/${target.siteId}/lists`;
      listId = await createList('Poster', [
        {
          name: 'Code',
          displayName: 'Kod',
          indexed: true,
          enforceUniqueValues: true,
          text: { allowMultipleLines: false, maxLength: 255 },
        },
        {
          name: 'Status',
          displayName: 'Status',
          indexed: true,
          choice: { choices: ['Ny', 'Klar'], displayAs: 'dropDownMenu' },
        },
        { name: 'Note', displayName: 'Notering', text: { allowMultipleLines: false, maxLength: 255 } },
        { name: 'Amount', displayName: 'Belopp', currency: { locale: 'sv-SE' } },
      ]);
      itemsPath = `${listsPath}/${listId}/items`;
    });

    afterAll(async () => {
      await target?.cleanup(created);
    });

    it('creates a list with 201 and returns its id and displayName', async () => {
      const responses = await graph.batch([
        {
          id: 'create',
          method: 'POST',
          url: listsPath,
          body: { displayName: `${prefix}-Status`, list: { template: 'genericList' } },
        },
      ]);
      const response = responses.get('create');
      expect(response?.status).toBe(201);
      const list = z.object({ id: z.string(), displayName: z.string() }).parse(response?.body);
      created.push(list.id);
      expect(list.displayName).toBe(`${prefix}-Status`);
    });

    it('round-trips column facets, indexed and enforceUniqueValues', async () => {
      const id = await createList('Facetter', [
        { name: 'T', displayName: 'Text', indexed: true, text: { allowMultipleLines: false, maxLength: 255 } },
        { name: 'M', displayName: 'Flerrader', text: { allowMultipleLines: true, textType: 'plain' } },
        { name: 'N', displayName: 'Tal', number: { decimalPlaces: 'none' } },
        { name: 'C', displayName: 'Valuta', currency: { locale: 'sv-SE' } },
        { name: 'D', displayName: 'Datum', dateTime: { format: 'dateOnly' } },
        { name: 'B', displayName: 'Ja/nej', boolean: {} },
        { name: 'V', displayName: 'Val', choice: { choices: ['Ett', 'Två'], displayAs: 'dropDownMenu' } },
        { name: 'L', displayName: 'Uppslag', lookup: { listId, columnName: 'Title', allowMultipleValues: false } },
        { name: 'U', displayName: 'Unik', indexed: true, enforceUniqueValues: true, text: { maxLength: 255 } },
      ]);
      const columns = columnsSchema.parse(await graph.getAll(`${listsPath}/${id}/columns`));
      const column = (name: string) => columns.find((candidate) => candidate.name === name);
      expect(column('T')).toMatchObject({
        displayName: 'Text',
        indexed: true,
        text: { allowMultipleLines: false, maxLength: 255 },
      });
      expect(column('M')).toMatchObject({ text: { allowMultipleLines: true } });
      expect(column('N')).toMatchObject({ number: { decimalPlaces: 'none' } });
      expect(column('C')).toMatchObject({ currency: { locale: expect.stringMatching(/^sv-se$/i) } });
      expect(column('D')).toMatchObject({ dateTime: { format: 'dateOnly' } });
      expect(column('B')).toMatchObject({ boolean: {} });
      expect(column('V')).toMatchObject({ choice: { choices: ['Ett', 'Två'] } });
      expect(column('L')).toMatchObject({ lookup: { listId, columnName: 'Title' } });
      expect(column('U')).toMatchObject({ indexed: true, enforceUniqueValues: true });
      expect(column('Title')).toBeDefined();

      const patched = await graph.patch(
        `${listsPath}/${id}/columns/${z.object({ id: z.string() }).parse(column('T')).id}`,
        {
          indexed: false,
        },
      );
      expect(patched).toMatchObject({ name: 'T', indexed: false });
    });

    it('answers 409 CONFLICT to a duplicate in an enforceUniqueValues column', async () => {
      await graph.post(itemsPath, { fields: { Title: 'Första', Code: 'DUP-1', Status: 'Ny' } });
      const error = await failureOf(graph.post(itemsPath, { fields: { Title: 'Andra', Code: 'DUP-1', Status: 'Ny' } }));
      expect(error.code).toBe('CONFLICT');
      expect(error.details).toMatchObject({ status: 409 });
    });

    it('answers 412 PRECONDITION_FAILED to a stale If-Match and changes nothing', async () => {
      const item = itemSchema.parse(
        await graph.post(itemsPath, { fields: { Title: 'Etag', Code: 'ETAG-1', Note: 'först' } }),
      );
      const etag = item['@odata.etag'] ?? item.eTag;
      expect(etag).toMatch(/^".+"$/);
      await graph.patch(`${itemsPath}/${item.id}/fields`, { Note: 'andra' }, { headers: { 'If-Match': etag ?? '' } });
      const error = await failureOf(
        graph.patch(`${itemsPath}/${item.id}/fields`, { Note: 'tredje' }, { headers: { 'If-Match': etag ?? '' } }),
      );
      expect(error.code).toBe('PRECONDITION_FAILED');
      const fields = z.object({ Note: z.string() }).parse(await graph.get(`${itemsPath}/${item.id}/fields`));
      expect(fields.Note).toBe('andra');
    });

    it('refuses a filter on a non-indexed column with 400 unless Prefer allows it', async () => {
      const query = `${itemsPath}?expand=fields(select=Note)&$filter=fields/Note eq 'andra'`;
      const error = await failureOf(graph.get(query));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details).toMatchObject({ status: 400, graphCode: 'invalidRequest' });
      expect(String((error.details as { graphMessage?: unknown }).graphMessage)).toContain(
        'HonorNonIndexedQueriesWarningMayFailRandomly',
      );

      const allowed = await graph.getAll(query, {
        headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' },
      });
      expect(allowed).toHaveLength(1);
      const indexed = await graph.getAll(`${itemsPath}?expand=fields(select=Code)&$filter=fields/Code eq 'ETAG-1'`);
      expect(indexed).toHaveLength(1);
    });

    it('pages with @odata.nextLink', async () => {
      const id = await createList('Sidor', []);
      for (let n = 1; n <= 5; n += 1) {
        await graph.post(`${listsPath}/${id}/items`, { fields: { Title: `rad ${n}` } });
      }
      const first = z
        .object({ value: z.array(z.unknown()), '@odata.nextLink': z.string() })
        .parse(await graph.get(`${listsPath}/${id}/items?$top=2`));
      expect(first.value).toHaveLength(2);
      expect(first['@odata.nextLink']).toMatch(/^https?:\/\//);
      expect(await graph.getAll(`${listsPath}/${id}/items?$top=2`)).toHaveLength(5);
    });

    it('fails a $batch request whose dependency failed with 424', async () => {
      const responses = await graph.batch([
        { id: '1', method: 'POST', url: itemsPath, body: { fields: { Title: 'Dubblett', Code: 'DUP-1' } } },
        {
          id: '2',
          method: 'POST',
          url: itemsPath,
          body: { fields: { Title: 'Beroende', Code: 'DEP-1' } },
          dependsOn: ['1'],
        },
      ]);
      expect(responses.get('1')?.status).toBe(409);
      expect(responses.get('2')?.status).toBe(424);
      const dependent = await graph.getAll(`${itemsPath}?expand=fields(select=Code)&$filter=fields/Code eq 'DEP-1'`);
      expect(dependent).toHaveLength(0);
    });
  });
}
