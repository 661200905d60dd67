/** Finding the site, list, item and drive a request addresses; 404 itemNotFound when absent. */
import type { ColumnRecord } from '../columns/definition.ts';
import type { RequestScope } from '../context.ts';
import { itemNotFound } from '../errors.ts';
import { isGuid } from '../ids.ts';
import {
  type ListRow,
  listByDriveId,
  listByGuid,
  listByTitle,
  rootSite,
  type SiteRow,
  siteByGuids,
  siteByPath,
  siteBySeq,
} from '../store/catalog.ts';
import { columnsOfList } from '../store/columns.ts';
import { type ItemRow, itemById } from '../store/items.ts';

export type SiteAddress =
  | { readonly kind: 'root' }
  | { readonly kind: 'path'; readonly hostname: string; readonly path: string }
  | {
      readonly kind: 'id';
      readonly hostname: string | undefined;
      readonly siteGuid: string;
      readonly webGuid: string | undefined;
    }
  | { readonly kind: 'invalid'; readonly text: string };

/** Reads `root`, `{hostname}`, `{hostname},{guid},{guid}`, `{hostname},{guid}` or `{guid}`. */
export function parseSiteToken(token: string): SiteAddress {
  if (token === 'root') {
    return { kind: 'root' };
  }
  const parts = token.split(',');
  if (parts.length === 1) {
    if (isGuid(token)) {
      return { kind: 'id', hostname: undefined, siteGuid: token, webGuid: undefined };
    }
    return token.includes('.') ? { kind: 'path', hostname: token, path: '' } : { kind: 'invalid', text: token };
  }
  const [hostname, siteGuid, webGuid] = parts;
  if (
    hostname !== undefined &&
    siteGuid !== undefined &&
    isGuid(siteGuid) &&
    parts.length <= 3 &&
    (webGuid === undefined || isGuid(webGuid))
  ) {
    return { kind: 'id', hostname, siteGuid, webGuid };
  }
  return { kind: 'invalid', text: token };
}

const SITE_NOT_FOUND = 'Requested site could not be found';

export function resolveSite(scope: RequestScope, address: SiteAddress): SiteRow {
  const db = scope.ctx.db;
  const sameHost = (hostname: string | undefined): boolean =>
    hostname === undefined || hostname.toLowerCase() === scope.ctx.hostname.toLowerCase();
  let site: SiteRow | undefined;
  switch (address.kind) {
    case 'root':
      site = rootSite(db);
      break;
    case 'path':
      site = sameHost(address.hostname) ? siteByPath(db, address.path.replace(/\/+$/, '')) : undefined;
      break;
    case 'id':
      site = sameHost(address.hostname) ? siteByGuids(db, address.siteGuid, address.webGuid) : undefined;
      break;
    case 'invalid':
      site = undefined;
      break;
  }
  if (site === undefined) {
    throw itemNotFound(SITE_NOT_FOUND);
  }
  return site;
}

export function resolveList(scope: RequestScope, site: SiteRow, reference: string): ListRow {
  const db = scope.ctx.db;
  const list = isGuid(reference) ? listByGuid(db, reference) : listByTitle(db, site.seq, reference);
  if (list === undefined || list.siteSeq !== site.seq) {
    throw itemNotFound(
      `List '${reference}' does not exist at site with URL '${`https://${scope.ctx.hostname}${site.path}`}'.`,
    );
  }
  return list;
}

export function resolveItem(scope: RequestScope, list: ListRow, reference: string): ItemRow {
  const row = /^\d{1,10}$/.test(reference) ? itemById(scope.ctx.db, list.seq, Number(reference)) : undefined;
  if (row === undefined) {
    throw itemNotFound('The resource could not be found.');
  }
  return row;
}

export type DriveContext = { readonly site: SiteRow; readonly list: ListRow; readonly columns: ColumnRecord[] };

export function driveOfList(scope: RequestScope, site: SiteRow, list: ListRow): DriveContext {
  if (list.driveId === null) {
    throw itemNotFound('The list is not a document library, so it has no drive.');
  }
  return { site, list, columns: columnsOfList(scope.ctx.db, list.seq) };
}

export function resolveDriveById(scope: RequestScope, driveId: string): DriveContext {
  const db = scope.ctx.db;
  const list = listByDriveId(db, driveId);
  const site = list === undefined ? undefined : siteBySeq(db, list.siteSeq);
  if (list === undefined || site === undefined) {
    throw itemNotFound('The drive could not be found.');
  }
  return { site, list, columns: columnsOfList(db, list.seq) };
}
