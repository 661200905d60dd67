/**
 * Maps a Graph path (after /v1.0, still percent-encoded) to a route template and its handlers.
 * Matching is purely syntactic, so the request log knows the route even when the handler then
 * answers 404; lookups happen when a handler runs. Path addressing (`hostname:/sites/x:` and
 * `root:/folder/file.pdf:`) is recognised on the raw path, before segments are decoded.
 */
import type { RequestScope } from './context.ts';
import { invalidRequest, notSupported, unknownSegment } from './errors.ts';
import type { EmulatorResponse } from './http-types.ts';
import { getGroup, getGroupMembers, getUser, getUsers } from './routes/directory.ts';
import {
  createChild,
  defaultDrive,
  deleteDriveItem,
  download,
  downloadVersion,
  driveItemByPath,
  driveItemOf,
  driveItemOfListItem,
  getChildren,
  getDrive,
  getDriveItem,
  getDriveListItem,
  getDriveListItemFields,
  getDrives,
  getVersion,
  getVersions,
  patchDriveListItemFields,
  replaceContent,
  rootOf,
  uploadByPath,
} from './routes/drives.ts';
import { createItem, deleteItem, getFields, getItem, getItems, updateFields, updateItem } from './routes/items.ts';
import {
  createColumn,
  createList,
  deleteColumn,
  deleteList,
  getColumn,
  getColumns,
  getList,
  getLists,
  getSite,
  updateColumn,
} from './routes/lists.ts';
import {
  type DriveContext,
  driveOfList,
  parseSiteToken,
  resolveDriveById,
  resolveItem,
  resolveList,
  resolveSite,
  type SiteAddress,
} from './routes/resolve.ts';
import type { SiteRow } from './store/catalog.ts';
import type { DriveItemRow } from './store/drives.ts';

export type RouteHandler = (scope: RequestScope) => EmulatorResponse;
export type Handlers = Readonly<Partial<Record<string, RouteHandler>>>;
export type RouteMatch =
  | { readonly kind: 'route'; readonly template: string; readonly handlers: Handlers }
  | { readonly kind: 'batch'; readonly template: '/$batch' };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // a malformed %-escape is the client's error
    throw invalidRequest(`The path segment '${segment}' is not correctly percent-encoded.`);
  }
}

function route(template: string, handlers: Handlers): RouteMatch {
  return { kind: 'route', template, handlers };
}

export function matchGraphRoute(graphPath: string): RouteMatch {
  const path = graphPath.length > 1 ? graphPath.replace(/\/+$/, '') : graphPath;
  if (path === '/$batch') {
    return { kind: 'batch', template: '/$batch' };
  }
  const rawSegments = path.split('/').slice(1);
  const [first = ''] = rawSegments;
  switch (first) {
    case 'sites':
      return matchSites(path.slice('/sites'.length));
    case 'drives': {
      const driveId = rawSegments[1];
      if (driveId === undefined) {
        return route('/drives', {
          GET: () => {
            throw notSupported('Listing all drives is not supported; use /sites/{id}/drives.');
          },
        });
      }
      const id = decode(driveId);
      const rest = path.slice(`/drives/${driveId}`.length);
      return matchDrive((scope) => resolveDriveById(scope, id), rest, '/drives/{id}');
    }
    case 'users':
    case 'groups':
      return matchDirectory(rawSegments.map(decode));
    default: {
      const userByKey = /^users\('(.+)'\)$/.exec(decode(first));
      if (userByKey?.[1] !== undefined && rawSegments.length === 1) {
        const key = userByKey[1].replaceAll("''", "'");
        return route("/users('{id}')", { GET: (scope) => getUser(scope, key) });
      }
      throw unknownSegment(decode(first));
    }
  }
}

function matchSites(rawRest: string): RouteMatch {
  if (rawRest === '') {
    return route('/sites', {
      GET: () => {
        throw notSupported('Searching sites is not supported by the local SharePoint; address a site directly.');
      },
    });
  }
  const body = rawRest.slice(1);
  let address: SiteAddress;
  let rest: string;
  const byPath = /^([^/:,]+):(\/[^:]*)?(?::(\/.*)?)?$/.exec(body);
  if (byPath !== null) {
    address = { kind: 'path', hostname: decode(byPath[1] ?? ''), path: decode(byPath[2] ?? '') };
    rest = byPath[3] ?? '';
  } else {
    const slash = body.indexOf('/');
    address = parseSiteToken(decode(slash === -1 ? body : body.slice(0, slash)));
    rest = slash === -1 ? '' : body.slice(slash);
  }
  return matchSite((scope) => resolveSite(scope, address), rest);
}

function matchSite(siteOf: (scope: RequestScope) => SiteRow, rawRest: string): RouteMatch {
  const raw = rawRest.split('/').slice(1);
  const base = '/sites/{id}';
  if (raw.length === 0) {
    return route(base, { GET: (scope) => getSite(scope, siteOf(scope)) });
  }
  const [resource = '', listRef, sub, subId, leaf, ...more] = raw;
  if (resource === 'drives' && listRef === undefined) {
    return route(`${base}/drives`, { GET: (scope) => getDrives(scope, siteOf(scope)) });
  }
  if (resource === 'drive') {
    return matchDrive((scope) => defaultDrive(scope, siteOf(scope)), rawRest.slice('/drive'.length), `${base}/drive`);
  }
  if (resource !== 'lists') {
    throw unknownSegment(decode(resource));
  }
  if (listRef === undefined) {
    return route(`${base}/lists`, {
      GET: (scope) => getLists(scope, siteOf(scope)),
      POST: (scope) => createList(scope, siteOf(scope)),
    });
  }
  const listKey = decode(listRef);
  const listOf = (scope: RequestScope) => {
    const site = siteOf(scope);
    return { site, list: resolveList(scope, site, listKey) };
  };
  const listBase = `${base}/lists/{id}`;
  if (sub === undefined) {
    return route(listBase, {
      GET: (scope) => {
        const { site, list } = listOf(scope);
        return getList(scope, site, list);
      },
      DELETE: (scope) => deleteList(scope, listOf(scope).list),
    });
  }
  if (sub === 'drive') {
    return matchDrive(
      (scope) => {
        const { site, list } = listOf(scope);
        return driveOfList(scope, site, list);
      },
      rawRest.slice(`/lists/${listRef}/drive`.length),
      `${listBase}/drive`,
    );
  }
  if (more.length > 0) {
    throw unknownSegment(decode(more[0] ?? ''));
  }
  if (sub === 'columns') {
    if (subId === undefined) {
      return route(`${listBase}/columns`, {
        GET: (scope) => {
          const { site, list } = listOf(scope);
          return getColumns(scope, site, list);
        },
        POST: (scope) => {
          const { site, list } = listOf(scope);
          return createColumn(scope, site, list);
        },
      });
    }
    const columnRef = decode(subId);
    if (leaf !== undefined) {
      throw unknownSegment(decode(leaf));
    }
    return route(`${listBase}/columns/{id}`, {
      GET: (scope) => {
        const { site, list } = listOf(scope);
        return getColumn(scope, site, list, columnRef);
      },
      PATCH: (scope) => {
        const { site, list } = listOf(scope);
        return updateColumn(scope, site, list, columnRef);
      },
      DELETE: (scope) => deleteColumn(scope, listOf(scope).list, columnRef),
    });
  }
  if (sub !== 'items') {
    throw unknownSegment(decode(sub));
  }
  if (subId === undefined) {
    return route(`${listBase}/items`, {
      GET: (scope) => {
        const { site, list } = listOf(scope);
        return getItems(scope, site, list);
      },
      POST: (scope) => {
        const { site, list } = listOf(scope);
        return createItem(scope, site, list);
      },
    });
  }
  const itemRef = decode(subId);
  const itemOf = (scope: RequestScope) => {
    const { site, list } = listOf(scope);
    return { site, list, row: resolveItem(scope, list, itemRef) };
  };
  if (leaf === undefined) {
    return route(`${listBase}/items/{id}`, {
      GET: (scope) => {
        const { site, list, row } = itemOf(scope);
        return getItem(scope, site, list, row);
      },
      PATCH: (scope) => {
        const { site, list, row } = itemOf(scope);
        return updateItem(scope, site, list, row);
      },
      DELETE: (scope) => {
        const { list, row } = itemOf(scope);
        return deleteItem(scope, list, row);
      },
    });
  }
  if (leaf === 'fields') {
    return route(`${listBase}/items/{id}/fields`, {
      GET: (scope) => {
        const { site, list, row } = itemOf(scope);
        return getFields(scope, site, list, row);
      },
      PATCH: (scope) => {
        const { site, list, row } = itemOf(scope);
        return updateFields(scope, site, list, row);
      },
    });
  }
  if (leaf === 'driveItem') {
    return route(`${listBase}/items/{id}/driveItem`, {
      GET: (scope) => {
        const { site, list, row } = itemOf(scope);
        return driveItemOfListItem(scope, driveOfList(scope, site, list), row);
      },
    });
  }
  throw unknownSegment(decode(leaf));
}

const DRIVE_PATH = /^\/(root|items\/([^/:]+)):(\/[^:]*)?(?::(\/.*)?)?$/;

function matchDrive(driveOf: (scope: RequestScope) => DriveContext, rawRest: string, base: string): RouteMatch {
  if (rawRest === '') {
    return route(base, { GET: (scope) => getDrive(scope, driveOf(scope)) });
  }
  const byPath = DRIVE_PATH.exec(rawRest);
  if (byPath !== null) {
    const isRoot = byPath[1] === 'root';
    const baseId = isRoot ? 'root' : decode(byPath[2] ?? '');
    const segments = (byPath[3] ?? '')
      .split('/')
      .filter((segment) => segment !== '')
      .map(decode);
    const continuation = byPath[4] ?? '';
    const template = `${base}/${isRoot ? 'root' : 'items/{id}'}:/{path}:`;
    const baseOf = (scope: RequestScope) => {
      const drive = driveOf(scope);
      return { drive, base: driveItemOf(scope, drive, baseId) };
    };
    if (continuation === '/content') {
      const reads = matchDriveItem(
        (scope) => {
          const { drive, base: start } = baseOf(scope);
          return { drive, item: driveItemByPath(scope, start, segments) };
        },
        ['content'],
        template,
      );
      return route(`${template}/content`, {
        ...(reads.kind === 'route' ? reads.handlers : {}),
        PUT: (scope) => {
          const { drive, base: start } = baseOf(scope);
          return uploadByPath(scope, drive, start, segments);
        },
      });
    }
    return matchDriveItem(
      (scope) => {
        const { drive, base: start } = baseOf(scope);
        return { drive, item: driveItemByPath(scope, start, segments) };
      },
      continuation.split('/').slice(1).map(decode),
      template,
    );
  }
  const raw = rawRest.split('/').slice(1);
  const [resource = '', id, ...more] = raw;
  if (resource === 'root') {
    const rest = id === undefined ? [] : [id, ...more];
    return matchDriveItem(
      (scope) => {
        const drive = driveOf(scope);
        return { drive, item: rootOf(scope, drive) };
      },
      rest.map(decode),
      `${base}/root`,
    );
  }
  if (resource === 'items' && id !== undefined) {
    const itemId = decode(id);
    return matchDriveItem(
      (scope) => {
        const drive = driveOf(scope);
        return { drive, item: driveItemOf(scope, drive, itemId) };
      },
      more.map(decode),
      `${base}/items/{id}`,
    );
  }
  throw unknownSegment(decode(resource));
}

type ItemOf = (scope: RequestScope) => { drive: DriveContext; item: DriveItemRow };

function matchDriveItem(itemOf: ItemOf, rest: readonly string[], base: string): RouteMatch {
  const [first, second, third, ...more] = rest;
  if (more.length > 0) {
    throw unknownSegment(more[0] ?? '');
  }
  if (first === undefined) {
    return route(base, {
      GET: (scope) => {
        const { drive, item } = itemOf(scope);
        return getDriveItem(scope, drive, item);
      },
      DELETE: (scope) => {
        const { drive, item } = itemOf(scope);
        return deleteDriveItem(scope, drive, item);
      },
      PATCH: () => {
        throw notSupported('Renaming or moving drive items is not supported by the local SharePoint.');
      },
    });
  }
  if (first === 'children' && second === undefined) {
    return route(`${base}/children`, {
      GET: (scope) => {
        const { drive, item } = itemOf(scope);
        return getChildren(scope, drive, item);
      },
      POST: (scope) => {
        const { drive, item } = itemOf(scope);
        return createChild(scope, drive, item);
      },
    });
  }
  if (first === 'content' && second === undefined) {
    return route(`${base}/content`, {
      GET: (scope) => download(scope, itemOf(scope).item),
      PUT: (scope) => {
        const { drive, item } = itemOf(scope);
        return replaceContent(scope, drive, item);
      },
    });
  }
  if (first === 'versions') {
    if (second === undefined) {
      return route(`${base}/versions`, {
        GET: (scope) => {
          const { drive, item } = itemOf(scope);
          return getVersions(scope, drive, item);
        },
      });
    }
    if (third === undefined) {
      return route(`${base}/versions/{id}`, {
        GET: (scope) => {
          const { drive, item } = itemOf(scope);
          return getVersion(scope, drive, item, second);
        },
      });
    }
    if (third === 'content') {
      return route(`${base}/versions/{id}/content`, {
        GET: (scope) => downloadVersion(scope, itemOf(scope).item, second),
      });
    }
    throw unknownSegment(third);
  }
  if (first === 'listItem') {
    if (second === undefined) {
      return route(`${base}/listItem`, {
        GET: (scope) => {
          const { drive, item } = itemOf(scope);
          return getDriveListItem(scope, drive, item);
        },
      });
    }
    if (second === 'fields' && third === undefined) {
      return route(`${base}/listItem/fields`, {
        GET: (scope) => {
          const { drive, item } = itemOf(scope);
          return getDriveListItemFields(scope, drive, item);
        },
        PATCH: (scope) => {
          const { drive, item } = itemOf(scope);
          return patchDriveListItemFields(scope, drive, item);
        },
      });
    }
  }
  throw unknownSegment(third ?? second ?? first);
}

function matchDirectory(segments: readonly string[]): RouteMatch {
  const [resource, id, sub, cast, ...more] = segments;
  if (more.length > 0) {
    throw unknownSegment(more[0] ?? '');
  }
  if (resource === 'users') {
    if (id === undefined) {
      return route('/users', { GET: (scope) => getUsers(scope) });
    }
    if (sub !== undefined) {
      throw unknownSegment(sub);
    }
    return route('/users/{id}', { GET: (scope) => getUser(scope, id) });
  }
  if (id === undefined) {
    return route('/groups', {
      GET: () => {
        throw notSupported('Listing groups is not supported by the local SharePoint; get a group by id.');
      },
    });
  }
  if (sub === undefined) {
    return route('/groups/{id}', { GET: (scope) => getGroup(scope, id) });
  }
  if (sub === 'members' && (cast === undefined || cast === 'microsoft.graph.user')) {
    return route(cast === undefined ? '/groups/{id}/members' : '/groups/{id}/members/microsoft.graph.user', {
      GET: (scope) => getGroupMembers(scope, id),
    });
  }
  throw unknownSegment(cast ?? sub);
}
