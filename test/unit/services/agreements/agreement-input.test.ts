/**
 * Whom the draft names: the insats's people whose roles begin with the insats (after the signing,
 * as in the demo's SAMUTB) are in it; a firmatecknare signs only with a mandate in force today;
 * anyone whose role has ended is left out.
 */
import { describe, expect, it } from 'vitest';
import { gatherAgreementInput } from '../../../../src/services/agreements/agreement-input.ts';
import { AgreementWorld } from './agreement-world.ts';

describe('gatherAgreementInput', () => {
  it('names the insats people whose roles start later, but only signatories in force today', async () => {
    const world = await AgreementWorld.create('2027-01-11T09:00:00Z');
    const role = (name: string, fields: Record<string, string | null>) =>
      world.repos.roleAssignments.create({
        name,
        aadObjectId: `00000000-0000-4000-8000-${String(name.length).padStart(12, '0')}`,
        email: null,
        role: 'Styrgrupp',
        memberOrgId: null,
        interventionId: null,
        validFrom: null,
        validTo: null,
        ...fields,
      } as Parameters<typeof world.repos.roleAssignments.create>[0]);
    await role('Kommande Projektledare', {
      role: 'Projektledare',
      interventionId: world.nova.id,
      validFrom: '2027-03-01',
    });
    await role('Avgången Styrgruppsledamot', { interventionId: world.nova.id, validTo: '2026-12-31' });
    await role('Framtida Firmatecknare', {
      role: 'Firmatecknare',
      memberOrgId: world.base.orgs.FK,
      validFrom: '2027-06-01',
    });

    const input = await gatherAgreementInput(world.deps(), world.nova);
    const names = input.roles.map((entry) => entry.name);
    expect(names).toContain('Kommande Projektledare');
    expect(names).not.toContain('Avgången Styrgruppsledamot');
    expect(names).not.toContain('Framtida Firmatecknare');
    expect(names).toContain('Ola Nordin');
  });
});
