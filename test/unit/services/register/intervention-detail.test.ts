/**
 * The insats detail's people, organisation names and history with fakes — above all that AuditLog
 * rows of another list with the same id (ids are per list) never leak into an insats's history,
 * and that a vote's comment never reaches the answer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../../src/domain/clock.ts';
import type { NewAuditEntry } from '../../../../src/domain/entities/audit-entry.ts';
import type { Actor } from '../../../../src/domain/lifecycle/actor.ts';
import type { Role } from '../../../../src/domain/vocabulary.ts';
import { getIntervention } from '../../../../src/services/register/get-intervention.ts';
import type { RegisterDeps } from '../../../../src/services/register/register-deps.ts';
import { createInMemoryRepositories, type InMemoryRepositories } from '../../../fakes/in-memory-repositories.ts';
import { newIntervention } from '../sweep/sweep-world.ts';

const KARIN = 'aaaaaaaa-0000-4000-8000-000000000001';
const EMMA = 'aaaaaaaa-0000-4000-8000-000000000002';
const JENNY = 'aaaaaaaa-0000-4000-8000-000000000003';
const OLD = 'aaaaaaaa-0000-4000-8000-000000000004';
const KANSLI: Actor = {
  aadObjectId: KARIN,
  name: 'Karin Vallgren',
  roles: [{ role: 'Förbundschef', interventionId: null }],
};

let repos: InMemoryRepositories;
let deps: RegisterDeps;
let ids: { nova: string; other: string; vaxjo: string; region: string; approval: string; requisition: string };

async function role(
  aadObjectId: string,
  name: string,
  role: Role,
  interventionId: string | null,
  memberOrgId: string | null,
  validTo: string | null = null,
) {
  await repos.roleAssignments.create({
    name,
    aadObjectId,
    email: null,
    role,
    memberOrgId,
    interventionId,
    validFrom: '2026-01-01',
    validTo,
  });
}

function audit(
  entityList: string,
  entityId: string,
  action: string,
  at: string,
  actorAadId: string,
  details: unknown,
): Promise<unknown> {
  const entry: NewAuditEntry = { at, actorAadId, action, entityList, entityId, details };
  return repos.auditLog.append(entry);
}

beforeEach(async () => {
  repos = createInMemoryRepositories();
  deps = {
    repos,
    clock: new FixedClock('2026-11-24T08:00:00Z'),
    timeZone: 'Europe/Stockholm',
    unreadableRows: { clear: () => undefined, list: () => [] },
  };
  const vaxjo = (
    await repos.members.create({ name: 'Växjö kommun', orgType: 'Kommun', financingSharePct: 10, active: true })
  ).id;
  const region = (
    await repos.members.create({ name: 'Region Kronoberg', orgType: 'Region', financingSharePct: 25, active: true })
  ).id;
  // the other insats first: its id is '1', the same as NOVA's approval's and requisition's ids
  const other = (await repos.interventions.create(newIntervention({ code: 'ENTER', title: 'Enter' }))).id;
  const nova = (
    await repos.interventions.create(newIntervention({ ownerOrgId: region, partnerOrgIds: [vaxjo, region, '99'] }))
  ).id;
  const approval = (
    await repos.approvals.create({
      title: 'Budgetändring – NOVA',
      interventionId: nova,
      subject: 'Budgetändring',
      stage: 'Styrgrupp',
      rule: 'Alla',
      status: 'Pågår',
      dueDate: null,
      requestedByAadId: KARIN,
      amount: 40_000,
      payload: null,
      previousId: null,
    })
  ).id;
  const requisition = (
    await repos.requisitions.create({
      interventionId: nova,
      year: 2026,
      quarter: 3,
      periodKey: 'NOVA-2026-Q3',
      dueDate: '2026-10-30',
      status: 'Inkommen',
      amount: 12_500,
      specification: null,
      receivedDate: null,
      invoiceNumber: 'VK-1',
    })
  ).id;
  ids = { nova, other, vaxjo, region, approval, requisition };
  await role(KARIN, 'Karin Vallgren', 'Förbundschef', null, null);
  await role(EMMA, 'Emma Ström', 'Projektledare', nova, vaxjo);
  await role(JENNY, 'Jenny Karlberg', 'Styrgrupp', nova, region);
  await role(JENNY, 'Jenny Karlberg', 'Projektägare', nova, region);
  await role(OLD, 'Åke Förre', 'Styrgrupp', nova, null, '2026-06-30');
  await role(OLD, 'Åke Förre', 'Firmatecknare', nova, region);
  await role(EMMA, 'Emma Ström', 'Projektledare', other, vaxjo);
});

describe('the insats detail', () => {
  it('lists the people with a role in it today, and its organisations by name', async () => {
    const detail = await getIntervention(deps, KANSLI, ids.nova);
    expect(detail.people.map((person) => `${person.role} ${person.name} ${person.memberOrg ?? '-'}`)).toEqual([
      'Projektledare Emma Ström Växjö kommun',
      'Projektägare Jenny Karlberg Region Kronoberg',
      'Styrgrupp Jenny Karlberg Region Kronoberg',
      'Firmatecknare Åke Förre Region Kronoberg',
    ]);
    expect(detail.members).toEqual([
      { id: ids.region, name: 'Region Kronoberg' },
      { id: ids.vaxjo, name: 'Växjö kommun' },
    ]);
  });

  it('shows its own, its approvals’ and its requisitions’ audit rows, newest first, never another list’s', async () => {
    await audit('Interventions', ids.nova, 'insats.skede', '2026-01-10T09:00:00Z', KARIN, {
      from: 'Avtal',
      to: 'Uppstart',
    });
    await audit('Interventions', ids.nova, 'insats.skede', '2026-02-10T09:00:00Z', 'system', {
      from: 'Uppstart',
      to: 'Pågående',
    });
    await audit('Approvals', ids.approval, 'beslut.rost', '2026-11-01T09:00:00Z', JENNY, {
      decision: 'Avslå',
      comment: 'Ring mig, 070-123 45 67',
    });
    await audit('Requisitions', ids.requisition, 'rekvisition.registrerad', '2026-11-02T09:00:00Z', EMMA, {
      periodKey: 'NOVA-2026-Q3',
    });
    // ENTER's rows: the insats itself has id '1', like NOVA's approval and requisition
    await audit('Interventions', ids.other, 'insats.skede', '2026-11-03T09:00:00Z', KARIN, {
      from: 'Pågående',
      to: 'Avslutas',
    });
    await audit('Settings', ids.nova, 'installningar.andrad', '2026-11-04T09:00:00Z', KARIN, {});

    const detail = await getIntervention(deps, KANSLI, ids.nova);
    expect(detail.audit.map((row) => `${row.entityList} ${row.summary} ${row.actorName ?? '-'}`)).toEqual([
      'Requisitions Rekvisition NOVA-2026-Q3 registrerad Emma Ström',
      'Approvals Röst: Avslå Jenny Karlberg',
      'Interventions Skede: Uppstart → Pågående -',
      'Interventions Skede: Avtal → Uppstart Karin Vallgren',
    ]);
    expect(JSON.stringify(detail)).not.toContain('070-123');
    expect(detail.stageHistory).toEqual([
      { at: '2026-01-10T09:00:00Z', from: 'Avtal', to: 'Uppstart', actorName: 'Karin Vallgren' },
      { at: '2026-02-10T09:00:00Z', from: 'Uppstart', to: 'Pågående', actorName: null },
    ]);
  });

  it('keeps the hundred newest rows', async () => {
    for (let day = 0; day < 120; day += 1) {
      const at = new Date(Date.UTC(2026, 0, 1 + day, 9)).toISOString().replace('.000Z', 'Z');
      await audit('Interventions', ids.nova, 'insats.uppdaterad', at, EMMA, { changed: ['purpose'] });
    }
    const detail = await getIntervention(deps, KANSLI, ids.nova);
    expect(detail.audit).toHaveLength(100);
    expect(detail.audit[0]?.at).toBe('2026-04-30T09:00:00Z');
    expect(detail.audit.at(-1)?.at).toBe('2026-01-21T09:00:00Z');
  });
});
