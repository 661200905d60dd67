/** The state a fresh data dir starts in: one empty root site. */
import { newGuid } from './ids.ts';
import { insertSite, rootSite, type SiteRow } from './store/catalog.ts';
import type { Db } from './store/sqlite.ts';

export function ensureRootSite(db: Db, now: string): SiteRow {
  return (
    rootSite(db) ??
    insertSite(
      db,
      {
        path: '',
        siteGuid: newGuid(),
        webGuid: newGuid(),
        name: 'root',
        displayName: 'Insatsnavet',
        description: 'Local SharePoint root site',
      },
      now,
    )
  );
}
