/**
 * Creates or completes the SharePoint schema of schema.ts on a site — lists and libraries,
 * columns, indexes, unique constraints, choice values, lookups — and the Settings defaults.
 * Idempotent: a second run reads (lists with columns, Settings keys, drives: three GETs) and
 * writes nothing. Last of the writes, Settings gets `schema.version` (schema-version.ts): the
 * version of the schema now on the site, which `/readyz` compares with what the app expects. It never deletes and never undoes a kansli's additions (DESIGN.md §5).
 *
 * Lists are recognised by their title (displayName); the ids it returns are what the app uses.
 */
import { AppError } from '../../domain/app-error.ts';
import type { GraphClient } from '../graph/graph-client.ts';
import { type ListKey, type ListSpec, SCHEMA, SETTING_DEFAULTS } from '../schema.ts';
import { SCHEMA_VERSION_KEY, schemaVersion } from '../schema-version.ts';
import { applyRounds, applyWrites, roundsOf, type Write } from './apply-writes.ts';
import { columnDefinition } from './column-definition.ts';
import { planColumns } from './column-plan.ts';
import { resolveDriveIds } from './drive-ids.ts';
import { creationLevels } from './list-order.ts';
import { ensureSettings } from './settings-rows.ts';
import { type ExistingList, readSiteLists } from './site-lists.ts';

export type ProvisionOptions = {
  /** default: schema.ts SCHEMA */
  readonly schema?: readonly ListSpec[];
  /** default: schema.ts SETTING_DEFAULTS; written only where the key is missing */
  readonly settings?: Readonly<Record<string, string>>;
};

export type ProvisionResult = {
  /** the id of every list of the schema (with the default schema, every ListKey) */
  readonly listIds: Record<ListKey, string>;
  readonly driveIds: Partial<Record<ListKey, string>>;
  /** what this run created: list keys, `List.Column` labels, Settings keys */
  readonly created: { readonly lists: ListKey[]; readonly columns: string[]; readonly settings: string[] };
  /** `List.Column` labels whose index, uniqueness, choices or Title display name were completed */
  readonly updated: { readonly columns: string[] };
  /** what provisioning found but will not change (e.g. a column of another type); for the log */
  readonly warnings: string[];
  /** the schema version now on the site, and whether this run wrote it (new site or changed schema) */
  readonly schemaVersion: { readonly value: string; readonly written: boolean };
};

export async function provisionSchema(
  graph: GraphClient,
  siteId: string,
  options: ProvisionOptions = {},
): Promise<ProvisionResult> {
  const schema = options.schema ?? SCHEMA;
  const settings = options.settings ?? SETTING_DEFAULTS;
  const levels = creationLevels(schema);
  const warnings: string[] = [];
  const createdLists: ListKey[] = [];
  const createdColumns: string[] = [];

  let lists = await readSiteLists(graph, siteId);
  const listIds = new Map<ListKey, string>();
  for (const spec of schema) {
    const existing = findList(lists, spec);
    if (existing !== undefined) {
      listIds.set(spec.key, existing.id);
      if (existing.template !== undefined && existing.template !== spec.template) {
        warnings.push(`${spec.key} (${spec.title}) är en ${existing.template}, inte en ${spec.template}`);
      }
    }
  }

  // Missing lists, level by level: a lookup needs the id of the list it points to.
  for (const level of levels) {
    const missing = level.filter((spec) => !listIds.has(spec.key));
    const writes: Write[] = missing.map((spec) => ({
      label: spec.key,
      method: 'POST',
      url: `/sites/${siteId}/lists`,
      body: createListBody(spec, listIds),
    }));
    const bodies = await applyWrites(graph, writes);
    for (const spec of missing) {
      listIds.set(spec.key, createdListId(bodies.get(spec.key), spec));
      createdLists.push(spec.key);
      createdColumns.push(...columnsInCreateBody(spec).map((column) => `${spec.key}.${column.name}`));
    }
  }
  if (createdLists.length > 0) {
    // Read back what was created, so that anything Graph did not apply from the create body
    // (an index, a unique constraint) is completed below like any other shortfall.
    lists = await readSiteLists(graph, siteId);
  }

  const queues: Write[][] = [];
  const updatedColumns: string[] = [];
  for (const spec of schema) {
    const list = lists.find((candidate) => candidate.id === listIds.get(spec.key));
    if (list === undefined) {
      throw new AppError('UPSTREAM_FAILED', `List ${spec.title} was created but Graph does not list it`, {
        details: { list: spec.key, id: listIds.get(spec.key) },
      });
    }
    const plan = planColumns(siteId, spec, list, listIds);
    warnings.push(...plan.warnings);
    queues.push(plan.writes);
    for (const write of plan.writes) {
      (write.kind === 'create' ? createdColumns : updatedColumns).push(write.label);
    }
  }
  await applyRounds(graph, roundsOf(queues));

  const settingsSpec = schema.find((spec) => spec.key === 'Settings');
  const settingsListId = listIds.get('Settings');
  const version = schemaVersion(schema);
  // Written after every list and column above succeeded (a failed round throws first), so the
  // version on the site never claims a schema that is not all there.
  const ensured =
    settingsSpec === undefined || settingsListId === undefined
      ? { created: [], updated: [] }
      : await ensureSettings(graph, siteId, settingsListId, settings, {
          listIsNew: createdLists.includes('Settings'),
          pinned: { [SCHEMA_VERSION_KEY]: version },
        });
  const createdSettings = ensured.created.filter((key) => key !== SCHEMA_VERSION_KEY);
  const versionWritten = [...ensured.created, ...ensured.updated].includes(SCHEMA_VERSION_KEY);

  const libraries = schema.flatMap((spec) => {
    const listId = listIds.get(spec.key);
    return spec.template === 'documentLibrary' && listId !== undefined
      ? [{ key: spec.key, title: spec.title, listId }]
      : [];
  });
  const driveIds = await resolveDriveIds(graph, siteId, libraries);

  return {
    // Every key of the schema is in the map by now (created or found); with the default schema
    // that is every ListKey.
    listIds: Object.fromEntries(listIds) as Record<ListKey, string>,
    driveIds,
    created: { lists: createdLists, columns: createdColumns, settings: createdSettings },
    updated: { columns: updatedColumns },
    warnings,
    schemaVersion: { value: version, written: versionWritten },
  };
}

function findList(lists: readonly ExistingList[], spec: ListSpec): ExistingList | undefined {
  return lists.find((list) => list.displayName === spec.title);
}

/** Columns that go into the create body: all but a lookup to the list itself (it has no id yet). */
function columnsInCreateBody(spec: ListSpec): ListSpec['columns'] {
  return spec.columns.filter((column) => column.type !== 'lookup' || column.list !== spec.key);
}

function createListBody(spec: ListSpec, listIds: ReadonlyMap<ListKey, string>): Record<string, unknown> {
  return {
    displayName: spec.title,
    description: spec.description,
    list: { template: spec.template },
    columns: columnsInCreateBody(spec).map((column) => columnDefinition(column, listIds)),
  };
}

function createdListId(body: unknown, spec: ListSpec): string {
  if (typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string') {
    return body.id;
  }
  throw new AppError('UPSTREAM_FAILED', `Graph created list ${spec.title} but returned no id`, {
    details: { list: spec.key },
  });
}
