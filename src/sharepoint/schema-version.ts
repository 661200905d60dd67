/**
 * The version of the SharePoint schema this build of the app expects, and the readiness check
 * that compares it with the version on the site.
 *
 * The version is a short hash of what provisioning creates and completes (lists, their titles
 * and templates, every column with its type, index, uniqueness, choices and lookup), so it
 * changes exactly when schema.ts does — nobody has to remember to bump it. Provisioning writes
 * it into Settings as `schema.version` after the lists and columns are in place; `/readyz` reads
 * that one row (one Graph request) instead of comparing every list and column on every probe.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isAppError } from '../domain/app-error.ts';
import type { GraphClient } from './graph/graph-client.ts';
import { type ListSpec, SCHEMA } from './schema.ts';

/** the Settings key provisioning writes the schema version under */
export const SCHEMA_VERSION_KEY = 'schema.version';

export function schemaVersion(schema: readonly ListSpec[]): string {
  // descriptions are left out: provisioning never changes them, so they are no part of the contract
  const contract = schema.map(({ description: _description, ...spec }) => spec);
  return createHash('sha256').update(JSON.stringify(contract)).digest('hex').slice(0, 12);
}

const versionRowsSchema = z.object({
  value: z.array(z.object({ fields: z.object({ Value: z.string().nullish() }).loose() })),
});

/** the schema this build expects on the site */
export const SCHEMA_VERSION = schemaVersion(SCHEMA);

export type Readiness =
  | { readonly ready: true; readonly schemaVersion: string }
  | { readonly ready: false; readonly reason: string };

export type SchemaReadinessTarget = {
  readonly siteId: string;
  readonly settingsListId: string;
  /** default SCHEMA_VERSION */
  readonly expected?: string;
};

/**
 * Ready when SharePoint answers and the site's `schema.version` is the expected one. Any failure
 * to read is "SharePoint svarar inte"; the reason is Swedish because the kommun's IT reads it.
 * Pass a GraphClient without retries and with a short timeout: a probe must answer quickly.
 */
export async function checkSchemaReadiness(graph: GraphClient, target: SchemaReadinessTarget): Promise<Readiness> {
  const expected = target.expected ?? SCHEMA_VERSION;
  let found: string | undefined;
  try {
    found = await readSchemaVersion(graph, target.siteId, target.settingsListId);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      return {
        ready: false,
        reason: `Listan Inställningar saknas, appen väntar schema ${expected} – kör npm run provision`,
      };
    }
    return { ready: false, reason: 'SharePoint svarar inte' };
  }
  if (found === undefined) {
    return { ready: false, reason: `Schemat saknar version, appen väntar ${expected} – kör npm run provision` };
  }
  if (found !== expected) {
    return { ready: false, reason: `Schemat är version ${found}, appen väntar ${expected} – kör npm run provision` };
  }
  return { ready: true, schemaVersion: found };
}

/** the site's `schema.version`, or undefined when the row is missing or empty */
export async function readSchemaVersion(
  graph: GraphClient,
  siteId: string,
  settingsListId: string,
): Promise<string | undefined> {
  // Title is the Settings key and indexed (unique), so this filter is one cheap request.
  const response = await graph.get(
    `/sites/${siteId}/lists/${settingsListId}/items?$filter=fields/Title eq '${SCHEMA_VERSION_KEY}'&$expand=fields($select=Title,Value)&$top=1`,
  );
  const parsed = versionRowsSchema.safeParse(response);
  const value = parsed.success ? parsed.data.value[0]?.fields.Value?.trim() : undefined;
  return value === undefined || value === '' ? undefined : value;
}
