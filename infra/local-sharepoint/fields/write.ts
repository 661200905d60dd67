/**
 * Validates a `fields` object from a create or update and merges it into the stored values.
 * Any problem throws 400 invalidRequest before anything is written, so a bad write stores
 * nothing. Lookups are written as `<Name>LookupId` (and, for multi-value lookups, with the
 * `<Name>LookupId@odata.type: Collection(Edm.Int32|Edm.String)` annotation), as Graph requires.
 */
import { COMPUTED_FIELD_NAMES } from '../columns/builtin.ts';
import type { ColumnRecord } from '../columns/definition.ts';
import { GraphError, invalidRequest } from '../errors.ts';
import { listByGuid } from '../store/catalog.ts';
import { type FieldValue, itemExists, type StoredFields } from '../store/items.ts';
import type { Db } from '../store/sqlite.ts';
import { normaliseDateTime } from './date-time.ts';

const COLLECTION_TYPES: ReadonlySet<string> = new Set(['Collection(Edm.Int32)', 'Collection(Edm.String)']);
const ANNOTATION = '@odata.type';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the new stored values; `current` is not modified. */
export function applyFieldWrites(
  db: Db,
  columns: readonly ColumnRecord[],
  current: StoredFields,
  input: unknown,
): StoredFields {
  if (!isPlainObject(input)) {
    throw invalidRequest("'fields' must be a JSON object of column values.");
  }
  const byName = new Map(columns.map((column) => [column.name, column]));
  const lookups = new Map<string, ColumnRecord>();
  for (const column of columns) {
    if (column.definition.lookup !== undefined) {
      lookups.set(`${column.name}LookupId`, column);
    }
  }
  const next: StoredFields = { ...current };
  const annotated = new Set<string>();

  for (const [key, value] of Object.entries(input)) {
    if (!key.endsWith(ANNOTATION)) {
      continue;
    }
    const target = key.slice(0, -ANNOTATION.length);
    if (target === '') {
      continue;
    }
    const lookup = lookups.get(target);
    if (lookup === undefined) {
      throw invalidRequest(`The annotation '${key}' does not belong to a lookup column's LookupId field.`);
    }
    if (typeof value !== 'string' || !COLLECTION_TYPES.has(value)) {
      throw invalidRequest(`The annotation '${key}' must be 'Collection(Edm.Int32)' or 'Collection(Edm.String)'.`);
    }
    if (lookup.definition.lookup?.allowMultipleValues !== true) {
      throw invalidRequest(
        `A collection was given for the single-value lookup field '${target}'. Remove '${key}' and write one id.`,
      );
    }
    if (!(target in input)) {
      throw invalidRequest(`The annotation '${key}' was sent without a value for '${target}'.`);
    }
    annotated.add(target);
  }

  for (const [key, value] of Object.entries(input)) {
    if (key.endsWith(ANNOTATION) || key.startsWith('@odata.')) {
      // annotations were handled above; @odata.etag echoed back by a client is harmless
      continue;
    }
    const lookup = lookups.get(key);
    if (lookup !== undefined) {
      writeLookup(db, next, lookup, key, value, annotated.has(key));
      continue;
    }
    const column = byName.get(key);
    if (column === undefined) {
      if (COMPUTED_FIELD_NAMES.has(key)) {
        throw invalidRequest(`Field '${key}' is read-only.`);
      }
      throw invalidRequest(`Field '${key}' is not recognized`);
    }
    if (column.kind === 'system' || column.definition.readOnly) {
      if (column.name === 'FileLeafRef') {
        throw new GraphError(
          400,
          'notSupported',
          "Renaming a file through 'FileLeafRef' is not supported by the local SharePoint.",
        );
      }
      throw invalidRequest(`Field '${key}' is read-only.`);
    }
    if (column.definition.lookup !== undefined) {
      throw invalidRequest(
        `Field '${key}' is a lookup column: write its item id as '${key}LookupId'${
          column.definition.lookup.allowMultipleValues
            ? ` with '${key}LookupId@odata.type': 'Collection(Edm.Int32)'`
            : ''
        }.`,
      );
    }
    if (value === null) {
      delete next[column.name];
      continue;
    }
    next[column.name] = convertValue(column, key, value);
  }
  return next;
}

function typeError(key: string, value: unknown, expected: string): GraphError {
  const shown = JSON.stringify(value);
  const clipped = shown !== undefined && shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
  return invalidRequest(`The value ${clipped} is not valid for field '${key}': expected ${expected}.`);
}

function convertValue(column: ColumnRecord, key: string, value: unknown): FieldValue {
  const definition = column.definition;
  if (definition.text !== undefined) {
    if (typeof value !== 'string') {
      throw typeError(key, value, 'text');
    }
    if (!definition.text.allowMultipleLines && value.length > definition.text.maxLength) {
      throw invalidRequest(
        `The value for field '${key}' is ${value.length} characters long; the column allows ${definition.text.maxLength}.`,
      );
    }
    return value;
  }
  if (definition.number !== undefined || definition.currency !== undefined) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw typeError(key, value, 'a number');
    }
    const limits = definition.number;
    if (limits !== undefined && (value < limits.minimum || value > limits.maximum)) {
      throw invalidRequest(`The value ${value} for field '${key}' is outside ${limits.minimum}..${limits.maximum}.`);
    }
    return value;
  }
  if (definition.boolean !== undefined) {
    if (typeof value !== 'boolean') {
      throw typeError(key, value, 'true or false');
    }
    return value;
  }
  if (definition.dateTime !== undefined) {
    const normalised =
      typeof value === 'string' ? normaliseDateTime(value, definition.dateTime.format === 'dateOnly') : undefined;
    if (normalised === undefined) {
      throw typeError(key, value, 'an ISO 8601 date or date-time, e.g. 2027-04-30T00:00:00Z');
    }
    return normalised;
  }
  if (definition.choice !== undefined) {
    if (typeof value !== 'string') {
      throw typeError(key, value, 'one of the choices as text');
    }
    if (!definition.choice.allowTextEntry && !definition.choice.choices.includes(value)) {
      throw invalidRequest(
        `The value '${value}' is not one of the choices of field '${key}': ${definition.choice.choices.map((c) => `'${c}'`).join(', ')}.`,
      );
    }
    if (value.length > 255) {
      throw invalidRequest(`The value for field '${key}' is longer than 255 characters.`);
    }
    return value;
  }
  throw invalidRequest(`Field '${key}' cannot be written.`);
}

function parseLookupId(key: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    return value;
  }
  if (typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) && Number(value) > 0) {
    return Number(value);
  }
  throw typeError(key, value, 'a list item id (a positive integer)');
}

function writeLookup(
  db: Db,
  next: StoredFields,
  column: ColumnRecord,
  key: string,
  value: unknown,
  annotated: boolean,
): void {
  const lookup = column.definition.lookup;
  if (lookup === undefined) {
    return;
  }
  const target = listByGuid(db, lookup.listId);
  const assertExists = (id: number): void => {
    if (target === undefined || !itemExists(db, target.seq, id)) {
      throw invalidRequest(`The lookup value ${id} for field '${key}' does not exist in the target list.`);
    }
  };
  if (lookup.allowMultipleValues) {
    if (value === null) {
      delete next[column.name];
      return;
    }
    if (!Array.isArray(value)) {
      throw typeError(key, value, "an array of item ids with the annotation 'Collection(Edm.Int32)'");
    }
    if (!annotated) {
      throw invalidRequest(
        `Field '${key}' holds several values: add '${key}@odata.type': 'Collection(Edm.Int32)' to the request.`,
      );
    }
    const ids = [...new Set(value.map((entry) => parseLookupId(key, entry)))];
    ids.forEach(assertExists);
    if (ids.length === 0) {
      delete next[column.name];
    } else {
      next[column.name] = ids;
    }
    return;
  }
  if (Array.isArray(value)) {
    throw typeError(key, value, 'one item id (the column allows a single value)');
  }
  if (value === null) {
    delete next[column.name];
    return;
  }
  const id = parseLookupId(key, value);
  assertExists(id);
  next[column.name] = id;
}
