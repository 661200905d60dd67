/**
 * Drive items (files and folders of a document library) and file versions. Every file and
 * folder is also a list item of the library's list (items row with the same item id), as in
 * SharePoint; content is stored once per SHA-256 in `blobs`.
 */
import { createHash } from 'node:crypto';
import type { Db } from './sqlite.ts';

export type DriveItemRow = {
  readonly id: string;
  readonly listSeq: number;
  /** the list item id; null for the root folder */
  readonly itemId: number | null;
  readonly parentId: string | null;
  readonly name: string;
  readonly isFolder: number;
  readonly created: string;
  readonly modified: string;
  readonly contentVersion: number;
};

const PREFIXED_COLUMNS =
  'd.id AS id, d.list_seq AS listSeq, d.item_id AS itemId, d.parent_id AS parentId, d.name AS name, d.is_folder AS isFolder, d.created AS created, d.modified AS modified, d.content_version AS contentVersion';

export type FileVersionRow = {
  readonly version: number;
  readonly size: number;
  readonly sha256: string;
  readonly modified: string;
};

const DRIVE_ITEM_COLUMNS =
  'id, list_seq AS listSeq, item_id AS itemId, parent_id AS parentId, name, is_folder AS isFolder, created, modified, content_version AS contentVersion';

export function nameKey(name: string): string {
  return name.toLowerCase();
}

export function driveItemById(db: Db, id: string): DriveItemRow | undefined {
  return db.prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE id = ?`).get(id) as DriveItemRow | undefined;
}

export function driveItemByListItem(db: Db, listSeq: number, itemId: number): DriveItemRow | undefined {
  return db
    .prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE list_seq = ? AND item_id = ?`)
    .get(listSeq, itemId) as DriveItemRow | undefined;
}

export function driveRoot(db: Db, listSeq: number): DriveItemRow | undefined {
  return db
    .prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE list_seq = ? AND parent_id IS NULL`)
    .get(listSeq) as DriveItemRow | undefined;
}

export function childByName(db: Db, parentId: string, name: string): DriveItemRow | undefined {
  return db
    .prepare(`SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE parent_id = ? AND name_key = ?`)
    .get(parentId, nameKey(name)) as DriveItemRow | undefined;
}

/** children sorted by name (folders and files together, as SharePoint's default view) */
export function childrenPage(
  db: Db,
  parentId: string,
  top: number,
  after: { nameKey: string; id: string } | undefined,
): { rows: DriveItemRow[]; more: boolean } {
  const rows = (
    after === undefined
      ? db
          .prepare(
            `SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE parent_id = ? ORDER BY name_key, id LIMIT ${top + 1}`,
          )
          .all(parentId)
      : db
          .prepare(
            `SELECT ${DRIVE_ITEM_COLUMNS} FROM drive_items WHERE parent_id = ? AND (name_key > ? OR (name_key = ? AND id > ?)) ORDER BY name_key, id LIMIT ${top + 1}`,
          )
          .all(parentId, after.nameKey, after.nameKey, after.id)
  ) as DriveItemRow[];
  return { rows: rows.slice(0, top), more: rows.length > top };
}

export function childCount(db: Db, parentId: string): number {
  const row = db.prepare('SELECT count(*) AS n FROM drive_items WHERE parent_id = ?').get(parentId) as { n: number };
  return row.n;
}

export function childCounts(db: Db, parentId: string): { files: number; folders: number } {
  const row = db
    .prepare(
      'SELECT coalesce(sum(is_folder = 0), 0) AS files, coalesce(sum(is_folder = 1), 0) AS folders FROM drive_items WHERE parent_id = ?',
    )
    .get(parentId) as { files: number; folders: number };
  return row;
}

/** total size of the current versions of every file at or below the item */
export function treeSize(db: Db, id: string): number {
  const row = db
    .prepare(
      `WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT d.id FROM drive_items d JOIN tree t ON d.parent_id = t.id)
       SELECT coalesce(sum(v.size), 0) AS size FROM tree
       JOIN drive_items d ON d.id = tree.id
       JOIN file_versions v ON v.drive_item_id = d.id AND v.version = (SELECT max(version) FROM file_versions WHERE drive_item_id = d.id)`,
    )
    .get(id) as { size: number };
  return row.size;
}

/** ids of the item and everything below it, deepest first */
export function subtreeIds(db: Db, id: string): DriveItemRow[] {
  const rows = db
    .prepare(
      `WITH RECURSIVE tree(id, depth) AS (SELECT ?, 0 UNION ALL SELECT d.id, t.depth + 1 FROM drive_items d JOIN tree t ON d.parent_id = t.id)
       SELECT ${PREFIXED_COLUMNS} FROM tree JOIN drive_items d ON d.id = tree.id ORDER BY tree.depth DESC`,
    )
    .all(id) as DriveItemRow[];
  return rows;
}

export function insertDriveItem(
  db: Db,
  item: {
    id: string;
    listSeq: number;
    itemId: number | null;
    parentId: string | null;
    name: string;
    isFolder: boolean;
  },
  now: string,
): DriveItemRow {
  db.prepare(
    'INSERT INTO drive_items (id, list_seq, item_id, parent_id, name, name_key, is_folder, created, modified, content_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)',
  ).run(
    item.id,
    item.listSeq,
    item.itemId,
    item.parentId,
    item.name,
    nameKey(item.name),
    item.isFolder ? 1 : 0,
    now,
    now,
  );
  const row = driveItemById(db, item.id);
  if (row === undefined) {
    throw new Error('drive item vanished after insert');
  }
  return row;
}

export function touchDriveItem(db: Db, id: string, now: string, contentChanged: boolean): void {
  db.prepare(
    `UPDATE drive_items SET modified = ?, content_version = content_version + ${contentChanged ? 1 : 0} WHERE id = ?`,
  ).run(now, id);
}

export function deleteDriveItemRow(db: Db, id: string): void {
  db.prepare('DELETE FROM drive_items WHERE id = ?').run(id);
}

export function storeBlob(db: Db, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?, ?)').run(sha256, Buffer.from(bytes));
  return sha256;
}

export function blobBytes(db: Db, sha256: string): Buffer | undefined {
  const row = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return row?.bytes;
}

export function dropOrphanBlobs(db: Db): void {
  db.prepare('DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM file_versions)').run();
}

export function insertFileVersion(
  db: Db,
  driveItemId: string,
  version: number,
  content: { size: number; sha256: string },
  now: string,
): void {
  db.prepare('INSERT INTO file_versions (drive_item_id, version, size, sha256, modified) VALUES (?, ?, ?, ?, ?)').run(
    driveItemId,
    version,
    content.size,
    content.sha256,
    now,
  );
}

/** newest first, as GET …/versions returns them */
export function fileVersions(db: Db, driveItemId: string): FileVersionRow[] {
  return db
    .prepare('SELECT version, size, sha256, modified FROM file_versions WHERE drive_item_id = ? ORDER BY version DESC')
    .all(driveItemId) as FileVersionRow[];
}

export function currentVersion(db: Db, driveItemId: string): FileVersionRow | undefined {
  return db
    .prepare(
      'SELECT version, size, sha256, modified FROM file_versions WHERE drive_item_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(driveItemId) as FileVersionRow | undefined;
}

/** names from the library root down to the item (the root itself has an empty path) */
export function pathNames(db: Db, item: DriveItemRow): string[] {
  const names: string[] = [];
  let current: DriveItemRow | undefined = item;
  let guard = 0;
  while (current !== undefined && current.parentId !== null && guard < 1000) {
    names.unshift(current.name);
    current = driveItemById(db, current.parentId);
    guard += 1;
  }
  return names;
}
