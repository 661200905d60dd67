import { describe, expect, it } from 'vitest';
import type { DemoDirectory } from '../../../../src/sharepoint/demo/demo-directory.ts';
import { seedDemoData } from '../../../../src/sharepoint/demo/seed-demo-data.ts';
import { createInMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';

describe('seedDemoData', () => {
  it('seeds an empty site once, in dependency order, and loads the directory', async () => {
    const repos = createInMemoryRepositories();
    const directories: DemoDirectory[] = [];
    const directory = async (loaded: DemoDirectory) => {
      directories.push(loaded);
    };

    const first = await seedDemoData(repos, { directory });
    expect(first).toEqual({
      seeded: true,
      counts: {
        members: 7,
        interventions: 10,
        roleAssignments: (await repos.roleAssignments.list()).length,
        budgetLines: (await repos.budgetLines.list()).length,
        requisitions: repos.requisitions.table.all().length,
        meetings: repos.meetings.table.all().length,
      },
    });
    expect(directories).toHaveLength(1);
    expect(directories[0]?.users.length).toBeGreaterThan(40);

    const nova = await repos.interventions.findByCode('NOVA');
    expect(nova?.stage).toBe('Pågående');
    const novaRequisitions = await repos.requisitions.listByIntervention(nova?.id ?? '');
    expect(novaRequisitions.map((row) => row.periodKey)).toContain('NOVA-2026-Q3');
    expect(await repos.roleAssignments.listByIntervention(nova?.id ?? '')).toHaveLength(6);
    const members = await repos.members.list();
    expect(nova?.partnerOrgIds.every((id) => members.some((member) => member.id === id))).toBe(true);

    expect(await seedDemoData(repos, { directory })).toEqual({ seeded: false });
    expect(directories).toHaveLength(1);
    expect(await repos.members.list()).toHaveLength(7);
  });

  it('reuses members a kansli already entered', async () => {
    const repos = createInMemoryRepositories();
    const fk = await repos.members.create({
      name: 'Försäkringskassan',
      orgType: 'Stat',
      financingSharePct: 25,
      active: true,
    });
    const report = await seedDemoData(repos);
    expect(report.seeded).toBe(true);
    expect(await repos.members.list()).toHaveLength(7);
    const mittVal = await repos.interventions.findByCode('MITTVAL');
    expect(mittVal?.ownerOrgId).toBe(fk.id);
  });

  it('stops with UPSTREAM_FAILED when rows cannot be created', async () => {
    const repos = createInMemoryRepositories();
    await repos.requisitions.create({
      interventionId: '99',
      year: 2025,
      quarter: 1,
      periodKey: 'NOVA-2025-Q1',
      dueDate: '2025-04-30',
      status: 'Betald',
      amount: 1,
      specification: null,
      receivedDate: null,
      invoiceNumber: null,
    });
    await expect(seedDemoData(repos)).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
  });
});
