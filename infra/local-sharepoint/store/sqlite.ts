/**
 * The SQLite file behind the local SharePoint. One connection, WAL, and every request's work in
 * one transaction that commits before the answer is sent: a write that was answered survives
 * kill -9 (WAL + synchronous=NORMAL is durable against a process crash; only an OS crash or a
 * power cut may lose the last commits).
 *
 * Item field values live as JSON in items.fields. Indexed and unique columns get partial
 * expression indexes per list (store/indexes.ts); queries repeat the same expression and the
 * literal list_seq so the planner uses them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export const DATABASE_FILE = 'local-sharepoint.sqlite';

/**
 * SharePoint compares and sorts text case-insensitively and treats values that differ only by
 * case as duplicates in unique columns; indexes and queries fold text through this function.
 */
export function foldText(value: unknown): unknown {
  return typeof value === 'string' ? value.toLowerCase() : value;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sites (
  seq INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  site_guid TEXT NOT NULL,
  web_guid TEXT NOT NULL,
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lists (
  seq INTEGER PRIMARY KEY,
  site_seq INTEGER NOT NULL REFERENCES sites(seq) ON DELETE CASCADE,
  guid TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  template TEXT NOT NULL,
  drive_id TEXT UNIQUE,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  next_item_id INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (site_seq, title_key)
);
CREATE TABLE IF NOT EXISTS columns (
  seq INTEGER PRIMARY KEY,
  list_seq INTEGER NOT NULL REFERENCES lists(seq) ON DELETE CASCADE,
  guid TEXT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  definition TEXT NOT NULL,
  UNIQUE (list_seq, name_key)
);
CREATE TABLE IF NOT EXISTS items (
  seq INTEGER PRIMARY KEY,
  list_seq INTEGER NOT NULL REFERENCES lists(seq) ON DELETE CASCADE,
  item_id INTEGER NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (list_seq, item_id)
);
CREATE TABLE IF NOT EXISTS drive_items (
  id TEXT PRIMARY KEY,
  list_seq INTEGER NOT NULL REFERENCES lists(seq) ON DELETE CASCADE,
  item_id INTEGER,
  parent_id TEXT,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  is_folder INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  content_version INTEGER NOT NULL DEFAULT 0,
  UNIQUE (parent_id, name_key)
);
CREATE INDEX IF NOT EXISTS drive_items_by_list_item ON drive_items (list_seq, item_id);
CREATE TABLE IF NOT EXISTS file_versions (
  drive_item_id TEXT NOT NULL REFERENCES drive_items(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  modified TEXT NOT NULL,
  PRIMARY KEY (drive_item_id, version)
);
CREATE TABLE IF NOT EXISTS blobs (
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
);
`;

export function openDatabase(dataDir: string): Db {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, DATABASE_FILE);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // deterministic: it is used in index expressions
  db.function('sp_fold', { deterministic: true }, (value: unknown) => foldText(value) as string | number | null);
  db.exec(SCHEMA);
  return db;
}

export function readMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** Empties every table and drops the per-list indexes: the state of a fresh data dir. */
export function wipeDatabase(db: Db): void {
  const dynamic = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND (name LIKE 'ix\\_c%' ESCAPE '\\' OR name LIKE 'ux\\_c%' ESCAPE '\\')",
    )
    .all() as { name: string }[];
  for (const index of dynamic) {
    db.exec(`DROP INDEX IF EXISTS "${index.name}"`);
  }
  for (const table of ['file_versions', 'blobs', 'drive_items', 'items', 'columns', 'lists', 'sites', 'meta']) {
    db.exec(`DELETE FROM ${table}`);
  }
}
