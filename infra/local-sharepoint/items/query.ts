/**
 * Turns `$filter` / `$orderby` on list items into SQL over items.fields, with SharePoint's rules:
 * only indexed columns may be filtered or sorted on unless the client sends
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`; text compares without regard to case;
 * paging is keyset (the sort values of the last row plus its id) so pages stay cheap on big lists.
 */
import type { ColumnRecord } from '../columns/definition.ts';
import { GraphError, invalidRequest } from '../errors.ts';
import { normaliseDateTime } from '../fields/date-time.ts';
import { type FilterLiteral, type FilterNode, type PropertyPath, parseFilter } from '../odata/filter-parser.ts';
import { parseOrderBy } from '../odata/orderby-parser.ts';
import type { PageCursor, SortValue } from '../odata/skiptoken.ts';
import { ODataSyntaxError } from '../odata/tokenizer.ts';
import { valueExpression } from '../store/columns.ts';
import { ITEM_COLUMNS, type ItemRow } from '../store/items.ts';
import type { Db } from '../store/sqlite.ts';
import { foldText } from '../store/sqlite.ts';

export const NON_INDEXED_PREFERENCE = 'honornonindexedquerieswarningmayfailrandomly';

type ValueKind = 'text' | 'number' | 'boolean' | 'dateTime' | 'id';

export type QueryField = {
  /** the name as SharePoint reports it in errors */
  readonly name: string;
  /** the name used in skip tokens */
  readonly tokenName: string;
  readonly expression: string;
  readonly kind: ValueKind;
  readonly indexed: boolean;
};

export type Bound = string | number | null;

export type CompiledQuery = {
  readonly where: string;
  readonly params: Bound[];
  readonly sort: readonly { field: QueryField; direction: 'asc' | 'desc' }[];
};

export function notIndexedError(name: string): GraphError {
  return invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

const ID_FIELD: QueryField = { name: 'ID', tokenName: 'ID', expression: 'item_id', kind: 'id', indexed: true };

const ITEM_PROPERTIES: Readonly<Record<string, QueryField>> = {
  id: ID_FIELD,
  createdDateTime: { name: 'Created', tokenName: 'Created', expression: 'created', kind: 'dateTime', indexed: true },
  lastModifiedDateTime: {
    name: 'Modified',
    tokenName: 'Modified',
    expression: 'modified',
    kind: 'dateTime',
    indexed: true,
  },
};

export function resolveField(columns: readonly ColumnRecord[], property: PropertyPath): QueryField {
  if (property.kind === 'item') {
    const known = ITEM_PROPERTIES[property.name];
    if (known === undefined) {
      throw invalidRequest(
        `Property '${property.name}' cannot be used in a query on list items; use fields/${property.name} for a column.`,
      );
    }
    return known;
  }
  const name = property.name;
  if (name === 'id') {
    return ID_FIELD;
  }
  const column = columns.find((candidate) => candidate.name === name);
  if (column === undefined && name.endsWith('LookupId')) {
    const lookup = columns.find((candidate) => `${candidate.name}LookupId` === name && candidate.definition.lookup);
    if (lookup !== undefined) {
      if (lookup.definition.lookup?.allowMultipleValues === true) {
        throw invalidRequest(`Field '${lookup.name}' allows multiple values and cannot be used in filter or orderby.`);
      }
      return {
        name: lookup.name,
        tokenName: name,
        expression: `json_extract(fields, '$."${lookup.name}"')`,
        kind: 'id',
        indexed: lookup.definition.indexed,
      };
    }
  }
  if (column === undefined) {
    throw invalidRequest(`Column '${name}' does not exist. It may have been deleted by another user.`);
  }
  if (column.definition.lookup !== undefined) {
    throw invalidRequest(`Field '${name}' is a lookup column: filter and sort on fields/${name}LookupId.`);
  }
  const expression = valueExpression(column);
  if (expression === undefined) {
    throw new GraphError(400, 'notSupported', `Field '${name}' cannot be used in filter or orderby.`);
  }
  const definition = column.definition;
  let kind: ValueKind = 'text';
  if (expression === 'item_id') {
    kind = 'id';
  } else if (definition.number !== undefined || definition.currency !== undefined) {
    kind = 'number';
  } else if (definition.boolean !== undefined) {
    kind = 'boolean';
  } else if (definition.dateTime !== undefined) {
    kind = 'dateTime';
  }
  return { name, tokenName: name, expression, kind, indexed: definition.indexed || kind === 'id' };
}

function literalFor(field: QueryField, literal: FilterLiteral, propertyName: string): Bound {
  const wrong = (expected: string): GraphError =>
    invalidRequest(`The value in the filter on '${propertyName}' must be ${expected}.`);
  switch (field.kind) {
    case 'text':
      if (literal.type !== 'string') {
        throw wrong("a quoted text, e.g. 'abc'");
      }
      return foldText(literal.value) as string;
    case 'number':
      if (literal.type !== 'number') {
        throw wrong('a number');
      }
      return literal.value;
    case 'boolean':
      if (literal.type !== 'boolean') {
        throw wrong('true or false');
      }
      return literal.value ? 1 : 0;
    case 'id': {
      if (literal.type === 'number' && Number.isInteger(literal.value)) {
        return literal.value;
      }
      if (literal.type === 'string' && /^\d{1,10}$/.test(literal.value)) {
        return Number(literal.value);
      }
      throw wrong('an item id');
    }
    case 'dateTime': {
      const text = literal.type === 'string' || literal.type === 'date' ? literal.value : undefined;
      const normalised = text === undefined ? undefined : normaliseDateTime(text, false);
      if (normalised === undefined) {
        throw wrong("a date, e.g. '2027-04-30' or 2027-04-30T00:00:00Z");
      }
      return normalised;
    }
  }
}

const SQL_OPERATORS = { eq: '=', ne: '<>', lt: '<', gt: '>', le: '<=', ge: '>=' } as const;

type Compiler = {
  readonly columns: readonly ColumnRecord[];
  readonly honorNonIndexed: boolean;
  readonly params: Bound[];
  readonly terms: { count: number };
};

/** more comparisons than any real query needs; bounds the SQL the filter turns into */
export const MAX_FILTER_TERMS = 500;

function fieldFor(compiler: Compiler, property: PropertyPath): QueryField {
  compiler.terms.count += 1;
  if (compiler.terms.count > MAX_FILTER_TERMS) {
    throw invalidRequest(`The query has more than ${MAX_FILTER_TERMS} comparisons; split it into several queries.`);
  }
  const field = resolveField(compiler.columns, property);
  if (!field.indexed && !compiler.honorNonIndexed) {
    throw notIndexedError(field.name);
  }
  return field;
}

function compileNode(compiler: Compiler, node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or': {
      // a chain `a or b or c …` is flattened: nesting it would hit SQLite's expression depth limit
      const operands: FilterNode[] = [];
      const collect = (part: FilterNode): void => {
        if (part.kind === node.kind) {
          collect(part.left);
          collect(part.right);
        } else {
          operands.push(part);
        }
      };
      collect(node);
      return `(${operands.map((operand) => compileNode(compiler, operand)).join(` ${node.kind.toUpperCase()} `)})`;
    }
    case 'not':
      // comparisons with an empty value yield NULL; "not" of that must still be a plain yes/no
      return `(NOT COALESCE(${compileNode(compiler, node.operand)}, 0))`;
    case 'startswith': {
      const field = fieldFor(compiler, node.property);
      if (field.kind !== 'text' || node.value.type !== 'string') {
        throw invalidRequest(`startswith needs a text column and a quoted text; '${field.name}' is not text.`);
      }
      const prefix = foldText(node.value.value) as string;
      // the range lets SQLite seek the index; the substr check keeps the result exact
      compiler.params.push(prefix, `${prefix}\u{10FFFF}`, prefix.length, prefix);
      return `(${field.expression} >= ? AND ${field.expression} < ? AND substr(${field.expression}, 1, ?) = ?)`;
    }
    case 'compare': {
      const field = fieldFor(compiler, node.property);
      if (node.value.type === 'null') {
        if (node.op === 'eq') {
          return `(${field.expression} IS NULL)`;
        }
        if (node.op === 'ne') {
          return `(${field.expression} IS NOT NULL)`;
        }
        throw invalidRequest(`null can only be compared with eq or ne (in the filter on '${field.name}').`);
      }
      const value = literalFor(field, node.value, node.property.name);
      compiler.params.push(value);
      if (node.op === 'ne') {
        // SharePoint's "not equal" includes items where the column is empty
        return `(${field.expression} IS NULL OR ${field.expression} <> ?)`;
      }
      return `(${field.expression} ${SQL_OPERATORS[node.op]} ?)`;
    }
  }
}

export function compileItemQuery(
  columns: readonly ColumnRecord[],
  options: { filter: string | undefined; orderBy: string | undefined; honorNonIndexed: boolean },
): CompiledQuery {
  const compiler: Compiler = { columns, honorNonIndexed: options.honorNonIndexed, params: [], terms: { count: 0 } };
  let where = '1';
  try {
    if (options.filter !== undefined) {
      where = compileNode(compiler, parseFilter(options.filter));
    }
    const sort =
      options.orderBy === undefined
        ? []
        : parseOrderBy(options.orderBy).map((key) => ({
            field: fieldFor(compiler, key.property),
            direction: key.direction,
          }));
    return { where, params: compiler.params, sort };
  } catch (error) {
    if (error instanceof ODataSyntaxError) {
      throw invalidRequest(error.message);
    }
    throw error;
  }
}

type PageRow = ItemRow & Record<`k${number}`, SortValue>;

export type ItemPage = { rows: ItemRow[]; next: PageCursor | undefined };

/**
 * One page of items. The list's seq goes into the SQL as a literal: SQLite only uses a partial
 * index (`WHERE list_seq = N`) when the query names the same constant.
 */
/**
 * The SQL of one page. The list's seq goes in as a literal: SQLite only uses a partial index
 * (`WHERE list_seq = N`) when the query names the same constant.
 */
export function itemPageSql(
  listSeq: number,
  query: CompiledQuery,
  top: number,
  cursor: PageCursor | undefined,
): { sql: string; params: Bound[] } {
  const params: Bound[] = [...query.params];
  let keyset = '1';
  if (cursor !== undefined) {
    if (
      cursor.keys.length !== query.sort.length ||
      cursor.keys.some((key, index) => key.name !== query.sort[index]?.field.tokenName)
    ) {
      throw invalidRequest('The $skiptoken does not belong to this query (its sort keys differ).');
    }
    const built = keysetCondition(query, cursor);
    keyset = built.sql;
    params.push(...built.params);
  }
  const sortColumns = query.sort.map((key, index) => `, ${key.field.expression} AS k${index}`).join('');
  const orderBy = [
    ...query.sort.map((key) => `${key.field.expression} ${key.direction === 'asc' ? 'ASC' : 'DESC'}`),
    'item_id ASC',
  ].join(', ');
  const sql = `SELECT ${ITEM_COLUMNS}${sortColumns} FROM items WHERE list_seq = ${Math.trunc(listSeq)} AND ${query.where} AND ${keyset} ORDER BY ${orderBy} LIMIT ${Math.trunc(top) + 1}`;
  return { sql, params };
}

/** One page of items, and the cursor of the next page when there is one. */
export function queryItemPage(
  db: Db,
  listSeq: number,
  query: CompiledQuery,
  top: number,
  cursor: PageCursor | undefined,
): ItemPage {
  const { sql, params } = itemPageSql(listSeq, query, top, cursor);
  const rows = db.prepare(sql).all(...params) as PageRow[];
  if (rows.length <= top) {
    return { rows, next: undefined };
  }
  const page = rows.slice(0, top);
  const last = page[page.length - 1];
  if (last === undefined) {
    return { rows: page, next: undefined };
  }
  return {
    rows: page,
    next: {
      lastId: last.itemId,
      keys: query.sort.map((key, index) => ({ name: key.field.tokenName, value: last[`k${index}`] ?? null })),
    },
  };
}

function keysetCondition(query: CompiledQuery, cursor: PageCursor): { sql: string; params: Bound[] } {
  const params: Bound[] = [];
  const build = (index: number): string => {
    const key = query.sort[index];
    const value = cursor.keys[index]?.value;
    if (key === undefined || value === undefined) {
      params.push(cursor.lastId);
      return '(item_id > ?)';
    }
    const expression = key.field.expression;
    const bound = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    let after: string;
    let equal: string;
    if (bound === null) {
      // NULLs sort first ascending and last descending (SQLite and SharePoint agree)
      after = key.direction === 'asc' ? `(${expression} IS NOT NULL)` : '0';
      equal = `(${expression} IS NULL)`;
      return `(${after} OR (${equal} AND ${build(index + 1)}))`;
    }
    // parameters are pushed in the order their '?' appear in the text
    params.push(bound, bound);
    after = key.direction === 'asc' ? `(${expression} > ?)` : `(${expression} < ? OR ${expression} IS NULL)`;
    equal = `(${expression} = ?)`;
    return `(${after} OR (${equal} AND ${build(index + 1)}))`;
  };
  const sql = build(0);
  return { sql, params };
}
