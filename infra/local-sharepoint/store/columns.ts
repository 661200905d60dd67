/** Column rows, the SQL expression each column's value is read with, and its indexes. */
import type { ColumnDefinition, ColumnKind, ColumnRecord } from '../columns/definition.ts';
import type { Db } from './sqlite.ts';

type ColumnRow = { seq: number; listSeq: number; guid: string; name: string; kind: ColumnKind; definition: string };

function toRecord(row: ColumnRow): ColumnRecord {
  return {
    seq: row.seq,
    listSeq: row.listSeq,
    guid: row.guid,
    name: row.name,
    kind: row.kind,
    definition: JSON.parse(row.definition) as ColumnDefinition,
  };
}

const COLUMN_FIELDS = 'seq, list_seq AS listSeq, guid, name, kind, definition';

export function columnsOfList(db: Db, listSeq: number): ColumnRecord[] {
  const rows = db.prepare(`SELECT ${COLUMN_FIELDS} FROM columns WHERE list_seq = ? ORDER BY seq`).all(listSeq);
  return (rows as ColumnRow[]).map(toRecord);
}

export function columnByGuidOrName(db: Db, listSeq: number, reference: string): ColumnRecord | undefined {
  const row = db
    .prepare(`SELECT ${COLUMN_FIELDS} FROM columns WHERE list_seq = ? AND (guid = lower(?) OR name_key = lower(?))`)
    .get(listSeq, reference, reference) as ColumnRow | undefined;
  return row === undefined ? undefined : toRecord(row);
}

export function insertColumn(
  db: Db,
  column: { listSeq: number; guid: string; kind: ColumnKind; definition: ColumnDefinition },
): ColumnRecord {
  const info = db
    .prepare('INSERT INTO columns (list_seq, guid, name, name_key, kind, definition) VALUES (?, ?, ?, ?, ?, ?)')
    .run(
      column.listSeq,
      column.guid,
      column.definition.name,
      column.definition.name.toLowerCase(),
      column.kind,
      JSON.stringify(column.definition),
    );
  return { seq: Number(info.lastInsertRowid), ...column, name: column.definition.name };
}

export function updateColumnDefinition(db: Db, column: ColumnRecord, definition: ColumnDefinition): ColumnRecord {
  db.prepare('UPDATE columns SET definition = ? WHERE seq = ?').run(JSON.stringify(definition), column.seq);
  return { ...column, definition };
}

export function deleteColumnRow(db: Db, column: ColumnRecord): void {
  db.prepare('DELETE FROM columns WHERE seq = ?').run(column.seq);
}

/** Whether a column's values are text that SharePoint compares without regard to case. */
export function isTextual(definition: ColumnDefinition): boolean {
  return definition.text !== undefined || definition.choice !== undefined;
}

/**
 * The SQL expression a column's value is read with in filters, sorting and indexes, or undefined
 * when the column cannot be queried. Index and query must use the very same text.
 */
export function valueExpression(column: ColumnRecord): string | undefined {
  if (column.kind === 'system') {
    switch (column.name) {
      case 'ID':
        return 'item_id';
      case 'Created':
        return 'created';
      case 'Modified':
        return 'modified';
      case 'FileLeafRef':
        break;
      default:
        return undefined;
    }
  }
  const raw = `json_extract(fields, '$."${column.name}"')`;
  return isTextual(column.definition) ? `sp_fold(${raw})` : raw;
}

export function indexName(column: ColumnRecord, unique: boolean): string {
  return `${unique ? 'ux' : 'ix'}_c${column.seq}`;
}

/**
 * Makes the column's SQLite indexes match its definition: `indexed` → a partial index on
 * (value, item_id) for this list; `enforceUniqueValues` → a partial UNIQUE index on the value.
 * Throws SQLITE_CONSTRAINT_UNIQUE when existing values are duplicates (the caller maps it).
 */
export function syncColumnIndexes(db: Db, column: ColumnRecord): void {
  const expression = valueExpression(column);
  const plain = indexName(column, false);
  const unique = indexName(column, true);
  const wantIndex = expression !== undefined && column.definition.indexed && expression !== 'item_id';
  const wantUnique = expression !== undefined && column.definition.enforceUniqueValues;
  if (wantIndex && expression !== undefined) {
    db.exec(
      `CREATE INDEX IF NOT EXISTS ${plain} ON items (list_seq, ${expression}, item_id) WHERE list_seq = ${column.listSeq}`,
    );
  } else {
    db.exec(`DROP INDEX IF EXISTS ${plain}`);
  }
  if (wantUnique && expression !== undefined) {
    db.exec(`CREATE UNIQUE INDEX IF NOT EXISTS ${unique} ON items (${expression}) WHERE list_seq = ${column.listSeq}`);
  } else {
    db.exec(`DROP INDEX IF EXISTS ${unique}`);
  }
}

export function dropColumnIndexes(db: Db, column: ColumnRecord): void {
  db.exec(`DROP INDEX IF EXISTS ${indexName(column, false)}`);
  db.exec(`DROP INDEX IF EXISTS ${indexName(column, true)}`);
}

/** the column a unique index belongs to, from SQLite's "UNIQUE constraint failed: index 'ux_c12'" */
export function columnSeqFromUniqueError(message: string): number | undefined {
  const match = /index '?ux_c(\d+)'?/.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
