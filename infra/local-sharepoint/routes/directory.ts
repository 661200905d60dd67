/**
 * A seeded Entra ID directory: GET /users, /users/{id|upn}, /groups/{id}, /groups/{id}/members.
 * Loaded with PUT /_emulator/directory and kept in the SQLite file.
 */
import { z } from 'zod';
import { zodMessage } from '../columns/manage.ts';
import type { RequestScope } from '../context.ts';
import { GraphError, invalidRequest } from '../errors.ts';
import { type EmulatorResponse, jsonResponse } from '../http-types.ts';
import { readJsonObject } from '../json-body.ts';
import { decodeSkipToken, encodeSkipToken, SkipTokenError } from '../odata/skiptoken.ts';
import { pageSize } from '../query-options.ts';
import { readMeta, writeMeta } from '../store/sqlite.ts';

const userSchema = z.strictObject({
  id: z.string().min(1),
  displayName: z.string().min(1),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  mail: z.string().nullable(),
  userPrincipalName: z.string().min(3),
  jobTitle: z.string().optional(),
  mobilePhone: z.string().optional(),
  officeLocation: z.string().optional(),
  preferredLanguage: z.string().optional(),
  businessPhones: z.array(z.string()).optional(),
});

const groupSchema = z.strictObject({
  id: z.string().min(1),
  displayName: z.string().min(1),
  description: z.string().optional(),
  mail: z.string().optional(),
  memberIds: z.array(z.string()),
});

export const directorySchema = z
  .strictObject({ users: z.array(userSchema), groups: z.array(groupSchema).default([]) })
  .superRefine((directory, context) => {
    const ids = new Set<string>();
    for (const user of directory.users) {
      if (ids.has(user.id.toLowerCase())) {
        context.addIssue({ code: 'custom', message: `duplicate user id '${user.id}'`, path: ['users'] });
      }
      ids.add(user.id.toLowerCase());
    }
    for (const group of directory.groups) {
      for (const member of group.memberIds) {
        if (!ids.has(member.toLowerCase())) {
          context.addIssue({
            code: 'custom',
            message: `group '${group.id}' lists member '${member}', who is not a user`,
            path: ['groups'],
          });
        }
      }
    }
  });

export type Directory = z.infer<typeof directorySchema>;
type DirectoryUser = Directory['users'][number];

const META_KEY = 'directory';

export function readDirectory(scope: RequestScope): Directory {
  const stored = readMeta(scope.ctx.db, META_KEY);
  return stored === undefined ? { users: [], groups: [] } : (JSON.parse(stored) as Directory);
}

export function putDirectory(scope: RequestScope): EmulatorResponse {
  const parsed = directorySchema.safeParse(readJsonObject(scope));
  if (!parsed.success) {
    throw invalidRequest(`Invalid directory: ${zodMessage(parsed.error)}`);
  }
  writeMeta(scope.ctx.db, META_KEY, JSON.stringify(parsed.data));
  return jsonResponse(200, { users: parsed.data.users.length, groups: parsed.data.groups.length });
}

function userJson(user: DirectoryUser): Record<string, unknown> {
  return {
    businessPhones: user.businessPhones ?? [],
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    jobTitle: user.jobTitle ?? null,
    mail: user.mail,
    mobilePhone: user.mobilePhone ?? null,
    officeLocation: user.officeLocation ?? null,
    preferredLanguage: user.preferredLanguage ?? null,
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

function notFound(reference: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${reference}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** `/users/{id}`, `/users/{upn}` and `/users('{upn}')` */
export function getUser(scope: RequestScope, reference: string): EmulatorResponse {
  const wanted = reference.toLowerCase();
  const user = readDirectory(scope).users.find(
    (candidate) => candidate.id.toLowerCase() === wanted || candidate.userPrincipalName.toLowerCase() === wanted,
  );
  if (user === undefined) {
    throw notFound(reference);
  }
  return jsonResponse(200, { '@odata.context': `${scope.graphRoot}/$metadata#users/$entity`, ...userJson(user) });
}

function pageOf<T>(
  scope: RequestScope,
  all: readonly T[],
  defaultSize: number,
  maxSize: number,
): { page: readonly T[]; nextLink: string | undefined } {
  const top = pageSize(scope.query, defaultSize, maxSize);
  const token = scope.query.system('skiptoken');
  let offset = 0;
  if (token !== undefined) {
    try {
      const cursor = decodeSkipToken(token);
      offset = cursor.lastId;
    } catch (error) {
      if (error instanceof SkipTokenError) {
        throw invalidRequest(error.message);
      }
      throw error;
    }
  }
  const page = all.slice(offset, offset + top);
  const nextLink =
    offset + top < all.length
      ? `${scope.graphRoot}${scope.graphPath}?${scope.query.withSkipToken(encodeSkipToken({ lastId: offset + top, keys: [] }))}`
      : undefined;
  return { page, nextLink };
}

export function getUsers(scope: RequestScope): EmulatorResponse {
  const { page, nextLink } = pageOf(scope, readDirectory(scope).users, 100, 999);
  return jsonResponse(200, {
    '@odata.context': `${scope.graphRoot}/$metadata#users`,
    value: page.map(userJson),
    ...(nextLink === undefined ? {} : { '@odata.nextLink': nextLink }),
  });
}

function findGroup(scope: RequestScope, id: string) {
  const group = readDirectory(scope).groups.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (group === undefined) {
    throw notFound(id);
  }
  return group;
}

export function getGroup(scope: RequestScope, id: string): EmulatorResponse {
  const group = findGroup(scope, id);
  return jsonResponse(200, {
    '@odata.context': `${scope.graphRoot}/$metadata#groups/$entity`,
    id: group.id,
    displayName: group.displayName,
    description: group.description ?? null,
    mail: group.mail ?? null,
    mailEnabled: group.mail !== undefined,
    securityEnabled: true,
    groupTypes: [],
  });
}

export function getGroupMembers(scope: RequestScope, id: string): EmulatorResponse {
  const group = findGroup(scope, id);
  const users = readDirectory(scope).users;
  const members = group.memberIds
    .map((memberId) => users.find((user) => user.id.toLowerCase() === memberId.toLowerCase()))
    .filter((user): user is DirectoryUser => user !== undefined);
  const { page, nextLink } = pageOf(scope, members, 100, 999);
  return jsonResponse(200, {
    '@odata.context': `${scope.graphRoot}/$metadata#directoryObjects`,
    value: page.map((user) => ({ '@odata.type': '#microsoft.graph.user', ...userJson(user) })),
    ...(nextLink === undefined ? {} : { '@odata.nextLink': nextLink }),
  });
}
