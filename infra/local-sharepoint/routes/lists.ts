/** Sites, lists and columns: GET /sites/…, /lists, /lists/{id}, /lists/{id}/columns. */
import { z } from 'zod';
import { builtinColumns } from '../columns/builtin.ts';
import { columnJson } from '../columns/definition.ts';
import { addColumn, newColumnDefinition, patchColumn, zodMessage } from '../columns/manage.ts';
import type { RequestScope } from '../context.ts';
import { GraphError, invalidRequest, itemNotFound } from '../errors.ts';
import { type EmulatorResponse, jsonResponse, noContent } from '../http-types.ts';
import { driveIdFor, newDriveItemId, newGuid } from '../ids.ts';
import { readJsonObject } from '../json-body.ts';
import { parseExpand } from '../odata/expand-parser.ts';
import { parseFilter } from '../odata/filter-parser.ts';
import { ODataSyntaxError } from '../odata/tokenizer.ts';
import { listJson, siteIdOf, siteJson } from '../shapes/site.ts';
import { insertList, type ListRow, listByTitle, listsOfSite, type SiteRow } from '../store/catalog.ts';
import { columnByGuidOrName, columnsOfList, dropColumnIndexes, insertColumn } from '../store/columns.ts';
import { dropOrphanBlobs, insertDriveItem } from '../store/drives.ts';

function siteContext(scope: RequestScope, site: SiteRow): string {
  return `${scope.graphRoot}/$metadata#sites('${encodeURIComponent(siteIdOf(scope, site))}')`;
}

export function getSite(scope: RequestScope, site: SiteRow): EmulatorResponse {
  return jsonResponse(200, {
    '@odata.context': `${scope.graphRoot}/$metadata#sites/$entity`,
    ...siteJson(scope, site),
  });
}

function expandsColumns(scope: RequestScope): boolean {
  const expand = scope.query.system('expand');
  if (expand === undefined) {
    return false;
  }
  const clauses = parseExpand(expand);
  for (const clause of clauses) {
    if (clause.name !== 'columns') {
      throw new GraphError(
        400,
        'notSupported',
        `$expand=${clause.name} on lists is not supported by the local SharePoint.`,
      );
    }
  }
  return clauses.length > 0;
}

/** Graph only filters lists by displayName (graph.md §1 row 3). */
function listFilter(scope: RequestScope): ((list: ListRow) => boolean) | undefined {
  const filter = scope.query.system('filter');
  if (filter === undefined) {
    return undefined;
  }
  const unsupported = invalidRequest('The provided filter statement is not supported');
  let node: ReturnType<typeof parseFilter>;
  try {
    node = parseFilter(filter);
  } catch (error) {
    if (error instanceof ODataSyntaxError) {
      throw invalidRequest(error.message);
    }
    throw error;
  }
  if (
    node.kind !== 'compare' ||
    node.op !== 'eq' ||
    node.property.kind !== 'item' ||
    node.property.name !== 'displayName' ||
    node.value.type !== 'string'
  ) {
    throw unsupported;
  }
  const wanted = node.value.value;
  return (list) => list.title === wanted;
}

export function getLists(scope: RequestScope, site: SiteRow): EmulatorResponse {
  const expandColumns = expandsColumns(scope);
  const filter = listFilter(scope);
  const lists = listsOfSite(scope.ctx.db, site.seq).filter((list) => filter === undefined || filter(list));
  return jsonResponse(200, {
    '@odata.context': `${siteContext(scope, site)}/lists`,
    value: lists.map((list) => listJson(scope, site, list, { expandColumns })),
  });
}

export function getList(scope: RequestScope, site: SiteRow, list: ListRow): EmulatorResponse {
  return jsonResponse(200, {
    '@odata.context': `${siteContext(scope, site)}/lists/$entity`,
    ...listJson(scope, site, list, { expandColumns: expandsColumns(scope) }),
  });
}

const listCreateSchema = z.looseObject({
  displayName: z.string().trim().min(1).max(255),
  description: z.string().max(1000).optional(),
  columns: z.array(z.unknown()).max(500).optional(),
  list: z
    .looseObject({
      template: z.string().optional(),
      hidden: z.boolean().optional(),
      contentTypesEnabled: z.boolean().optional(),
    })
    .optional(),
});

const DUPLICATE_TITLE =
  'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.';

export function createList(scope: RequestScope, site: SiteRow): EmulatorResponse {
  const body = readJsonObject(scope);
  if (body.name !== undefined) {
    throw invalidRequest(
      "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
    );
  }
  const parsed = listCreateSchema.safeParse(body);
  if (!parsed.success) {
    throw invalidRequest(`Invalid list: ${zodMessage(parsed.error)}`);
  }
  const input = parsed.data;
  const template = input.list?.template ?? 'genericList';
  if (template !== 'genericList' && template !== 'documentLibrary') {
    throw new GraphError(
      400,
      'notSupported',
      `List template '${template}' is not supported by the local SharePoint (genericList and documentLibrary are).`,
    );
  }
  const db = scope.ctx.db;
  if (listByTitle(db, site.seq, input.displayName) !== undefined) {
    throw new GraphError(409, 'nameAlreadyExists', DUPLICATE_TITLE);
  }
  const builtins = builtinColumns(template);
  const definitions = (input.columns ?? []).map((raw) => newColumnDefinition(db, site.seq, raw));
  const names = new Set(builtins.map((column) => column.definition.name.toLowerCase()));
  for (const definition of definitions) {
    const key = definition.name.toLowerCase();
    if (names.has(key)) {
      throw invalidRequest(`The column name '${definition.name}' is used more than once (or by a built-in column).`);
    }
    names.add(key);
  }
  const guid = newGuid();
  const list = insertList(
    db,
    {
      siteSeq: site.seq,
      guid,
      title: input.displayName,
      description: input.description ?? '',
      template,
      driveId: template === 'documentLibrary' ? driveIdFor(site.siteGuid, site.webGuid, guid) : null,
    },
    scope.nowIso,
  );
  for (const builtin of builtins) {
    insertColumn(db, { listSeq: list.seq, guid: newGuid(), kind: builtin.kind, definition: builtin.definition });
  }
  for (const definition of definitions) {
    addColumn(db, list, definition, 'user', scope.nowIso);
  }
  if (template === 'documentLibrary') {
    insertDriveItem(
      db,
      { id: newDriveItemId(), listSeq: list.seq, itemId: null, parentId: null, name: 'root', isFolder: true },
      scope.nowIso,
    );
  }
  const created = listByTitle(db, site.seq, input.displayName) ?? list;
  return jsonResponse(201, {
    '@odata.context': `${siteContext(scope, site)}/lists/$entity`,
    ...listJson(scope, site, created, { expandColumns: false }),
  });
}

export function deleteList(scope: RequestScope, list: ListRow): EmulatorResponse {
  const db = scope.ctx.db;
  for (const column of columnsOfList(db, list.seq)) {
    dropColumnIndexes(db, column);
  }
  // items, columns, drive items and versions go with the list (ON DELETE CASCADE)
  db.prepare('DELETE FROM lists WHERE seq = ?').run(list.seq);
  dropOrphanBlobs(db);
  return noContent();
}

export function getColumns(scope: RequestScope, site: SiteRow, list: ListRow): EmulatorResponse {
  return jsonResponse(200, {
    '@odata.context': `${siteContext(scope, site)}/lists('${list.guid}')/columns`,
    value: columnsOfList(scope.ctx.db, list.seq)
      .filter((column) => !column.definition.hidden)
      .map(columnJson),
  });
}

function resolveColumn(scope: RequestScope, list: ListRow, reference: string) {
  const column = columnByGuidOrName(scope.ctx.db, list.seq, reference);
  if (column === undefined) {
    throw itemNotFound(`Column '${reference}' does not exist. It may have been deleted by another user.`);
  }
  return column;
}

export function getColumn(scope: RequestScope, site: SiteRow, list: ListRow, reference: string): EmulatorResponse {
  return jsonResponse(200, {
    '@odata.context': `${siteContext(scope, site)}/lists('${list.guid}')/columns/$entity`,
    ...columnJson(resolveColumn(scope, list, reference)),
  });
}

export function createColumn(scope: RequestScope, site: SiteRow, list: ListRow): EmulatorResponse {
  const definition = newColumnDefinition(scope.ctx.db, site.seq, readJsonObject(scope));
  const column = addColumn(scope.ctx.db, list, definition, 'user', scope.nowIso);
  return jsonResponse(201, {
    '@odata.context': `${siteContext(scope, site)}/lists('${list.guid}')/columns/$entity`,
    ...columnJson(column),
  });
}

export function updateColumn(scope: RequestScope, site: SiteRow, list: ListRow, reference: string): EmulatorResponse {
  const column = resolveColumn(scope, list, reference);
  const updated = patchColumn(scope.ctx.db, list, column, readJsonObject(scope), scope.nowIso);
  return jsonResponse(200, {
    '@odata.context': `${siteContext(scope, site)}/lists('${list.guid}')/columns/$entity`,
    ...columnJson(updated),
  });
}

export function deleteColumn(scope: RequestScope, list: ListRow, reference: string): EmulatorResponse {
  const column = resolveColumn(scope, list, reference);
  if (column.kind !== 'user') {
    throw invalidRequest(`Column '${column.name}' belongs to the list template and cannot be deleted.`);
  }
  const db = scope.ctx.db;
  dropColumnIndexes(db, column);
  // the values go with the column, as in SharePoint
  db.prepare(`UPDATE items SET fields = json_remove(fields, '$."${column.name}"') WHERE list_seq = ?`).run(list.seq);
  db.prepare('DELETE FROM columns WHERE seq = ?').run(column.seq);
  return noContent();
}
