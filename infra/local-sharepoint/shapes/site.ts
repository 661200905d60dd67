/** site and list resources as Graph returns them (graph.md §2.1, §2.2). */
import { columnJson } from '../columns/definition.ts';
import type { RequestScope } from '../context.ts';
import { LOCAL_USER } from '../context.ts';
import { siteId } from '../ids.ts';
import type { ListRow, SiteRow } from '../store/catalog.ts';
import { columnsOfList } from '../store/columns.ts';

export function siteWebUrl(scope: RequestScope, site: SiteRow): string {
  return `https://${scope.ctx.hostname}${site.path}`;
}

export function siteIdOf(scope: RequestScope, site: SiteRow): string {
  return siteId(scope.ctx.hostname, site.siteGuid, site.webGuid);
}

export function siteJson(scope: RequestScope, site: SiteRow): Record<string, unknown> {
  const json: Record<string, unknown> = {
    createdDateTime: site.created,
    description: site.description,
    id: siteIdOf(scope, site),
    lastModifiedDateTime: site.modified,
    name: site.name,
    webUrl: siteWebUrl(scope, site),
    displayName: site.displayName,
    siteCollection: { hostname: scope.ctx.hostname },
  };
  if (site.path === '') {
    json.root = {};
  }
  return json;
}

/** the URL segment of a list: libraries sit at the site root, lists under /Lists */
export function listWebUrl(scope: RequestScope, site: SiteRow, list: ListRow): string {
  const urlName = encodeURIComponent(list.title.replaceAll(' ', ''));
  return list.template === 'documentLibrary'
    ? `${siteWebUrl(scope, site)}/${urlName}`
    : `${siteWebUrl(scope, site)}/Lists/${urlName}`;
}

export function listETag(list: ListRow): string {
  return `"${list.guid},${list.version}"`;
}

export function listJson(
  scope: RequestScope,
  site: SiteRow,
  list: ListRow,
  options: { expandColumns: boolean },
): Record<string, unknown> {
  const json: Record<string, unknown> = {
    '@odata.etag': listETag(list),
    createdDateTime: list.created,
    description: list.description,
    eTag: listETag(list),
    id: list.guid,
    lastModifiedDateTime: list.modified,
    name: list.title,
    webUrl: listWebUrl(scope, site, list),
    displayName: list.title,
    createdBy: { user: { displayName: LOCAL_USER.displayName, email: LOCAL_USER.email } },
    parentReference: { siteId: siteIdOf(scope, site) },
    list: { contentTypesEnabled: false, hidden: false, template: list.template },
  };
  if (options.expandColumns) {
    json['columns@odata.context'] =
      `${scope.graphRoot}/$metadata#sites('${encodeURIComponent(siteIdOf(scope, site))}')/lists('${list.guid}')/columns`;
    json.columns = columnsOfList(scope.ctx.db, list.seq)
      .filter((column) => !column.definition.hidden)
      .map(columnJson);
  }
  return json;
}
