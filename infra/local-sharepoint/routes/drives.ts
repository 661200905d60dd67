/**
 * Document libraries through the drive API: drives, children, path addressing, simple upload
 * with conflictBehavior, download, versions, and each file's list item.
 */
import type { RequestScope } from '../context.ts';
import { GraphError, invalidRequest, itemNotFound } from '../errors.ts';
import { checkIfMatch } from '../etag.ts';
import { type EmulatorResponse, jsonResponse, noContent } from '../http-types.ts';
import { newDriveItemId } from '../ids.ts';
import { readJsonObject } from '../json-body.ts';
import { mimeTypeFor } from '../mime-types.ts';
import { checkItemName, checkPathLength } from '../names.ts';
import { decodeSkipToken, encodeSkipToken, SkipTokenError } from '../odata/skiptoken.ts';
import { pageSize } from '../query-options.ts';
import { driveItemETag, driveItemJson, driveJson } from '../shapes/drive.ts';
import { fieldValueSetJson, listItemsJson, userIdentity } from '../shapes/list-item.ts';
import { listWebUrl } from '../shapes/site.ts';
import { listsOfSite, type SiteRow, touchList } from '../store/catalog.ts';
import { columnsOfList } from '../store/columns.ts';
import {
  blobBytes,
  childByName,
  childrenPage,
  currentVersion,
  type DriveItemRow,
  driveItemById,
  driveRoot,
  fileVersions,
  insertDriveItem,
  insertFileVersion,
  nameKey,
  pathNames,
  storeBlob,
  touchDriveItem,
} from '../store/drives.ts';
import { type ItemRow, itemById, parseFields, updateItemFields } from '../store/items.ts';
import { fieldsExpansion, insertListItem, patchListItemFields, removeListItem, selectList } from './items.ts';
import { type DriveContext, driveOfList } from './resolve.ts';

type ConflictBehavior = 'fail' | 'replace' | 'rename';

function conflictBehavior(raw: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (raw === undefined) {
    return fallback;
  }
  if (typeof raw === 'string' && ['fail', 'replace', 'rename'].includes(raw.toLowerCase())) {
    return raw.toLowerCase() as ConflictBehavior;
  }
  throw invalidRequest(`Invalid @microsoft.graph.conflictBehavior '${String(raw)}': use fail, replace or rename.`);
}

function driveContext(scope: RequestScope, drive: DriveContext): string {
  return `${scope.graphRoot}/$metadata#drives('${drive.list.driveId}')`;
}

function itemResponse(scope: RequestScope, drive: DriveContext, item: DriveItemRow, status = 200): EmulatorResponse {
  return jsonResponse(status, {
    '@odata.context': `${driveContext(scope, drive)}/items/$entity`,
    ...driveItemJson(scope, drive, item),
  });
}

// ---------------------------------------------------------------- drives

export function getDrives(scope: RequestScope, site: SiteRow): EmulatorResponse {
  const libraries = listsOfSite(scope.ctx.db, site.seq).filter((list) => list.driveId !== null);
  return jsonResponse(200, {
    '@odata.context': `${scope.graphRoot}/$metadata#drives`,
    value: libraries.map((list) => driveJson(scope, driveOfList(scope, site, list))),
  });
}

export function defaultDrive(scope: RequestScope, site: SiteRow): DriveContext {
  const library = listsOfSite(scope.ctx.db, site.seq).find((list) => list.driveId !== null);
  if (library === undefined) {
    throw itemNotFound('The site has no document library.');
  }
  return driveOfList(scope, site, library);
}

export function getDrive(scope: RequestScope, drive: DriveContext): EmulatorResponse {
  return jsonResponse(200, {
    '@odata.context': `${scope.graphRoot}/$metadata#drives/$entity`,
    ...driveJson(scope, drive),
  });
}

// ---------------------------------------------------------------- addressing

export function rootOf(scope: RequestScope, drive: DriveContext): DriveItemRow {
  const root = driveRoot(scope.ctx.db, drive.list.seq);
  if (root === undefined) {
    throw new Error(`library ${drive.list.guid} has no root folder`);
  }
  return root;
}

export function driveItemOf(scope: RequestScope, drive: DriveContext, id: string): DriveItemRow {
  const item = id === 'root' ? rootOf(scope, drive) : driveItemById(scope.ctx.db, id);
  if (item === undefined || item.listSeq !== drive.list.seq) {
    throw itemNotFound('The resource could not be found.');
  }
  return item;
}

/** Walks a relative path (already decoded segments) down from a folder; 404 if a step is missing. */
export function driveItemByPath(scope: RequestScope, base: DriveItemRow, segments: readonly string[]): DriveItemRow {
  let current = base;
  for (const segment of segments) {
    const child = current.isFolder === 1 ? childByName(scope.ctx.db, current.id, segment) : undefined;
    if (child === undefined) {
      throw itemNotFound('The resource could not be found.');
    }
    current = child;
  }
  return current;
}

function serverRelativePath(scope: RequestScope, drive: DriveContext, names: readonly string[]): string {
  const libraryUrl = listWebUrl(scope, drive.site, drive.list).replace(/^https:\/\/[^/]+/, '');
  return decodeURIComponent(libraryUrl) + names.map((name) => `/${name}`).join('');
}

function assertValidName(
  scope: RequestScope,
  drive: DriveContext,
  parent: DriveItemRow,
  name: string,
  isFolder: boolean,
): void {
  const check = checkItemName(name, { atLibraryRoot: parent.parentId === null, isFolder });
  if (!check.ok) {
    throw new GraphError(400, 'invalidRequest', check.reason, { innerCode: 'invalidPath' });
  }
  const length = checkPathLength(serverRelativePath(scope, drive, [...pathNames(scope.ctx.db, parent), name]));
  if (!length.ok) {
    throw new GraphError(400, 'invalidRequest', length.reason, { innerCode: 'invalidPath' });
  }
}

/** `report.pdf` → `report 1.pdf`, `report 2.pdf`, … : SharePoint's rename on conflict */
function freeName(scope: RequestScope, parent: DriveItemRow, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const extension = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; n < 10_000; n += 1) {
    const candidate = `${stem} ${n}${extension}`;
    if (childByName(scope.ctx.db, parent.id, candidate) === undefined) {
      return candidate;
    }
  }
  throw new GraphError(409, 'nameAlreadyExists', `No free name for '${name}'.`);
}

// ---------------------------------------------------------------- writes

function createFolder(scope: RequestScope, drive: DriveContext, parent: DriveItemRow, name: string): DriveItemRow {
  assertValidName(scope, drive, parent, name, true);
  const db = scope.ctx.db;
  const row = insertListItem(db, drive.list, drive.columns, { FileLeafRef: name }, 'Folder', scope.nowIso);
  return insertDriveItem(
    db,
    { id: newDriveItemId(), listSeq: drive.list.seq, itemId: row.itemId, parentId: parent.id, name, isFolder: true },
    scope.nowIso,
  );
}

function createFile(
  scope: RequestScope,
  drive: DriveContext,
  parent: DriveItemRow,
  name: string,
  bytes: Uint8Array,
): DriveItemRow {
  assertValidName(scope, drive, parent, name, false);
  const db = scope.ctx.db;
  const row = insertListItem(db, drive.list, drive.columns, { FileLeafRef: name }, 'Document', scope.nowIso);
  const item = insertDriveItem(
    db,
    { id: newDriveItemId(), listSeq: drive.list.seq, itemId: row.itemId, parentId: parent.id, name, isFolder: false },
    scope.nowIso,
  );
  insertFileVersion(db, item.id, row.version, { size: bytes.length, sha256: storeBlob(db, bytes) }, scope.nowIso);
  touchDriveItem(db, item.id, scope.nowIso, true);
  return driveItemById(db, item.id) ?? item;
}

function listItemOf(scope: RequestScope, drive: DriveContext, item: DriveItemRow): ItemRow {
  const row = item.itemId === null ? undefined : itemById(scope.ctx.db, drive.list.seq, item.itemId);
  if (row === undefined) {
    throw itemNotFound('The root folder of a library has no list item.');
  }
  return row;
}

function replaceFile(scope: RequestScope, drive: DriveContext, item: DriveItemRow, bytes: Uint8Array): DriveItemRow {
  if (item.isFolder === 1) {
    throw new GraphError(409, 'nameAlreadyExists', `A folder named '${item.name}' already exists.`);
  }
  const db = scope.ctx.db;
  const row = listItemOf(scope, drive, item);
  checkIfMatch(scope, driveItemETag(row.guid, row.version));
  const updated = updateItemFields(db, row, parseFields(row), scope.nowIso);
  insertFileVersion(db, item.id, updated.version, { size: bytes.length, sha256: storeBlob(db, bytes) }, scope.nowIso);
  touchDriveItem(db, item.id, scope.nowIso, true);
  touchList(db, drive.list.seq, scope.nowIso);
  return driveItemById(db, item.id) ?? item;
}

/** PUT …/{parent}:/{name}:/content and root:/{path}:/content: 201 when created, 200 when replaced */
export function uploadByPath(
  scope: RequestScope,
  drive: DriveContext,
  base: DriveItemRow,
  segments: readonly string[],
): EmulatorResponse {
  const name = segments[segments.length - 1];
  if (name === undefined) {
    throw invalidRequest('The upload path needs a file name.');
  }
  const behavior = conflictBehavior(scope.query.parameter('@microsoft.graph.conflictBehavior'), 'replace');
  let parent = base;
  // SharePoint creates the folders of the path as needed
  for (const folderName of segments.slice(0, -1)) {
    if (parent.isFolder !== 1) {
      throw invalidRequest(`'${parent.name}' is a file, not a folder.`);
    }
    const existing = childByName(scope.ctx.db, parent.id, folderName);
    if (existing !== undefined && existing.isFolder !== 1) {
      throw new GraphError(409, 'nameAlreadyExists', `A file named '${folderName}' is in the way of the folder path.`);
    }
    parent = existing ?? createFolder(scope, drive, parent, folderName);
  }
  if (parent.isFolder !== 1) {
    throw invalidRequest(`'${parent.name}' is a file, not a folder.`);
  }
  const bytes = scope.request.body;
  const existing = childByName(scope.ctx.db, parent.id, name);
  if (existing === undefined) {
    return itemResponse(scope, drive, createFile(scope, drive, parent, name, bytes), 201);
  }
  if (behavior === 'fail') {
    throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  }
  if (behavior === 'rename') {
    return itemResponse(scope, drive, createFile(scope, drive, parent, freeName(scope, parent, name), bytes), 201);
  }
  return itemResponse(scope, drive, replaceFile(scope, drive, existing, bytes), 200);
}

/** PUT /drives/{id}/items/{item-id}/content replaces an existing file */
export function replaceContent(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  if (item.isFolder === 1) {
    throw invalidRequest('The item is a folder; upload content to a file.');
  }
  return itemResponse(scope, drive, replaceFile(scope, drive, item, scope.request.body), 200);
}

/** POST …/children with {name, folder: {}}: creates a folder (default conflictBehavior fail) */
export function createChild(scope: RequestScope, drive: DriveContext, parent: DriveItemRow): EmulatorResponse {
  if (parent.isFolder !== 1) {
    throw invalidRequest('Children can only be created in a folder.');
  }
  const body = readJsonObject(scope);
  if (typeof body.name !== 'string') {
    throw invalidRequest("The driveItem needs a 'name'.");
  }
  if (body.folder === undefined) {
    throw invalidRequest(
      'Only folders can be created with POST …/children (send "folder": {}); upload files with PUT …:/{name}:/content.',
    );
  }
  const behavior = conflictBehavior(
    body['@microsoft.graph.conflictBehavior'] ?? scope.query.parameter('@microsoft.graph.conflictBehavior'),
    'fail',
  );
  const name = body.name;
  const existing = childByName(scope.ctx.db, parent.id, name);
  if (existing === undefined) {
    return itemResponse(scope, drive, createFolder(scope, drive, parent, name), 201);
  }
  if (behavior === 'fail') {
    throw new GraphError(409, 'nameAlreadyExists', 'The specified item name already exists.');
  }
  if (behavior === 'rename') {
    return itemResponse(scope, drive, createFolder(scope, drive, parent, freeName(scope, parent, name)), 201);
  }
  if (existing.isFolder !== 1) {
    throw new GraphError(409, 'nameAlreadyExists', `A file named '${name}' already exists.`);
  }
  // replace on an existing folder: the local SharePoint keeps the folder and its contents
  return itemResponse(scope, drive, existing, 201);
}

export function deleteDriveItem(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  if (item.parentId === null) {
    throw new GraphError(403, 'accessDenied', 'The root folder of a library cannot be deleted.');
  }
  const row = listItemOf(scope, drive, item);
  checkIfMatch(scope, driveItemETag(row.guid, row.version));
  removeListItem(scope.ctx.db, drive.list, row, scope.nowIso);
  return noContent();
}

// ---------------------------------------------------------------- reads

export function getDriveItem(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  return itemResponse(scope, drive, item);
}

export function getChildren(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  if (item.isFolder !== 1) {
    return jsonResponse(200, {
      '@odata.context': `${driveContext(scope, drive)}/items('${item.id}')/children`,
      value: [],
    });
  }
  const top = pageSize(scope.query);
  const token = scope.query.system('skiptoken');
  let after: { nameKey: string; id: string } | undefined;
  if (token !== undefined) {
    try {
      const cursor = decodeSkipToken(token);
      const [name, id] = cursor.keys;
      if (
        name?.name !== 'FileLeafRef' ||
        id?.name !== 'UniqueId' ||
        typeof name.value !== 'string' ||
        typeof id.value !== 'string'
      ) {
        throw new SkipTokenError('it does not belong to a children listing');
      }
      after = { nameKey: name.value, id: id.value };
    } catch (error) {
      if (error instanceof SkipTokenError) {
        throw invalidRequest(error.message);
      }
      throw error;
    }
  }
  const page = childrenPage(scope.ctx.db, item.id, top, after);
  const body: Record<string, unknown> = {
    '@odata.context': `${driveContext(scope, drive)}/items('${item.id}')/children`,
    value: page.rows.map((child) => driveItemJson(scope, drive, child)),
  };
  const last = page.rows[page.rows.length - 1];
  if (page.more && last !== undefined) {
    const next = encodeSkipToken({
      lastId: 0,
      keys: [
        { name: 'FileLeafRef', value: nameKey(last.name) },
        { name: 'UniqueId', value: last.id },
      ],
    });
    body['@odata.nextLink'] = `${scope.graphRoot}${scope.graphPath}?${scope.query.withSkipToken(next)}`;
  }
  return jsonResponse(200, body);
}

function fileBytes(scope: RequestScope, sha256: string): Uint8Array {
  const bytes = blobBytes(scope.ctx.db, sha256);
  if (bytes === undefined) {
    throw new Error(`blob ${sha256} is missing`);
  }
  return bytes;
}

function contentResponse(item: DriveItemRow, bytes: Uint8Array): EmulatorResponse {
  return {
    status: 200,
    headers: {
      'content-type': mimeTypeFor(item.name),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
    },
    bytes,
  };
}

export function download(scope: RequestScope, item: DriveItemRow): EmulatorResponse {
  if (item.isFolder === 1) {
    throw invalidRequest('The item is a folder and has no content.');
  }
  const current = currentVersion(scope.ctx.db, item.id);
  if (current === undefined) {
    throw itemNotFound('The file has no content.');
  }
  return contentResponse(item, fileBytes(scope, current.sha256));
}

function versionJson(version: { version: number; size: number; modified: string }): Record<string, unknown> {
  return {
    id: `${version.version}.0`,
    lastModifiedDateTime: version.modified,
    size: version.size,
    lastModifiedBy: userIdentity(),
  };
}

export function getVersions(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  if (item.isFolder === 1) {
    throw invalidRequest('Folders have no versions.');
  }
  return jsonResponse(200, {
    '@odata.context': `${driveContext(scope, drive)}/items('${item.id}')/versions`,
    value: fileVersions(scope.ctx.db, item.id).map(versionJson),
  });
}

function versionOf(scope: RequestScope, item: DriveItemRow, versionId: string) {
  const match = /^(\d{1,9})\.0$/.exec(versionId);
  const version = fileVersions(scope.ctx.db, item.id).find((candidate) => `${candidate.version}` === match?.[1]);
  if (version === undefined) {
    throw itemNotFound(`Version '${versionId}' does not exist.`);
  }
  return version;
}

export function getVersion(
  scope: RequestScope,
  drive: DriveContext,
  item: DriveItemRow,
  versionId: string,
): EmulatorResponse {
  return jsonResponse(200, {
    '@odata.context': `${driveContext(scope, drive)}/items('${item.id}')/versions/$entity`,
    ...versionJson(versionOf(scope, item, versionId)),
  });
}

export function downloadVersion(scope: RequestScope, item: DriveItemRow, versionId: string): EmulatorResponse {
  return contentResponse(item, fileBytes(scope, versionOf(scope, item, versionId).sha256));
}

export function getDriveListItem(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  const row = listItemOf(scope, drive, item);
  const [json] = listItemsJson(scope, drive.site, drive.list, drive.columns, [row], {
    fields: fieldsExpansion(scope),
    select: selectList(scope),
  });
  return jsonResponse(200, {
    '@odata.context': `${driveContext(scope, drive)}/items('${item.id}')/listItem/$entity`,
    ...json,
  });
}

export function getDriveListItemFields(scope: RequestScope, drive: DriveContext, item: DriveItemRow): EmulatorResponse {
  const row = listItemOf(scope, drive, item);
  return jsonResponse(200, fieldValueSetJson(scope, drive.site, drive.list, drive.columns, row, selectList(scope)));
}

export function patchDriveListItemFields(
  scope: RequestScope,
  drive: DriveContext,
  item: DriveItemRow,
): EmulatorResponse {
  const row = listItemOf(scope, drive, item);
  const columns = columnsOfList(scope.ctx.db, drive.list.seq);
  const updated = patchListItemFields(scope, drive.list, columns, row, readJsonObject(scope));
  return jsonResponse(200, fieldValueSetJson(scope, drive.site, drive.list, columns, updated, undefined));
}

/** GET /sites/{s}/lists/{l}/items/{id}/driveItem */
export function driveItemOfListItem(scope: RequestScope, drive: DriveContext, row: ItemRow): EmulatorResponse {
  const item = scope.ctx.db
    .prepare('SELECT id FROM drive_items WHERE list_seq = ? AND item_id = ?')
    .get(drive.list.seq, row.itemId) as { id: string } | undefined;
  if (item === undefined) {
    throw itemNotFound('The list item has no file.');
  }
  return itemResponse(scope, drive, driveItemOf(scope, drive, item.id));
}
