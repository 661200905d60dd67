import { describe, expect, it } from 'vitest';
import { listMyInterventions } from '../../../../src/services/bot-queries/list-my-interventions.ts';
import { aad, demoFixture, UNKNOWN_AAD } from './demo-fixture.ts';

describe('listMyInterventions', () => {
  it('lists the projektledare’s insats with her role', async () => {
    const deps = await demoFixture();
    expect(await listMyInterventions(deps, aad('emma.strom'))).toEqual({
      kind: 'interventions',
      personName: 'Emma Ström',
      items: [
        {
          id: expect.any(String),
          code: 'NOVA',
          title: 'NOVA – nya vägar för unga vuxna',
          stage: 'Pågående',
          roles: ['Projektledare'],
          startDate: '2025-01-01',
          endDate: '2027-12-31',
        },
      ],
    });
  });

  it('combines the roles of someone in several insatser, running ones first', async () => {
    const deps = await demoFixture();
    const result = await listMyInterventions(deps, aad('jenny.karlberg'));
    if (result.kind !== 'interventions') {
      throw new Error(result.kind);
    }
    expect(result.items.map((item) => [item.code, item.roles.join('+'), item.stage])).toEqual([
      ['ENTER', 'Styrgrupp', 'Pågående'],
      ['NOVA', 'Projektägare+Styrgrupp', 'Pågående'],
      ['SAMSJUK', 'Projektägare+Styrgrupp', 'Beredning'],
    ]);
  });

  it('counts ProjectLeaderAadId on the insats even without a role row, and drops ended roles', async () => {
    const deps = await demoFixture();
    const nova = await deps.interventions.findByCode('NOVA');
    const emmasRoles = await deps.roleAssignments.listByAadObjectId(aad('emma.strom'));
    for (const role of emmasRoles) {
      await deps.roleAssignments.update(role.id, { validTo: '2026-06-30' });
    }
    expect((await listMyInterventions(deps, aad('emma.strom'))).kind).toBe('interventions');
    await deps.interventions.update(nova?.id ?? '', { projectLeaderAadId: null });
    expect(await listMyInterventions(deps, aad('emma.strom'))).toEqual({ kind: 'unknown-person' });
  });

  it('tells a board member that they have no insats role, with their roles', async () => {
    const deps = await demoFixture();
    expect(await listMyInterventions(deps, aad('gunilla.axelsson'))).toEqual({
      kind: 'no-insats-role',
      personName: 'Gunilla Axelsson',
      roles: ['Styrelseledamot', 'Ordförande'],
    });
  });

  it('does not know someone outside the role list', async () => {
    const deps = await demoFixture();
    expect(await listMyInterventions(deps, UNKNOWN_AAD)).toEqual({ kind: 'unknown-person' });
  });
});
