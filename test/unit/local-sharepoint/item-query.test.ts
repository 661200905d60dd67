import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinColumns } from '../../../infra/local-sharepoint/columns/builtin.ts';
import type { ColumnDefinition, ColumnRecord } from '../../../infra/local-sharepoint/columns/definition.ts';
import { GraphError } from '../../../infra/local-sharepoint/errors.ts';
import {
  type CompiledQuery,
  compileItemQuery,
  itemPageSql,
  queryItemPage,
} from '../../../infra/local-sharepoint/items/query.ts';
import type { PageCursor } from '../../../infra/local-sharepoint/odata/skiptoken.ts';
import { insertList, insertSite } from '../../../infra/local-sharepoint/store/catalog.ts';
import { columnsOfList, insertColumn, syncColumnIndexes } from '../../../infra/local-sharepoint/store/columns.ts';
import { insertItem, type StoredFields } from '../../../infra/local-sharepoint/store/items.ts';
import { type Db, openDatabase } from '../../../infra/local-sharepoint/store/sqlite.ts';

const NOW = '2027-01-01T00:00:00Z';

function definition(name: string, extra: Partial<ColumnDefinition>): ColumnDefinition {
  return {
    name,
    displayName: name,
    description: '',
    columnGroup: 'Custom Columns',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: false,
    required: false,
    ...extra,
  };
}

let db: Db;
let listSeq: number;
let columns: ColumnRecord[];

beforeEach(() => {
  db = openDatabase(':memory:');
  const site = insertSite(
    db,
    { path: '', siteGuid: 'a', webGuid: 'b', name: 'root', displayName: 'root', description: '' },
    NOW,
  );
  const list = insertList(
    db,
    { siteSeq: site.seq, guid: 'c', title: 'L', description: '', template: 'genericList', driveId: null },
    NOW,
  );
  listSeq = list.seq;
  for (const builtin of builtinColumns('genericList')) {
    insertColumn(db, { listSeq, guid: builtin.definition.name, kind: builtin.kind, definition: builtin.definition });
  }
  const text = {
    allowMultipleLines: false,
    appendChangesToExistingText: false,
    linesForEditing: 0,
    maxLength: 255,
    textType: 'plain' as const,
  };
  const userColumns = [
    definition('Code', { indexed: true, enforceUniqueValues: true, text }),
    definition('Stage', {
      indexed: true,
      choice: { allowTextEntry: false, choices: ['a', 'b', 'c'], displayAs: 'dropDownMenu' },
    }),
    definition('N', {
      indexed: true,
      number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1e9, minimum: -1e9 },
    }),
    definition('Plain', { text }),
  ];
  for (const column of userColumns) {
    syncColumnIndexes(db, insertColumn(db, { listSeq, guid: column.name, kind: 'user', definition: column }));
  }
  columns = columnsOfList(db, listSeq);
});

afterEach(() => {
  db.close();
});

function plan(query: CompiledQuery): string {
  const { sql, params } = itemPageSql(listSeq, query, 200, undefined);
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail).join(' | ');
}

describe('compileItemQuery', () => {
  it('uses the partial expression index of an indexed column', () => {
    expect(
      plan(compileItemQuery(columns, { filter: "fields/Code eq 'X'", orderBy: undefined, honorNonIndexed: false })),
    ).toMatch(/USING INDEX (ux|ix)_c\d+/);
    expect(
      plan(compileItemQuery(columns, { filter: 'fields/N ge 5', orderBy: undefined, honorNonIndexed: false })),
    ).toMatch(/USING INDEX ix_c\d+/);
    expect(
      plan(
        compileItemQuery(columns, {
          filter: "startswith(fields/Code,'ab')",
          orderBy: undefined,
          honorNonIndexed: false,
        }),
      ),
    ).toMatch(/USING INDEX (ux|ix)_c\d+/);
  });

  it("refuses a non-indexed column with Graph's message unless honorNonIndexed", () => {
    let thrown: unknown;
    try {
      compileItemQuery(columns, { filter: "fields/Plain eq 'x'", orderBy: undefined, honorNonIndexed: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphError);
    expect((thrown as GraphError).message).toMatch(
      /^Field 'Plain' cannot be referenced in filter or orderby as it is not indexed\./,
    );
    expect(() =>
      compileItemQuery(columns, { filter: undefined, orderBy: 'fields/Plain', honorNonIndexed: false }),
    ).toThrow(GraphError);
    expect(() =>
      compileItemQuery(columns, { filter: "fields/Plain eq 'x'", orderBy: 'fields/Plain desc', honorNonIndexed: true }),
    ).not.toThrow();
  });

  it('pages any ordering without losing or repeating rows (keyset paging)', () => {
    const row = fc.record({
      Stage: fc.option(fc.constantFrom('a', 'b', 'c', 'A', 'B'), { nil: undefined }),
      N: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
      Plain: fc.option(fc.constantFrom('x', 'X', 'y', ''), { nil: undefined }),
    });
    const key = fc.record({
      name: fc.constantFrom('fields/Stage', 'fields/N', 'fields/Plain', 'createdDateTime', 'id'),
      direction: fc.constantFrom('asc', 'desc'),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.array(key, { maxLength: 3 }),
        fc.integer({ min: 1, max: 7 }),
        (rows, keys, top) => {
          db.prepare('DELETE FROM items').run();
          rows.forEach((fields, index) => {
            const stored: StoredFields = {};
            for (const [name, value] of Object.entries(fields)) {
              if (value !== undefined) {
                stored[name] = value;
              }
            }
            insertItem(db, { listSeq, itemId: index + 1, guid: `g${index}`, contentType: 'Item', fields: stored }, NOW);
          });
          const orderBy = keys.length === 0 ? undefined : keys.map((k) => `${k.name} ${k.direction}`).join(',');
          const query = compileItemQuery(columns, { filter: undefined, orderBy, honorNonIndexed: true });
          const everything = queryItemPage(db, listSeq, query, 10_000, undefined).rows.map((r) => r.itemId);
          const paged: number[] = [];
          let cursor: PageCursor | undefined;
          for (let guard = 0; guard < 100; guard += 1) {
            const page = queryItemPage(db, listSeq, query, top, cursor);
            paged.push(...page.rows.map((r) => r.itemId));
            cursor = page.next;
            if (cursor === undefined) {
              break;
            }
          }
          expect(paged).toEqual(everything);
          expect(everything).toHaveLength(rows.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
