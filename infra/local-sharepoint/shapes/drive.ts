/** drive and driveItem resources (graph.md §2.5). */
import type { RequestScope } from '../context.ts';
import { mimeTypeFor } from '../mime-types.ts';
import type { DriveContext } from '../routes/resolve.ts';
import { childCount, currentVersion, type DriveItemRow, pathNames, treeSize } from '../store/drives.ts';
import { itemById } from '../store/items.ts';
import { userIdentity } from './list-item.ts';
import { listWebUrl, siteIdOf } from './site.ts';

/** a generous quota that never runs out locally */
const QUOTA_TOTAL = 27_487_790_694_400;

export function driveJson(scope: RequestScope, drive: DriveContext): Record<string, unknown> {
  const used = (
    scope.ctx.db
      .prepare(
        `SELECT coalesce(sum(v.size), 0) AS used FROM file_versions v JOIN drive_items d ON d.id = v.drive_item_id WHERE d.list_seq = ?`,
      )
      .get(drive.list.seq) as { used: number }
  ).used;
  return {
    createdDateTime: drive.list.created,
    description: drive.list.description,
    id: drive.list.driveId,
    lastModifiedDateTime: drive.list.modified,
    name: drive.list.title,
    webUrl: listWebUrl(scope, drive.site, drive.list),
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: 'System Account' } },
    owner: { group: { displayName: `${drive.site.displayName} Owners`, id: drive.site.webGuid } },
    quota: { deleted: 0, remaining: QUOTA_TOTAL - used, state: 'normal', total: QUOTA_TOTAL, used },
  };
}

export function driveItemETag(guid: string, version: number): string {
  return `"{${guid.toUpperCase()}},${version}"`;
}

export function driveItemJson(scope: RequestScope, drive: DriveContext, item: DriveItemRow): Record<string, unknown> {
  const db = scope.ctx.db;
  const driveId = drive.list.driveId ?? '';
  const listItem = item.itemId === null ? undefined : itemById(db, drive.list.seq, item.itemId);
  // the root folder has no list item; its tag follows the library
  const guid = listItem?.guid ?? drive.list.guid;
  const version = listItem?.version ?? drive.list.version;
  const names = pathNames(db, item);
  const libraryUrl = listWebUrl(scope, drive.site, drive.list);
  const json: Record<string, unknown> = {
    createdDateTime: item.created,
    eTag: driveItemETag(guid, version),
    id: item.id,
    lastModifiedDateTime: item.modified,
    name: item.parentId === null ? 'root' : item.name,
    webUrl: names.length === 0 ? libraryUrl : `${libraryUrl}/${names.map(encodeURIComponent).join('/')}`,
    cTag: `"c:{${guid.toUpperCase()}},${item.contentVersion}"`,
    createdBy: userIdentity(),
    lastModifiedBy: userIdentity(),
  };
  if (item.parentId === null) {
    json.parentReference = { driveType: 'documentLibrary', driveId };
  } else {
    const parentNames = names.slice(0, -1);
    json.parentReference = {
      driveType: 'documentLibrary',
      driveId,
      id: item.parentId,
      // Graph's itemReference.path is percent-encoded: a folder named `%2e%2e` reads back as itself, not `..`
      path: `/drives/${driveId}/root:${parentNames.map((name) => `/${encodeURIComponent(name)}`).join('')}`,
      siteId: siteIdOf(scope, drive.site),
    };
  }
  json.fileSystemInfo = { createdDateTime: item.created, lastModifiedDateTime: item.modified };
  if (item.isFolder === 1) {
    json.folder = { childCount: childCount(db, item.id) };
    json.size = treeSize(db, item.id);
  } else {
    const current = currentVersion(db, item.id);
    // SharePoint reports a quickXorHash here; the local SharePoint reports no hashes
    json.file = { mimeType: mimeTypeFor(item.name) };
    json.size = current?.size ?? 0;
  }
  if (item.parentId === null) {
    json.root = {};
  }
  return json;
}
