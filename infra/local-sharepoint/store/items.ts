/** List item rows. `fields` holds the column values as JSON keyed by internal column name. */
import type { Db } from './sqlite.ts';

export type FieldValue = string | number | boolean | number[];
export type StoredFields = Record<string, FieldValue>;

export type ItemRow = {
  readonly seq: number;
  readonly listSeq: number;
  readonly itemId: number;
  readonly guid: string;
  readonly version: number;
  readonly contentType: string;
  readonly created: string;
  readonly modified: string;
  readonly fields: string;
};

export const ITEM_COLUMNS =
  'seq, list_seq AS listSeq, item_id AS itemId, guid, version, content_type AS contentType, created, modified, fields';

export function parseFields(row: ItemRow): StoredFields {
  return JSON.parse(row.fields) as StoredFields;
}

export function itemById(db: Db, listSeq: number, itemId: number): ItemRow | undefined {
  return db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE list_seq = ? AND item_id = ?`).get(listSeq, itemId) as
    | ItemRow
    | undefined;
}

export function itemExists(db: Db, listSeq: number, itemId: number): boolean {
  return db.prepare('SELECT 1 FROM items WHERE list_seq = ? AND item_id = ?').get(listSeq, itemId) !== undefined;
}

export function insertItem(
  db: Db,
  item: { listSeq: number; itemId: number; guid: string; contentType: string; fields: StoredFields },
  now: string,
): ItemRow {
  db.prepare(
    'INSERT INTO items (list_seq, item_id, guid, version, content_type, created, modified, fields) VALUES (?, ?, ?, 1, ?, ?, ?, ?)',
  ).run(item.listSeq, item.itemId, item.guid, item.contentType, now, now, JSON.stringify(item.fields));
  const row = itemById(db, item.listSeq, item.itemId);
  if (row === undefined) {
    throw new Error('item vanished after insert');
  }
  return row;
}

export function updateItemFields(db: Db, row: ItemRow, fields: StoredFields, now: string): ItemRow {
  db.prepare('UPDATE items SET fields = ?, version = version + 1, modified = ? WHERE seq = ?').run(
    JSON.stringify(fields),
    now,
    row.seq,
  );
  const updated = itemById(db, row.listSeq, row.itemId);
  if (updated === undefined) {
    throw new Error('item vanished after update');
  }
  return updated;
}

export function deleteItemRow(db: Db, row: ItemRow): void {
  db.prepare('DELETE FROM items WHERE seq = ?').run(row.seq);
}

/** `"{guid},{version}"`, quoted, as SharePoint list items carry it */
export function itemETag(row: Pick<ItemRow, 'guid' | 'version'>): string {
  return `"${row.guid},${row.version}"`;
}
