/**
 * Provisioning against the local SharePoint: an empty site gets every list, column, index,
 * unique constraint, choice set and lookup of schema.ts plus the Settings defaults; a second
 * run writes nothing; a kansli's removed index and deleted Settings row are repaired with exactly
 * those writes; a half-provisioned site is completed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { GraphClient } from '../../../src/sharepoint/graph/graph-client.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { type ListKey, type ListSpec, listSpec, SCHEMA, SETTING_DEFAULTS } from '../../../src/sharepoint/schema.ts';
import { SCHEMA_VERSION, SCHEMA_VERSION_KEY, schemaVersion } from '../../../src/sharepoint/schema-version.ts';
import { type LocalSharePointForTests, type RequestLog, useLocalSharePoint } from '../../support/local-sharepoint.ts';

const columnSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    displayName: z.string().optional(),
    indexed: z.boolean().optional(),
    enforceUniqueValues: z.boolean().optional(),
    required: z.boolean().optional(),
  })
  .catchall(z.unknown());
const listSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  list: z.object({ template: z.string() }).partial().optional(),
  columns: z.array(columnSchema),
});
type SiteList = z.infer<typeof listSchema>;

async function readLists(graph: GraphClient, siteId: string): Promise<SiteList[]> {
  return z.array(listSchema).parse(await graph.getAll(`/sites/${siteId}/lists?$expand=columns`));
}

/** What differs between the site and schema.ts, as readable lines (empty = all there). */
async function schemaProblems(graph: GraphClient, siteId: string, schema: readonly ListSpec[] = SCHEMA) {
  const lists = await readLists(graph, siteId);
  const problems: string[] = [];
  const idOf = new Map<ListKey, string>();
  for (const spec of schema) {
    const list = lists.find((candidate) => candidate.displayName === spec.title);
    if (list === undefined) {
      problems.push(`${spec.key}: no list titled ${spec.title}`);
      continue;
    }
    idOf.set(spec.key, list.id);
  }
  for (const spec of schema) {
    const list = lists.find((candidate) => candidate.id === idOf.get(spec.key));
    if (list === undefined) {
      continue;
    }
    if (list.list?.template !== spec.template) {
      problems.push(`${spec.key}: template ${String(list.list?.template)}`);
    }
    if (spec.titleDisplayName !== undefined) {
      const title = list.columns.find((column) => column.name === 'Title');
      if (title?.displayName !== spec.titleDisplayName) {
        problems.push(`${spec.key}.Title: displayName ${String(title?.displayName)}`);
      }
    }
    for (const column of spec.columns) {
      const actual = list.columns.find((candidate) => candidate.name === column.name);
      const label = `${spec.key}.${column.name}`;
      if (actual === undefined) {
        problems.push(`${label}: missing`);
        continue;
      }
      const expectIndexed = column.indexed === true || column.unique === true;
      if ((actual.indexed === true) !== expectIndexed) {
        problems.push(`${label}: indexed ${String(actual.indexed)}`);
      }
      if ((actual.enforceUniqueValues === true) !== (column.unique === true)) {
        problems.push(`${label}: enforceUniqueValues ${String(actual.enforceUniqueValues)}`);
      }
      if ((actual.required === true) !== (column.required === true)) {
        problems.push(`${label}: required ${String(actual.required)}`);
      }
      if (actual.displayName !== column.displayName) {
        problems.push(`${label}: displayName ${String(actual.displayName)}`);
      }
      const facet = actual[column.type];
      if (typeof facet !== 'object' || facet === null) {
        problems.push(`${label}: no ${column.type} facet`);
        continue;
      }
      const expected = expectedFacet(column, idOf);
      for (const [property, value] of Object.entries(expected)) {
        const got = (facet as Record<string, unknown>)[property];
        if (JSON.stringify(got) !== JSON.stringify(value)) {
          problems.push(`${label}: ${column.type}.${property} is ${JSON.stringify(got)}, not ${JSON.stringify(value)}`);
        }
      }
    }
  }
  return problems;
}

function expectedFacet(
  column: ListSpec['columns'][number],
  idOf: ReadonlyMap<ListKey, string>,
): Record<string, unknown> {
  switch (column.type) {
    case 'text':
      return column.multiline === true ? { allowMultipleLines: true } : { allowMultipleLines: false, maxLength: 255 };
    case 'number':
      return { decimalPlaces: column.decimals ?? 'automatic' };
    case 'currency':
      return { locale: 'sv-SE' };
    case 'dateTime':
      return { format: column.dateOnly ? 'dateOnly' : 'dateTime' };
    case 'boolean':
      return {};
    case 'choice':
      return { choices: column.choices };
    case 'lookup':
      return { listId: idOf.get(column.list), columnName: 'Title', allowMultipleValues: column.multi === true };
  }
}

const settingRow = z.object({ id: z.string(), fields: z.object({ Title: z.string(), Value: z.string().optional() }) });

async function readSettings(graph: GraphClient, siteId: string, listId: string) {
  const rows = z
    .array(settingRow)
    .parse(await graph.getAll(`/sites/${siteId}/lists/${listId}/items?$expand=fields($select=Title,Value)`));
  return new Map(rows.map((row) => [row.fields.Title, { id: row.id, value: row.fields.Value }]));
}

/** HTTP requests (a $batch envelope counts once) and Graph operations (each inner request counts). */
function counts(log: RequestLog) {
  const http = log.entries.filter((entry) => !entry.inBatch).length;
  return { http, operations: log.entries.filter((entry) => entry.route !== 'POST /$batch').length, writes: log.writes };
}

let sp: LocalSharePointForTests;
beforeAll(async () => {
  sp = await useLocalSharePoint();
});
afterAll(async () => {
  await sp?.close();
});

describe('provisionSchema on the local SharePoint', () => {
  let first: Awaited<ReturnType<typeof provisionSchema>>;

  it('creates every list, column, index, unique constraint, choice set and lookup on an empty site', async () => {
    await sp.clearRequests();
    first = await provisionSchema(sp.graph, sp.siteId);
    const log = await sp.requests();
    console.info('provisioning an empty site:', counts(log), log.byRoute);

    expect(await schemaProblems(sp.graph, sp.siteId)).toEqual([]);
    expect(first.created.lists.sort()).toEqual(SCHEMA.map((spec) => spec.key).sort());
    expect(Object.keys(first.listIds).sort()).toEqual(SCHEMA.map((spec) => spec.key).sort());
    expect(first.created.columns).toHaveLength(SCHEMA.reduce((sum, spec) => sum + spec.columns.length, 0));
    expect(first.created.settings.sort()).toEqual(Object.keys(SETTING_DEFAULTS).sort());
    expect(first.warnings).toEqual([]);
  });

  it('writes the Settings defaults and the schema version /readyz compares', async () => {
    const settings = await readSettings(sp.graph, sp.siteId, first.listIds.Settings);
    expect(Object.fromEntries([...settings].map(([key, row]) => [key, row.value]))).toEqual({
      ...SETTING_DEFAULTS,
      [SCHEMA_VERSION_KEY]: SCHEMA_VERSION,
    });
    expect(first.schemaVersion).toEqual({ value: SCHEMA_VERSION, written: true });
  });

  it('makes the Settings key (Title) unique, so a setting cannot exist twice', async () => {
    const itemsUrl = `/sites/${sp.siteId}/lists/${first.listIds.Settings}/items`;
    await expect(
      sp.graph.post(itemsUrl, { fields: { Title: 'andring.grans-procent', Value: '1' } }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const settings = await readSettings(sp.graph, sp.siteId, first.listIds.Settings);
    expect(settings.get('andring.grans-procent')?.value).toBe(SETTING_DEFAULTS['andring.grans-procent']);
  });

  it('finds the drive of each library', async () => {
    for (const key of ['Agreements', 'Documents'] as const) {
      const drive = z
        .object({ id: z.string() })
        .parse(await sp.graph.get(`/sites/${sp.siteId}/lists/${first.listIds[key]}/drive`));
      expect(first.driveIds[key]).toBe(drive.id);
    }
    expect(Object.keys(first.driveIds).sort()).toEqual(['Agreements', 'Documents']);
  });

  it('writes nothing on a provisioned site and reads it in three requests', async () => {
    await sp.clearRequests();
    const second = await provisionSchema(sp.graph, sp.siteId);
    const log = await sp.requests();
    console.info('provisioning a provisioned site:', counts(log), log.byRoute);

    expect(log.writes).toBe(0);
    expect(counts(log).http).toBe(3);
    expect(second.listIds).toEqual(first.listIds);
    expect(second.driveIds).toEqual(first.driveIds);
    expect(second.created).toEqual({ lists: [], columns: [], settings: [] });
    expect(second.updated).toEqual({ columns: [] });
    expect(second.schemaVersion).toEqual({ value: SCHEMA_VERSION, written: false });
  });

  it('repairs a removed index and a deleted Settings row with exactly those writes, and keeps the kansli’s own changes', async () => {
    const interventions = first.listIds.Interventions;
    const lists = await readLists(sp.graph, sp.siteId);
    const stage = lists.find((list) => list.id === interventions)?.columns.find((column) => column.name === 'Stage');
    expect(stage?.indexed).toBe(true);
    // The kansli, in SharePoint: removes an index, deletes one setting, changes another, adds a column.
    await sp.graph.patch(`/sites/${sp.siteId}/lists/${interventions}/columns/${stage?.id}`, { indexed: false });
    const settings = await readSettings(sp.graph, sp.siteId, first.listIds.Settings);
    await sp.graph.delete(
      `/sites/${sp.siteId}/lists/${first.listIds.Settings}/items/${settings.get('paminnelse.klockslag')?.id}`,
    );
    await sp.graph.patch(
      `/sites/${sp.siteId}/lists/${first.listIds.Settings}/items/${settings.get('andring.grans-procent')?.id}/fields`,
      {
        Value: '15',
      },
    );
    await sp.graph.post(`/sites/${sp.siteId}/lists/${interventions}/columns`, {
      name: 'KansliNote',
      displayName: 'Kanslinotering',
      text: { allowMultipleLines: false, maxLength: 255 },
    });

    await sp.clearRequests();
    const third = await provisionSchema(sp.graph, sp.siteId);
    const log = await sp.requests();
    console.info('repairing a kansli-edited site:', counts(log));

    const writes = log.entries.filter((entry) => entry.route !== 'POST /$batch' && entry.method !== 'GET');
    expect(writes.map((entry) => `${entry.method} ${entry.status}`).sort()).toEqual(['PATCH 200', 'POST 201']);
    expect(log.writes).toBe(2);
    expect(third.updated.columns).toEqual(['Interventions.Stage']);
    expect(third.created).toEqual({ lists: [], columns: [], settings: ['paminnelse.klockslag'] });

    expect(await schemaProblems(sp.graph, sp.siteId)).toEqual([]);
    const after = await readSettings(sp.graph, sp.siteId, first.listIds.Settings);
    expect(after.get('paminnelse.klockslag')?.value).toBe(SETTING_DEFAULTS['paminnelse.klockslag']);
    expect(after.get('andring.grans-procent')?.value).toBe('15');
    const columns = (await readLists(sp.graph, sp.siteId)).find((list) => list.id === interventions)?.columns ?? [];
    expect(columns.some((column) => column.name === 'KansliNote')).toBe(true);
  });

  it('adds a choice value that schema.ts gained, keeping one the kansli added', async () => {
    const members = first.listIds.Members;
    const orgType = (await readLists(sp.graph, sp.siteId))
      .find((list) => list.id === members)
      ?.columns.find((column) => column.name === 'OrgType');
    const present = z.object({ choices: z.array(z.string()) }).parse(orgType?.choice).choices;
    await sp.graph.patch(`/sites/${sp.siteId}/lists/${members}/columns/${orgType?.id}`, {
      choice: { choices: [...present, 'Kansliets val'], displayAs: 'dropDownMenu' },
    });
    const grown = SCHEMA.map((spec) =>
      spec.key !== 'Members'
        ? spec
        : {
            ...spec,
            columns: spec.columns.map((column) =>
              column.type === 'choice' && column.name === 'OrgType'
                ? { ...column, choices: [...column.choices, 'Privat'] }
                : column,
            ),
          },
    );

    await sp.clearRequests();
    const result = await provisionSchema(sp.graph, sp.siteId, { schema: grown });
    const log = await sp.requests();
    // the choice value, and the schema version: a changed schema.ts is a new version on the site
    expect(log.writes).toBe(2);
    expect(result.updated.columns).toEqual(['Members.OrgType']);
    expect(result.schemaVersion).toEqual({ value: schemaVersion(grown), written: true });
    expect(result.schemaVersion.value).not.toBe(SCHEMA_VERSION);
    const settings = await readSettings(sp.graph, sp.siteId, first.listIds.Settings);
    expect(settings.get(SCHEMA_VERSION_KEY)?.value).toBe(schemaVersion(grown));
    const choices = z
      .object({ choices: z.array(z.string()) })
      .parse(
        (await readLists(sp.graph, sp.siteId))
          .find((list) => list.id === members)
          ?.columns.find((c) => c.name === 'OrgType')?.choice,
      ).choices;
    expect(choices).toEqual([
      ...listSpec('Members').columns.flatMap((c) => (c.type === 'choice' ? c.choices : [])),
      'Privat',
      'Kansliets val',
    ]);
  });

  it('completes a half-provisioned site', async () => {
    const siteId = await sp.createSite();
    // Someone started: Members complete, Interventions created by hand with two columns, Code
    // without its index and unique constraint.
    await provisionSchema(sp.graph, siteId, { schema: [listSpec('Members')], settings: {} });
    const members = (await readLists(sp.graph, siteId)).find((list) => list.displayName === 'Medlemmar');
    await sp.graph.post(`/sites/${siteId}/lists`, {
      displayName: 'Insatser',
      list: { template: 'genericList' },
      columns: [
        { name: 'Code', displayName: 'Kod', required: true, text: { allowMultipleLines: false, maxLength: 255 } },
        {
          name: 'OwnerOrg',
          displayName: 'Projektägare (organisation)',
          lookup: { listId: members?.id, columnName: 'Title' },
        },
      ],
    });

    const result = await provisionSchema(sp.graph, siteId);
    expect(await schemaProblems(sp.graph, siteId)).toEqual([]);
    expect(result.created.lists).not.toContain('Members');
    expect(result.created.lists).not.toContain('Interventions');
    expect(result.created.lists).toHaveLength(SCHEMA.length - 2);
    expect(result.updated.columns).toEqual(expect.arrayContaining(['Interventions.Code', 'Interventions.Title']));
    expect(result.created.columns).toEqual(expect.arrayContaining(['Interventions.Stage', 'Interventions.Purpose']));
    expect(result.created.columns).not.toContain('Interventions.Code');

    await sp.clearRequests();
    await provisionSchema(sp.graph, siteId);
    expect((await sp.requests()).writes).toBe(0);
  });

  it('completes the Agreements library and the förbund’s name on a site provisioned before the signing existed', async () => {
    const siteId = await sp.createSite();
    // as issue 8 found sites: Agreements without ApprovalId and Signatories, no forbund.namn
    const before = SCHEMA.map((spec) =>
      spec.key === 'Agreements'
        ? { ...spec, columns: spec.columns.filter((c) => c.name !== 'ApprovalId' && c.name !== 'Signatories') }
        : spec,
    );
    const { 'forbund.namn': _name, ...oldDefaults } = SETTING_DEFAULTS;
    await provisionSchema(sp.graph, siteId, { schema: before, settings: oldDefaults });

    const result = await provisionSchema(sp.graph, siteId);
    expect(result.created.lists).toEqual([]);
    expect([...result.created.columns].sort()).toEqual(['Agreements.ApprovalId', 'Agreements.Signatories']);
    expect(result.created.settings).toEqual(['forbund.namn']);
    expect(await schemaProblems(sp.graph, siteId)).toEqual([]);
    await sp.clearRequests();
    await provisionSchema(sp.graph, siteId);
    expect((await sp.requests()).writes).toBe(0);
  });
});
