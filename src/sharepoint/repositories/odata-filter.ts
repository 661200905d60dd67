import { AppError } from '../../domain/app-error.ts';

/**
 * Builders for the `$filter` of list-item queries. SharePoint only accepts indexed columns in
 * `$filter`/`$orderby` (schema.ts `indexed`), so finders are built from these helpers and the
 * column names they are given must be indexed ones.
 */

/** half a surrogate pair: encodeURIComponent throws on it (URIError, a 500) and nothing stored has one */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * An OData string literal: single-quoted, with every `'` doubled. A lone surrogate (a code typed
 * as `"\ud800"` in JSON) becomes U+FFFD, which matches nothing stored: the lookup finds nothing
 * instead of failing to build its URL.
 */
export function odataString(value: string): string {
  return `'${value.replace(LONE_SURROGATE, '\ufffd').replaceAll("'", "''")}'`;
}

/** The inverse of odataString (for tests and diagnostics); throws on a malformed literal. */
export function parseODataString(literal: string): string {
  if (literal.length < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
    throw new Error(`not an OData string literal: ${literal}`);
  }
  const body = literal.slice(1, -1);
  let result = '';
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (char === "'") {
      if (body[index + 1] !== "'") {
        throw new Error(`unescaped quote in OData string literal: ${literal}`);
      }
      index += 1;
    }
    result += char;
  }
  return result;
}

export type FilterValue = string | number;

const path = (column: string): string => `fields/${column}`;
const literal = (value: FilterValue): string => (typeof value === 'number' ? String(value) : odataString(value));

export const filter = {
  eq: (column: string, value: FilterValue): string => `${path(column)} eq ${literal(value)}`,
  le: (column: string, value: FilterValue): string => `${path(column)} le ${literal(value)}`,
  ge: (column: string, value: FilterValue): string => `${path(column)} ge ${literal(value)}`,
  /** a single lookup compared by id: `fields/InterventionLookupId eq 5` */
  lookupEq: (column: string, id: string): string => {
    if (!/^[1-9]\d*$/.test(id)) {
      throw new AppError('INVALID_INPUT', `not a list item id: '${id}'`);
    }
    return `${path(`${column}LookupId`)} eq ${id}`;
  },
  /** a date-only column compared with a date written as SharePoint stores it */
  dateLe: (column: string, date: string): string => `${path(column)} le ${odataString(`${date}T00:00:00Z`)}`,
  dateGe: (column: string, date: string): string => `${path(column)} ge ${odataString(`${date}T00:00:00Z`)}`,
  and: (...parts: readonly string[]): string => parts.join(' and '),
  /** alternatives on one column; parenthesised so it composes with `and` */
  or: (...parts: readonly string[]): string => (parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' or ')})`),
};
