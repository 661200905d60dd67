/** listItem resources (graph.md §2.4), for plain lists and for the files of a library. */
import type { ColumnRecord } from '../columns/definition.ts';
import type { RequestScope } from '../context.ts';
import { LOCAL_USER } from '../context.ts';
import { collectLookupValues, type LibraryInfo, renderFields } from '../fields/render.ts';
import type { ListRow, SiteRow } from '../store/catalog.ts';
import { childCounts, currentVersion, driveItemByListItem, pathNames } from '../store/drives.ts';
import { type ItemRow, itemETag } from '../store/items.ts';
import { listWebUrl, siteIdOf } from './site.ts';

export type ItemRenderOptions = {
  /** undefined: no `fields`; otherwise the fields (select undefined = all) */
  readonly fields: { readonly select: readonly string[] | undefined } | undefined;
  /** top-level $select of listItem properties */
  readonly select?: readonly string[] | undefined;
};

export function userIdentity(): { user: { displayName: string; email: string; id: string } } {
  return { user: { displayName: LOCAL_USER.displayName, email: LOCAL_USER.email, id: LOCAL_USER.id } };
}

/** content type ids look like SharePoint's: the base type followed by the list's GUID */
function contentTypeId(list: ListRow, name: string): string {
  const base = name === 'Folder' ? '0x0120' : name === 'Document' ? '0x0101' : '0x0100';
  return `${base}${list.guid.replaceAll('-', '').toUpperCase()}`;
}

type Library = { info: LibraryInfo; path: string[] };

function libraryDetails(scope: RequestScope, list: ListRow, rows: readonly ItemRow[]): Map<number, Library> {
  const details = new Map<number, Library>();
  if (list.template !== 'documentLibrary') {
    return details;
  }
  const db = scope.ctx.db;
  for (const row of rows) {
    const driveItem = driveItemByListItem(db, list.seq, row.itemId);
    if (driveItem === undefined) {
      continue;
    }
    const isFolder = driveItem.isFolder === 1;
    const counts = isFolder ? childCounts(db, driveItem.id) : { files: 0, folders: 0 };
    details.set(row.itemId, {
      info: {
        name: driveItem.name,
        isFolder,
        size: isFolder ? 0 : (currentVersion(db, driveItem.id)?.size ?? 0),
        files: counts.files,
        folders: counts.folders,
      },
      path: pathNames(db, driveItem),
    });
  }
  return details;
}

export function listItemsJson(
  scope: RequestScope,
  site: SiteRow,
  list: ListRow,
  columns: readonly ColumnRecord[],
  rows: readonly ItemRow[],
  options: ItemRenderOptions,
): Record<string, unknown>[] {
  const lookups =
    options.fields === undefined
      ? new Map<number, Map<number, string>>()
      : collectLookupValues(scope.ctx.db, columns, rows);
  const library = libraryDetails(scope, list, rows);
  const siteId = siteIdOf(scope, site);
  const listUrl = listWebUrl(scope, site, list);
  return rows.map((row) => {
    const details = library.get(row.itemId);
    const webUrl =
      details === undefined
        ? `${listUrl}/${row.itemId}_.000`
        : `${listUrl}/${details.path.map(encodeURIComponent).join('/')}`;
    const json: Record<string, unknown> = {
      '@odata.etag': itemETag(row),
      createdDateTime: row.created,
      eTag: itemETag(row),
      id: String(row.itemId),
      lastModifiedDateTime: row.modified,
      webUrl,
      createdBy: userIdentity(),
      lastModifiedBy: userIdentity(),
      parentReference: { id: list.guid, siteId },
      contentType: { id: contentTypeId(list, row.contentType), name: row.contentType },
    };
    if (options.fields !== undefined) {
      json['fields@odata.context'] =
        `${scope.graphRoot}/$metadata#sites('${encodeURIComponent(siteId)}')/lists('${list.guid}')/items('${row.itemId}')/fields/$entity`;
      json.fields = renderFields(columns, row, lookups, details?.info, options.fields.select);
    }
    if (options.select === undefined) {
      return json;
    }
    const chosen: Record<string, unknown> = { '@odata.etag': json['@odata.etag'], id: json.id };
    for (const name of options.select) {
      if (name in json) {
        chosen[name] = json[name];
      }
    }
    if (options.fields !== undefined) {
      chosen['fields@odata.context'] = json['fields@odata.context'];
      chosen.fields = json.fields;
    }
    return chosen;
  });
}

/** The bare fieldValueSet (GET/PATCH …/fields) with its own @odata.context. */
export function fieldValueSetJson(
  scope: RequestScope,
  site: SiteRow,
  list: ListRow,
  columns: readonly ColumnRecord[],
  row: ItemRow,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const item = listItemsJson(scope, site, list, columns, [row], { fields: { select } })[0];
  const fields = (item?.fields ?? {}) as Record<string, unknown>;
  return {
    '@odata.context': `${scope.graphRoot}/$metadata#sites('${encodeURIComponent(siteIdOf(scope, site))}')/lists('${list.guid}')/items('${row.itemId}')/fields/$entity`,
    ...fields,
  };
}
