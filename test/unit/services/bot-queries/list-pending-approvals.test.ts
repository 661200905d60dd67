import { describe, expect, it } from 'vitest';
import { voteKeyOf } from '../../../../src/domain/entities/approval.ts';
import { listPendingApprovals } from '../../../../src/services/bot-queries/list-pending-approvals.ts';
import type { PersonKey } from '../../../../src/sharepoint/demo/demo-people.ts';
import { aad, type DemoFixture, demoFixture, UNKNOWN_AAD } from './demo-fixture.ts';

async function pendingFor(deps: DemoFixture, person: PersonKey): Promise<string[]> {
  const result = await listPendingApprovals(deps, aad(person));
  return result.kind === 'approvals'
    ? result.items.map((item) => `${item.interventionCode}:${item.asRole}`)
    : [result.kind];
}

async function vote(deps: DemoFixture, code: string, voter: PersonKey, onBehalfOfOrgId: string | null): Promise<void> {
  const intervention = await deps.interventions.findByCode(code);
  const [approval] = await deps.approvals.listByIntervention(intervention?.id ?? '');
  await deps.votes.create({
    approvalId: approval?.id ?? '',
    voterAadId: aad(voter),
    onBehalfOfOrgId,
    decision: 'Godkänn',
    comment: null,
    voteKey: voteKeyOf(approval?.id ?? '', aad(voter)),
  });
}

describe('listPendingApprovals', () => {
  it('shows a board member the application before the board', async () => {
    const deps = await demoFixture();
    const result = await listPendingApprovals(deps, aad('gunilla.axelsson'));
    expect(result).toMatchObject({
      kind: 'approvals',
      items: [
        {
          interventionCode: 'SAMSYN',
          asRole: 'Styrelseledamot',
          votesCast: 0,
          approval: { stage: 'Styrelse', rule: 'En per medlemsorganisation', status: 'Pågår', dueDate: '2026-12-17' },
        },
      ],
    });
    expect(await pendingFor(deps, 'henrik.blom')).toEqual(['SAMSYN:Styrelseersättare']);
  });

  it('one vote per member organisation: after the ersättare voted, only the ledamot (whose vote replaces it) is still asked', async () => {
    const deps = await demoFixture();
    await vote(deps, 'SAMSYN', 'henrik.blom', null); // the ersättare voted; his seat tells the organisation
    expect(await pendingFor(deps, 'henrik.blom')).toEqual([]);
    expect(await pendingFor(deps, 'gunilla.axelsson')).toEqual(['SAMSYN:Styrelseledamot']);
    expect(await pendingFor(deps, 'lars.hedstrom')).toEqual(['SAMSYN:Styrelseledamot']);
  });

  it('one vote per member organisation: once the ledamot voted, the ersättare is not asked', async () => {
    const deps = await demoFixture();
    await vote(deps, 'SAMSYN', 'gunilla.axelsson', null);
    expect(await pendingFor(deps, 'gunilla.axelsson')).toEqual([]);
    expect(await pendingFor(deps, 'henrik.blom')).toEqual([]);
    expect(await pendingFor(deps, 'maria.sjoberg')).toEqual(['SAMSYN:Styrelseersättare']);
  });

  it('shows the beredningsgrupp the application before it, except to the member who voted', async () => {
    const deps = await demoFixture();
    expect(await pendingFor(deps, 'malin.ostlund')).toEqual(['SAMSJUK:Beredningsgrupp']);
    expect(await pendingFor(deps, 'helena.rydberg')).toEqual([]);
    expect(await pendingFor(deps, 'emma.strom')).toEqual([]);
    expect(await pendingFor(deps, 'karin.vallgren')).toEqual([]);
  });

  it('narrows styrgrupp and firmatecknare approvals to the insats and its parties', async () => {
    const deps = await demoFixture();
    const nova = await deps.interventions.findByCode('NOVA');
    const base = {
      interventionId: nova?.id ?? null,
      status: 'Pågår' as const,
      dueDate: '2026-12-31',
      requestedByAadId: null,
      amount: null,
      payload: null,
      previousId: null,
    };
    await deps.approvals.create({
      ...base,
      title: 'Budgetändring NOVA',
      subject: 'Budgetändring',
      stage: 'Styrgrupp',
      rule: 'Alla',
    });
    await deps.approvals.create({
      ...base,
      title: 'Samarbetsavtal NOVA',
      subject: 'Samarbetsavtal',
      stage: 'Firmatecknare',
      rule: 'Alla',
    });
    expect(await pendingFor(deps, 'david.ekstrom')).toEqual(['NOVA:Styrgrupp']);
    expect(await pendingFor(deps, 'patrik.berg')).toEqual([]); // styrgrupp of FIA, not NOVA
    expect(await pendingFor(deps, 'magnus.aberg')).toEqual(['NOVA:Firmatecknare']); // Växjö owns NOVA
    expect(await pendingFor(deps, 'birgitta.holm')).toEqual([]); // Alvesta is no party of NOVA
  });

  it('asks nobody once the first answer is in, and never about closed approvals', async () => {
    const deps = await demoFixture();
    const samsyn = await deps.interventions.findByCode('SAMSYN');
    const [approval] = await deps.approvals.listByIntervention(samsyn?.id ?? '');
    await deps.approvals.update(approval?.id ?? '', { rule: 'Först svarande' });
    expect(await pendingFor(deps, 'gunilla.axelsson')).toEqual(['SAMSYN:Styrelseledamot']);
    await vote(deps, 'SAMSYN', 'lars.hedstrom', null);
    expect(await pendingFor(deps, 'gunilla.axelsson')).toEqual([]);
    await deps.approvals.update(approval?.id ?? '', { rule: 'Majoritet', status: 'Godkänd' });
    expect(await pendingFor(deps, 'camilla.noren')).toEqual([]);
  });

  it('does not know someone outside the role list', async () => {
    const deps = await demoFixture();
    expect(await listPendingApprovals(deps, UNKNOWN_AAD)).toEqual({ kind: 'unknown-person' });
  });
});
