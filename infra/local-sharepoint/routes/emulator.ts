/**
 * Test controls under /_emulator/ (never under /v1.0, no auth): extra sites, fault injection,
 * the request log, the directory, and reset.
 */
import { z } from 'zod';
import { ensureRootSite } from '../bootstrap.ts';
import { zodMessage } from '../columns/manage.ts';
import type { RequestScope } from '../context.ts';
import { GraphError, invalidRequest, itemNotFound, methodNotAllowed, unknownSegment } from '../errors.ts';
import { faultRuleSchema } from '../faults.ts';
import { type EmulatorResponse, jsonResponse, noContent } from '../http-types.ts';
import { newGuid } from '../ids.ts';
import { readJsonObject } from '../json-body.ts';
import { siteJson } from '../shapes/site.ts';
import { insertSite, siteByPath } from '../store/catalog.ts';
import { wipeDatabase } from '../store/sqlite.ts';
import { putDirectory, readDirectory } from './directory.ts';

const siteSchema = z.strictObject({
  path: z.string().regex(/^\/(sites|teams)\/[A-Za-z0-9_-]{1,100}$/, "must look like '/sites/name' or '/teams/name'"),
  displayName: z.string().trim().min(1).max(255).optional(),
  description: z.string().max(1000).optional(),
});

function createSite(scope: RequestScope): EmulatorResponse {
  const parsed = siteSchema.safeParse(readJsonObject(scope));
  if (!parsed.success) {
    throw invalidRequest(`Invalid site: ${zodMessage(parsed.error)}`);
  }
  const input = parsed.data;
  if (siteByPath(scope.ctx.db, input.path) !== undefined) {
    throw new GraphError(409, 'nameAlreadyExists', `A site already exists at '${input.path}'.`);
  }
  const name = input.path.split('/').pop() ?? input.path;
  const site = insertSite(
    scope.ctx.db,
    {
      path: input.path,
      siteGuid: newGuid(),
      webGuid: newGuid(),
      name,
      displayName: input.displayName ?? name,
      description: input.description ?? '',
    },
    scope.nowIso,
  );
  return jsonResponse(201, siteJson(scope, site));
}

function listSites(scope: RequestScope): EmulatorResponse {
  const rows = scope.ctx.db.prepare('SELECT path FROM sites ORDER BY seq').all() as { path: string }[];
  const sites = rows
    .map((row) => siteByPath(scope.ctx.db, row.path))
    .filter((site) => site !== undefined)
    .map((site) => siteJson(scope, site));
  return jsonResponse(200, { value: sites });
}

function reset(scope: RequestScope): EmulatorResponse {
  wipeDatabase(scope.ctx.db);
  ensureRootSite(scope.ctx.db, scope.nowIso);
  scope.ctx.faults.clear();
  scope.ctx.log.clear();
  return jsonResponse(200, { reset: true });
}

function requestLog(scope: RequestScope): EmulatorResponse {
  const since = Number(scope.query.parameter('since') ?? '0');
  const limit = Number(scope.query.parameter('limit') ?? '10000');
  if (!Number.isInteger(since) || since < 0 || !Number.isInteger(limit) || limit < 0) {
    throw invalidRequest('since and limit must be non-negative integers.');
  }
  return jsonResponse(200, scope.ctx.log.summary(since, limit));
}

/** Synchronous: the listener runs it inside a transaction like any other request. */
export function emulatorRoute(scope: RequestScope, segments: readonly string[]): EmulatorResponse {
  const method = scope.request.method;
  const [resource, id, ...rest] = segments;
  if (rest.length > 0) {
    throw unknownSegment(rest[0] ?? '');
  }
  switch (resource) {
    case 'sites':
      if (id !== undefined) {
        throw unknownSegment(id);
      }
      if (method === 'POST') {
        return createSite(scope);
      }
      if (method === 'GET') {
        return listSites(scope);
      }
      throw methodNotAllowed(method, ['GET', 'POST']);
    case 'faults':
      if (id !== undefined) {
        if (method !== 'DELETE') {
          throw methodNotAllowed(method, ['DELETE']);
        }
        if (!scope.ctx.faults.remove(id)) {
          throw itemNotFound(`No fault rule '${id}'.`);
        }
        return noContent();
      }
      if (method === 'POST') {
        const parsed = faultRuleSchema.safeParse(readJsonObject(scope));
        if (!parsed.success) {
          throw invalidRequest(`Invalid fault rule: ${zodMessage(parsed.error)}`);
        }
        const rule = scope.ctx.faults.add(parsed.data);
        return jsonResponse(201, { ...rule });
      }
      if (method === 'GET') {
        return jsonResponse(200, { value: scope.ctx.faults.list() });
      }
      if (method === 'DELETE') {
        scope.ctx.faults.clear();
        return noContent();
      }
      throw methodNotAllowed(method, ['GET', 'POST', 'DELETE']);
    case 'requests':
      if (id !== undefined) {
        throw unknownSegment(id);
      }
      if (method === 'GET') {
        return requestLog(scope);
      }
      if (method === 'DELETE') {
        scope.ctx.log.clear();
        return noContent();
      }
      throw methodNotAllowed(method, ['GET', 'DELETE']);
    case 'reset':
      if (method !== 'POST') {
        throw methodNotAllowed(method, ['POST']);
      }
      return reset(scope);
    case 'directory':
      if (method === 'PUT') {
        return putDirectory(scope);
      }
      if (method === 'GET') {
        return jsonResponse(200, readDirectory(scope));
      }
      throw methodNotAllowed(method, ['GET', 'PUT']);
    default:
      throw unknownSegment(resource ?? '');
  }
}
