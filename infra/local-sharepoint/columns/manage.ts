/**
 * Creating and changing columns with SharePoint's rules: one type facet, at most 20 indexed
 * columns per list, enforceUniqueValues only on an indexed column, notes and multi-value
 * lookups never indexed, lookups pointing at a list of the same site.
 */
import type { z } from 'zod';
import { GraphError, invalidRequest } from '../errors.ts';
import { newGuid } from '../ids.ts';
import { type ListRow, listByGuid, touchList } from '../store/catalog.ts';
import { columnsOfList, insertColumn, syncColumnIndexes, updateColumnDefinition } from '../store/columns.ts';
import type { Db } from '../store/sqlite.ts';
import {
  type ColumnDefinition,
  type ColumnKind,
  type ColumnRecord,
  choiceDefaults,
  columnCreateSchema,
  columnPatchSchema,
  FACETS,
  type Facet,
  facetOf,
  indexRefusal,
  numberDefaults,
  textDefaults,
  UNSUPPORTED_FACETS,
} from './definition.ts';

export const MAX_INDEXED_COLUMNS = 20;

export function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? `'${issue.path.join('.')}': ` : ''}${issue.message}`)
    .join('; ');
}

function rejectUnsupportedFacets(input: Record<string, unknown>): void {
  for (const facet of UNSUPPORTED_FACETS) {
    if (input[facet] !== undefined) {
      throw new GraphError(
        400,
        'notSupported',
        `Columns of type '${facet}' are not supported by the local SharePoint.`,
      );
    }
  }
}

function facetsIn(input: Record<string, unknown>): Facet[] {
  return FACETS.filter((facet) => input[facet] !== undefined);
}

/** Validates a columnDefinition for a new column of a list in the given site. */
export function newColumnDefinition(db: Db, siteSeq: number, raw: unknown): ColumnDefinition {
  const parsed = columnCreateSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalidRequest(`Invalid column definition: ${zodMessage(parsed.error)}`);
  }
  const input = parsed.data;
  rejectUnsupportedFacets(input);
  const facets = facetsIn(input);
  if (facets.length !== 1) {
    throw invalidRequest(
      `A column needs exactly one type facet (${FACETS.join(', ')}); '${input.name}' has ${facets.length === 0 ? 'none' : facets.join(', ')}.`,
    );
  }
  const definition: ColumnDefinition = {
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    columnGroup: input.columnGroup ?? 'Custom Columns',
    enforceUniqueValues: input.enforceUniqueValues ?? false,
    hidden: input.hidden ?? false,
    indexed: input.indexed ?? false,
    readOnly: input.readOnly ?? false,
    required: input.required ?? false,
  };
  if (input.text !== undefined) {
    definition.text = textDefaults(input.text);
  } else if (input.number !== undefined) {
    definition.number = numberDefaults(input.number);
  } else if (input.currency !== undefined) {
    definition.currency = { locale: input.currency.locale ?? 'en-us' };
  } else if (input.dateTime !== undefined) {
    definition.dateTime = {
      displayAs: input.dateTime.displayAs ?? 'default',
      format: input.dateTime.format ?? 'dateTime',
    };
  } else if (input.boolean !== undefined) {
    definition.boolean = {};
  } else if (input.choice !== undefined) {
    definition.choice = choiceDefaults(input.choice);
  } else if (input.lookup !== undefined) {
    const target = listByGuid(db, input.lookup.listId);
    if (target === undefined || target.siteSeq !== siteSeq) {
      throw invalidRequest(
        `The lookup column '${input.name}' points at list '${input.lookup.listId}', which does not exist in this site.`,
      );
    }
    const columnName = input.lookup.columnName ?? 'Title';
    const targetColumns = columnsOfList(db, target.seq);
    if (!targetColumns.some((column) => column.name === columnName)) {
      throw invalidRequest(
        `The lookup column '${input.name}' shows '${columnName}', which is not a column of the target list.`,
      );
    }
    definition.lookup = {
      allowMultipleValues: input.lookup.allowMultipleValues ?? false,
      allowUnlimitedLength: input.lookup.allowUnlimitedLength ?? false,
      columnName,
      listId: target.guid,
    };
  }
  checkIndexRules(definition);
  return definition;
}

function checkIndexRules(definition: ColumnDefinition): void {
  if (definition.indexed) {
    const refusal = indexRefusal(definition);
    if (refusal !== undefined) {
      throw invalidRequest(refusal);
    }
  }
  if (definition.enforceUniqueValues && !definition.indexed) {
    throw invalidRequest(
      `Column '${definition.name}' must be indexed to enforce unique values: set "indexed": true together with "enforceUniqueValues": true.`,
    );
  }
  if (definition.enforceUniqueValues && definition.lookup?.allowMultipleValues === true) {
    throw invalidRequest(`Column '${definition.name}' allows multiple values and cannot enforce unique values.`);
  }
}

function checkIndexLimit(columns: readonly ColumnRecord[], definition: ColumnDefinition, exceptSeq?: number): void {
  if (!definition.indexed) {
    return;
  }
  const indexed = columns.filter((column) => column.definition.indexed && column.seq !== exceptSeq).length;
  if (indexed + 1 > MAX_INDEXED_COLUMNS) {
    throw invalidRequest(
      `Cannot index column '${definition.name}' because the maximum number of columns (${MAX_INDEXED_COLUMNS}) is currently being indexed on this list.`,
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function syncIndexesOrExplain(db: Db, column: ColumnRecord): void {
  try {
    syncColumnIndexes(db, column);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw invalidRequest(
        `Column '${column.name}' cannot enforce unique values because it already contains duplicate values.`,
      );
    }
    throw error;
  }
}

/** Adds a column to a list; 409 nameAlreadyExists when the name is taken. */
export function addColumn(
  db: Db,
  list: ListRow,
  definition: ColumnDefinition,
  kind: ColumnKind,
  now: string,
): ColumnRecord {
  const columns = columnsOfList(db, list.seq);
  const clash = columns.find((column) => column.name.toLowerCase() === definition.name.toLowerCase());
  if (clash !== undefined) {
    throw new GraphError(409, 'nameAlreadyExists', `A column named '${definition.name}' already exists in this list.`);
  }
  checkIndexLimit(columns, definition);
  const column = insertColumn(db, { listSeq: list.seq, guid: newGuid(), kind, definition });
  syncIndexesOrExplain(db, column);
  touchList(db, list.seq, now);
  return column;
}

/** PATCH …/columns/{id}: any property except id (and the internal name and type, which SharePoint fixes). */
export function patchColumn(db: Db, list: ListRow, column: ColumnRecord, raw: unknown, now: string): ColumnRecord {
  const parsed = columnPatchSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalidRequest(`Invalid column definition: ${zodMessage(parsed.error)}`);
  }
  const input = parsed.data;
  if (column.kind === 'system') {
    throw invalidRequest(`Column '${column.name}' is a read-only system column and cannot be changed.`);
  }
  if ((raw as Record<string, unknown>).id !== undefined && (raw as Record<string, unknown>).id !== column.guid) {
    throw invalidRequest("A column's 'id' cannot be changed.");
  }
  if (input.name !== undefined && input.name !== column.name) {
    throw invalidRequest(`A column's internal 'name' cannot be changed (it is '${column.name}').`);
  }
  rejectUnsupportedFacets(input);
  const current = column.definition;
  const currentFacet = facetOf(current);
  const givenFacets = facetsIn(input);
  if (givenFacets.some((facet) => facet !== currentFacet)) {
    throw invalidRequest(`Column '${column.name}' is of type '${currentFacet ?? 'none'}'; its type cannot be changed.`);
  }
  const next: ColumnDefinition = {
    ...current,
    displayName: input.displayName ?? current.displayName,
    description: input.description ?? current.description,
    columnGroup: input.columnGroup ?? current.columnGroup,
    enforceUniqueValues: input.enforceUniqueValues ?? current.enforceUniqueValues,
    hidden: input.hidden ?? current.hidden,
    indexed: input.indexed ?? current.indexed,
    readOnly: input.readOnly ?? current.readOnly,
    required: input.required ?? current.required,
  };
  if (input.text !== undefined && current.text !== undefined) {
    next.text = textDefaults(input.text, current.text);
  }
  if (input.number !== undefined && current.number !== undefined) {
    next.number = numberDefaults(input.number, current.number);
  }
  if (input.currency !== undefined) {
    next.currency = { locale: input.currency.locale ?? current.currency?.locale ?? 'en-us' };
  }
  if (input.dateTime !== undefined && current.dateTime !== undefined) {
    next.dateTime = {
      displayAs: input.dateTime.displayAs ?? current.dateTime.displayAs,
      format: input.dateTime.format ?? current.dateTime.format,
    };
  }
  if (input.choice !== undefined && current.choice !== undefined) {
    next.choice = choiceDefaults(input.choice, current.choice);
  }
  if (input.lookup !== undefined && current.lookup !== undefined) {
    if (input.lookup.listId.toLowerCase() !== current.lookup.listId.toLowerCase()) {
      throw invalidRequest(`The target list of lookup column '${column.name}' cannot be changed.`);
    }
    next.lookup = {
      ...current.lookup,
      allowMultipleValues: input.lookup.allowMultipleValues ?? current.lookup.allowMultipleValues,
      allowUnlimitedLength: input.lookup.allowUnlimitedLength ?? current.lookup.allowUnlimitedLength,
    };
    if (next.lookup.allowMultipleValues !== current.lookup.allowMultipleValues) {
      throw invalidRequest(`Whether lookup column '${column.name}' allows multiple values cannot be changed.`);
    }
  }
  checkIndexRules(next);
  if (next.indexed && !current.indexed) {
    checkIndexLimit(columnsOfList(db, list.seq), next, column.seq);
  }
  const updated = updateColumnDefinition(db, column, next);
  syncIndexesOrExplain(db, updated);
  touchList(db, list.seq, now);
  return updated;
}
