import { describe, expect, it } from 'vitest';
import { seedDemoApprovals } from '../../../../src/sharepoint/demo/seed-demo-approvals.ts';
import { seedDemoData } from '../../../../src/sharepoint/demo/seed-demo-data.ts';
import { createInMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';

describe('seedDemoApprovals (the approvals `att besluta` shows in the demo)', () => {
  it('adds SAMSYN before the board and SAMSJUK before the beredningsgrupp with one vote, once', async () => {
    const repos = createInMemoryRepositories();
    expect(await seedDemoApprovals(repos)).toEqual({ approvals: 0, votes: 0 }); // nothing seeded yet
    await seedDemoData(repos);
    expect(await seedDemoApprovals(repos)).toEqual({ approvals: 2, votes: 1 });
    expect(await seedDemoApprovals(repos)).toEqual({ approvals: 0, votes: 0 });

    const open = await repos.approvals.listByStatus('Pågår');
    expect(open.map((row) => [row.title.split(' – ')[0], row.stage, row.rule, row.dueDate])).toEqual([
      ['Ansökan SAMSYN', 'Styrelse', 'En per medlemsorganisation', '2026-12-17'],
      ['Ansökan SAMSJUK', 'Beredningsgrupp', 'Majoritet', '2027-01-14'],
    ]);
    const votes = await repos.votes.listByApproval(open[1]?.id ?? '');
    expect(votes).toMatchObject([{ decision: 'Godkänn', onBehalfOfOrgId: expect.any(String) }]);
  });
});
