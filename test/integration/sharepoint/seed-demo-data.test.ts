/**
 * Seeding the demo into a freshly provisioned site on the local SharePoint: the first call
 * creates every row and loads the directory, a second call seeds nothing, and the whole seed
 * takes a few dozen Graph requests (rows are created through $batch).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { buildDemoDirectory, type DemoDirectory } from '../../../src/sharepoint/demo/demo-directory.ts';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { seedDemoData } from '../../../src/sharepoint/demo/seed-demo-data.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

let sp: LocalSharePointForTests;
let repos: Repositories;
const invalidRows: string[] = [];

async function loadDirectory(directory: DemoDirectory): Promise<void> {
  const response = await fetch(`${sp.url}/_emulator/directory`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(directory),
  });
  if (!response.ok) {
    throw new Error(`PUT /_emulator/directory → ${response.status}: ${await response.text()}`);
  }
}

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const provisioned = await provisionSchema(sp.graph, sp.siteId);
  repos = createRepositories(
    sp.graph,
    { siteId: sp.siteId, listIds: provisioned.listIds, driveIds: provisioned.driveIds },
    { onInvalidRow: (listKey, itemId) => invalidRows.push(`${listKey}/${itemId}`) },
  );
});

afterAll(async () => {
  await sp.close();
});

describe('seedDemoData on the local SharePoint', () => {
  it('seeds an empty site in a few dozen requests', async () => {
    await sp.clearRequests();
    const started = performance.now();
    const report = await seedDemoData(repos, { directory: loadDirectory });
    const elapsedMs = Math.round(performance.now() - started);
    const log = await sp.requests();
    const httpRequests = log.entries.filter((entry) => !entry.inBatch).length;
    const batches = log.entries.filter((entry) => !entry.inBatch && entry.path.endsWith('$batch')).length;

    expect(report).toEqual({
      seeded: true,
      counts: {
        members: 7,
        interventions: 10,
        roleAssignments: expect.any(Number),
        budgetLines: expect.any(Number),
        requisitions: expect.any(Number),
        meetings: expect.any(Number),
      },
    });
    if (!report.seeded) {
      throw new Error('not seeded');
    }
    const rows = Object.values(report.counts).reduce((sum, count) => sum + count, 0);
    expect(log.writes).toBe(rows);
    expect(httpRequests).toBeLessThan(30);
    console.info(
      `demo seed: ${rows} rows (${JSON.stringify(report.counts)}) in ${httpRequests} HTTP requests ` +
        `(${batches} $batch envelopes carrying ${log.writes} creates), ${elapsedMs} ms`,
    );
  });

  it('wrote rows that read back through the repositories', async () => {
    expect(invalidRows).toEqual([]);
    const counts = {
      roleAssignments: (await repos.roleAssignments.list()).length,
      budgetLines: (await repos.budgetLines.list()).length,
      interventions: (await repos.interventions.list()).length,
    };
    expect(counts.interventions).toBe(10);
    expect(counts.roleAssignments).toBeGreaterThan(80);
    expect(counts.budgetLines).toBeGreaterThan(50);

    const nova = await repos.interventions.findByCode('NOVA');
    expect(nova).toMatchObject({ stage: 'Pågående', grantedAmount: 2_460_000, partnerOrgIds: expect.any(Array) });
    expect(nova?.partnerOrgIds).toHaveLength(4);
    const leader = demoPerson('emma.strom');
    expect(nova?.projectLeaderAadId).toBe(leader.aadObjectId);
    expect((await repos.interventions.listByProjectLeader(leader.aadObjectId)).map((row) => row.code)).toEqual([
      'NOVA',
    ]);
    expect((await repos.requisitions.findByPeriodKey('NOVA-2026-Q3'))?.status).toBe('Inkommen');
    expect(await repos.requisitions.findByPeriodKey('INSKAT-2026-Q3')).toBeNull();
    expect((await repos.roleAssignments.listByRole('Ordförande')).map((row) => row.name)).toEqual(['Gunilla Axelsson']);
    expect((await repos.meetings.listBetween('2027-01-01', '2027-01-31')).map((row) => row.title)).toContain(
      'Konstituerande styrelsemöte',
    );
  });

  it('loaded the directory the app looks people up in', async () => {
    const chief = demoPerson('karin.vallgren');
    expect(await sp.graph.get(`/users/${chief.aadObjectId}`)).toMatchObject({
      displayName: 'Karin Vallgren',
      mail: 'karin.vallgren@samordningvarend.example',
    });
    const board = buildDemoDirectory().groups.find((group) => group.displayName === 'Styrelsen');
    const members = await sp.graph.getAll(`/groups/${board?.id}/members`);
    expect(members).toHaveLength(14);
  });

  it('never seeds twice', async () => {
    await sp.clearRequests();
    expect(await seedDemoData(repos, { directory: loadDirectory })).toEqual({ seeded: false });
    const log = await sp.requests();
    expect(log.writes).toBe(0);
    expect(log.total).toBe(1);
    expect(await repos.members.list()).toHaveLength(7);
  });
});
