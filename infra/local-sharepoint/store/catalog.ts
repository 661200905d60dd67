/** Rows of sites, lists and columns, and the queries that find them. */
import { normaliseGuid } from '../ids.ts';
import type { Db } from './sqlite.ts';

export type SiteRow = {
  readonly seq: number;
  /** server-relative path; '' for the root site */
  readonly path: string;
  readonly siteGuid: string;
  readonly webGuid: string;
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly created: string;
  readonly modified: string;
};

export type ListTemplate = 'genericList' | 'documentLibrary';

export type ListRow = {
  readonly seq: number;
  readonly siteSeq: number;
  readonly guid: string;
  readonly title: string;
  readonly description: string;
  readonly template: ListTemplate;
  readonly driveId: string | null;
  readonly created: string;
  readonly modified: string;
  readonly nextItemId: number;
  readonly version: number;
};

const SITE_COLUMNS =
  'seq, path, site_guid AS siteGuid, web_guid AS webGuid, name, display_name AS displayName, description, created, modified';
const LIST_COLUMNS =
  'seq, site_seq AS siteSeq, guid, title, description, template, drive_id AS driveId, created, modified, next_item_id AS nextItemId, version';

export function siteByPath(db: Db, sitePath: string): SiteRow | undefined {
  return db.prepare(`SELECT ${SITE_COLUMNS} FROM sites WHERE lower(path) = lower(?)`).get(sitePath) as
    | SiteRow
    | undefined;
}

export function siteBySeq(db: Db, seq: number): SiteRow | undefined {
  return db.prepare(`SELECT ${SITE_COLUMNS} FROM sites WHERE seq = ?`).get(seq) as SiteRow | undefined;
}

export function siteByGuids(db: Db, siteGuid: string, webGuid: string | undefined): SiteRow | undefined {
  if (webGuid === undefined) {
    // `{hostname},{spsite-id}` or `{spsite-id}` alone address the root web of that collection
    return db.prepare(`SELECT ${SITE_COLUMNS} FROM sites WHERE site_guid = ?`).get(normaliseGuid(siteGuid)) as
      | SiteRow
      | undefined;
  }
  return db
    .prepare(`SELECT ${SITE_COLUMNS} FROM sites WHERE site_guid = ? AND web_guid = ?`)
    .get(normaliseGuid(siteGuid), normaliseGuid(webGuid)) as SiteRow | undefined;
}

export function rootSite(db: Db): SiteRow | undefined {
  return siteByPath(db, '');
}

export function insertSite(
  db: Db,
  site: { path: string; siteGuid: string; webGuid: string; name: string; displayName: string; description: string },
  now: string,
): SiteRow {
  const info = db
    .prepare(
      'INSERT INTO sites (path, site_guid, web_guid, name, display_name, description, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(site.path, site.siteGuid, site.webGuid, site.name, site.displayName, site.description, now, now);
  const row = siteBySeq(db, Number(info.lastInsertRowid));
  if (row === undefined) {
    throw new Error('site vanished after insert');
  }
  return row;
}

export function listsOfSite(db: Db, siteSeq: number): ListRow[] {
  return db.prepare(`SELECT ${LIST_COLUMNS} FROM lists WHERE site_seq = ? ORDER BY seq`).all(siteSeq) as ListRow[];
}

export function listBySeq(db: Db, seq: number): ListRow | undefined {
  return db.prepare(`SELECT ${LIST_COLUMNS} FROM lists WHERE seq = ?`).get(seq) as ListRow | undefined;
}

export function listByGuid(db: Db, guid: string): ListRow | undefined {
  return db.prepare(`SELECT ${LIST_COLUMNS} FROM lists WHERE guid = ?`).get(normaliseGuid(guid)) as ListRow | undefined;
}

export function listByDriveId(db: Db, driveId: string): ListRow | undefined {
  return db.prepare(`SELECT ${LIST_COLUMNS} FROM lists WHERE drive_id = ?`).get(driveId) as ListRow | undefined;
}

export function listByTitle(db: Db, siteSeq: number, title: string): ListRow | undefined {
  return db
    .prepare(`SELECT ${LIST_COLUMNS} FROM lists WHERE site_seq = ? AND title_key = ?`)
    .get(siteSeq, titleKey(title)) as ListRow | undefined;
}

/** list titles are unique per site regardless of case, as in SharePoint */
export function titleKey(title: string): string {
  return title.trim().toLowerCase();
}

export function insertList(
  db: Db,
  list: {
    siteSeq: number;
    guid: string;
    title: string;
    description: string;
    template: ListTemplate;
    driveId: string | null;
  },
  now: string,
): ListRow {
  const info = db
    .prepare(
      'INSERT INTO lists (site_seq, guid, title, title_key, description, template, drive_id, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(
      list.siteSeq,
      list.guid,
      list.title,
      titleKey(list.title),
      list.description,
      list.template,
      list.driveId,
      now,
      now,
    );
  const row = listBySeq(db, Number(info.lastInsertRowid));
  if (row === undefined) {
    throw new Error('list vanished after insert');
  }
  return row;
}

/** a list's lastModifiedDateTime and eTag move whenever its items or columns change */
export function touchList(db: Db, listSeq: number, now: string): void {
  db.prepare('UPDATE lists SET modified = ?, version = version + 1 WHERE seq = ?').run(now, listSeq);
}

/** item ids are never reused: the counter only grows */
export function takeNextItemId(db: Db, listSeq: number): number {
  const row = db
    .prepare('UPDATE lists SET next_item_id = next_item_id + 1 WHERE seq = ? RETURNING next_item_id - 1 AS id')
    .get(listSeq) as { id: number } | undefined;
  if (row === undefined) {
    throw new Error(`list ${listSeq} vanished`);
  }
  return row.id;
}
