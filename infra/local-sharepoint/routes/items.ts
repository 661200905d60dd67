/** List items: GET/POST …/items, GET/PATCH/DELETE …/items/{id}, GET/PATCH …/items/{id}/fields. */
import type { ColumnRecord } from '../columns/definition.ts';
import type { RequestScope } from '../context.ts';
import { GraphError, invalidRequest } from '../errors.ts';
import { checkIfMatch } from '../etag.ts';
import { applyFieldWrites } from '../fields/write.ts';
import { type EmulatorResponse, jsonResponse, noContent } from '../http-types.ts';
import { newGuid } from '../ids.ts';
import { compileItemQuery, NON_INDEXED_PREFERENCE, queryItemPage } from '../items/query.ts';
import { readJsonObject } from '../json-body.ts';
import { parseExpand } from '../odata/expand-parser.ts';
import { decodeSkipToken, encodeSkipToken, type PageCursor, SkipTokenError } from '../odata/skiptoken.ts';
import { pageSize } from '../query-options.ts';
import { fieldValueSetJson, listItemsJson } from '../shapes/list-item.ts';
import { siteIdOf } from '../shapes/site.ts';
import { type ListRow, type SiteRow, takeNextItemId, touchList } from '../store/catalog.ts';
import { columnSeqFromUniqueError, columnsOfList } from '../store/columns.ts';
import {
  currentVersion,
  deleteDriveItemRow,
  driveItemByListItem,
  dropOrphanBlobs,
  insertFileVersion,
  subtreeIds,
  touchDriveItem,
} from '../store/drives.ts';
import {
  deleteItemRow,
  type ItemRow,
  insertItem,
  itemById,
  itemETag,
  parseFields,
  type StoredFields,
  updateItemFields,
} from '../store/items.ts';
import type { Db } from '../store/sqlite.ts';

export type FieldsExpansion = { readonly select: readonly string[] | undefined } | undefined;

/** `expand=fields` / `$expand=fields(select=A,B)`; anything else is not supported here */
export function fieldsExpansion(scope: RequestScope): FieldsExpansion {
  const expand = scope.query.system('expand');
  if (expand === undefined) {
    return undefined;
  }
  let expansion: FieldsExpansion;
  for (const clause of parseExpand(expand)) {
    if (clause.name !== 'fields') {
      throw new GraphError(
        400,
        'notSupported',
        `$expand=${clause.name} on list items is not supported by the local SharePoint.`,
      );
    }
    expansion = { select: clause.select };
  }
  return expansion;
}

export function selectList(scope: RequestScope): string[] | undefined {
  const select = scope.query.system('select');
  return select === undefined
    ? undefined
    : select
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
}

function itemsContext(scope: RequestScope, site: SiteRow, list: ListRow): string {
  return `${scope.graphRoot}/$metadata#sites('${encodeURIComponent(siteIdOf(scope, site))}')/lists('${list.guid}')/items`;
}

export function getItems(scope: RequestScope, site: SiteRow, list: ListRow): EmulatorResponse {
  const db = scope.ctx.db;
  const columns = columnsOfList(db, list.seq);
  const fields = fieldsExpansion(scope);
  const query = compileItemQuery(columns, {
    filter: scope.query.system('filter'),
    orderBy: scope.query.system('orderby'),
    honorNonIndexed: scope.prefer.has(NON_INDEXED_PREFERENCE),
  });
  const top = pageSize(scope.query);
  const token = scope.query.system('skiptoken');
  let cursor: PageCursor | undefined;
  if (token !== undefined) {
    try {
      cursor = decodeSkipToken(token);
    } catch (error) {
      if (error instanceof SkipTokenError) {
        throw invalidRequest(error.message);
      }
      throw error;
    }
  }
  const page = queryItemPage(db, list.seq, query, top, cursor);
  const body: Record<string, unknown> = {
    '@odata.context': itemsContext(scope, site, list),
    value: listItemsJson(scope, site, list, columns, page.rows, { fields, select: selectList(scope) }),
  };
  if (page.next !== undefined) {
    body['@odata.nextLink'] =
      `${scope.graphRoot}${scope.graphPath}?${scope.query.withSkipToken(encodeSkipToken(page.next))}`;
  }
  return jsonResponse(200, body);
}

export function getItem(scope: RequestScope, site: SiteRow, list: ListRow, row: ItemRow): EmulatorResponse {
  const columns = columnsOfList(scope.ctx.db, list.seq);
  const [json] = listItemsJson(scope, site, list, columns, [row], {
    fields: fieldsExpansion(scope),
    select: selectList(scope),
  });
  return jsonResponse(200, { '@odata.context': `${itemsContext(scope, site, list)}/$entity`, ...json });
}

export function getFields(scope: RequestScope, site: SiteRow, list: ListRow, row: ItemRow): EmulatorResponse {
  const columns = columnsOfList(scope.ctx.db, list.seq);
  return jsonResponse(200, fieldValueSetJson(scope, site, list, columns, row, selectList(scope)));
}

/** 409 for a duplicate in an enforceUniqueValues column, with SharePoint's message */
function uniqueConflict(error: unknown, columns: readonly ColumnRecord[]): GraphError | undefined {
  if (!(error instanceof Error) || (error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') {
    return undefined;
  }
  const seq = columnSeqFromUniqueError(error.message);
  const column = columns.find((candidate) => candidate.seq === seq);
  if (column === undefined) {
    return undefined;
  }
  return new GraphError(
    409,
    'conflict',
    `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${column.name}].`,
  );
}

function withUniqueCheck<T>(columns: readonly ColumnRecord[], write: () => T): T {
  try {
    return write();
  } catch (error) {
    const conflict = uniqueConflict(error, columns);
    if (conflict !== undefined) {
      throw conflict;
    }
    throw error;
  }
}

/** Inserts a list item (also used for the list item of a new file or folder). */
export function insertListItem(
  db: Db,
  list: ListRow,
  columns: readonly ColumnRecord[],
  fields: StoredFields,
  contentType: string,
  now: string,
): ItemRow {
  const itemId = takeNextItemId(db, list.seq);
  const row = withUniqueCheck(columns, () =>
    insertItem(db, { listSeq: list.seq, itemId, guid: newGuid(), contentType, fields }, now),
  );
  touchList(db, list.seq, now);
  return row;
}

export function createItem(scope: RequestScope, site: SiteRow, list: ListRow): EmulatorResponse {
  if (list.template === 'documentLibrary') {
    throw invalidRequest('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
  }
  const body = readJsonObject(scope);
  const db = scope.ctx.db;
  const columns = columnsOfList(db, list.seq);
  const fields = applyFieldWrites(db, columns, {}, body.fields ?? {});
  const row = insertListItem(db, list, columns, fields, 'Item', scope.nowIso);
  const [json] = listItemsJson(scope, site, list, columns, [row], { fields: { select: undefined } });
  return jsonResponse(201, { '@odata.context': `${itemsContext(scope, site, list)}/$entity`, ...json });
}

/**
 * Applies a fields patch to an item (plain list or library). A library file gets a new version
 * on every change, as SharePoint's versioning does for metadata edits.
 */
export function patchListItemFields(
  scope: RequestScope,
  list: ListRow,
  columns: readonly ColumnRecord[],
  row: ItemRow,
  patch: unknown,
): ItemRow {
  checkIfMatch(scope, itemETag(row));
  const db = scope.ctx.db;
  const fields = applyFieldWrites(db, columns, parseFields(row), patch);
  const updated = withUniqueCheck(columns, () => updateItemFields(db, row, fields, scope.nowIso));
  touchList(db, list.seq, scope.nowIso);
  if (list.template === 'documentLibrary') {
    const driveItem = driveItemByListItem(db, list.seq, row.itemId);
    const content = driveItem === undefined ? undefined : currentVersion(db, driveItem.id);
    if (driveItem !== undefined && content !== undefined) {
      insertFileVersion(db, driveItem.id, updated.version, content, scope.nowIso);
      touchDriveItem(db, driveItem.id, scope.nowIso, false);
    }
  }
  return updated;
}

export function updateFields(scope: RequestScope, site: SiteRow, list: ListRow, row: ItemRow): EmulatorResponse {
  const columns = columnsOfList(scope.ctx.db, list.seq);
  const updated = patchListItemFields(scope, list, columns, row, readJsonObject(scope));
  return jsonResponse(200, fieldValueSetJson(scope, site, list, columns, updated, undefined));
}

export function updateItem(scope: RequestScope, site: SiteRow, list: ListRow, row: ItemRow): EmulatorResponse {
  const body = readJsonObject(scope);
  const columns = columnsOfList(scope.ctx.db, list.seq);
  let updated = row;
  if (body.fields === undefined) {
    // nothing to change, but a stale eTag is still reported
    checkIfMatch(scope, itemETag(row));
  } else {
    updated = patchListItemFields(scope, list, columns, row, body.fields);
  }
  const [json] = listItemsJson(scope, site, list, columns, [updated], { fields: { select: undefined } });
  return jsonResponse(200, { '@odata.context': `${itemsContext(scope, site, list)}/$entity`, ...json });
}

/** Deletes an item; in a library, its file or folder (and everything in the folder) goes too. */
export function removeListItem(db: Db, list: ListRow, row: ItemRow, now: string): void {
  if (list.template === 'documentLibrary') {
    const driveItem = driveItemByListItem(db, list.seq, row.itemId);
    if (driveItem !== undefined) {
      for (const node of subtreeIds(db, driveItem.id)) {
        const item = node.itemId === null ? undefined : itemById(db, list.seq, node.itemId);
        if (item !== undefined) {
          deleteItemRow(db, item);
        }
        deleteDriveItemRow(db, node.id);
      }
      dropOrphanBlobs(db);
    }
  }
  deleteItemRow(db, row);
  touchList(db, list.seq, now);
}

export function deleteItem(scope: RequestScope, list: ListRow, row: ItemRow): EmulatorResponse {
  checkIfMatch(scope, itemETag(row));
  removeListItem(scope.ctx.db, list, row, scope.nowIso);
  return noContent();
}
