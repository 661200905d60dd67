import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { listDelegationDecisions } from '../../../../src/services/approvals/list-delegation-decisions.ts';
import { startApproval } from '../../../../src/services/approvals/start-approval.ts';
import { ApprovalWorld, BOARD, KARIN, MAJOR_CHANGE, MINOR_CHANGE, SOFIA, STYRGRUPP } from './approval-world.ts';

describe('a budget change through its chain', () => {
  let world: ApprovalWorld;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
  });
  afterEach(() => {
    expect(world.errors).toEqual([]);
  });

  it('starts at the styrgrupp under Alla, with a Swedish title, and sends each member one card', async () => {
    const view = await startApproval(world.deps(), KARIN, MINOR_CHANGE);

    expect(view).toMatchObject({
      title: 'Budgetändring NOVA – flytt 40\u00a0000\u00a0kr från Övrigt till Personal 2027',
      stage: 'Styrgrupp',
      rule: 'Alla',
      status: 'Pågår',
      amount: 40_000,
      dueDate: '2027-03-15',
      requestedByName: 'Karin Vallgren',
      intervention: { code: 'NOVA' },
      tabUrl: `https://insatsnavet.example/?insats=${world.nova.id}`,
      budgetChange: { year: 2027, minor: true },
      viewer: { awaited: false },
    });
    for (const member of STYRGRUPP) {
      expect(world.shownTo(member)).toEqual([
        expect.objectContaining({ kind: 'request', approvalId: view.approvalId, awaited: true }),
      ]);
    }
    expect(world.shownTo(KARIN)).toEqual([]);
    expect(await world.audit('beslut.startat')).toHaveLength(1);
  });

  it('goes to the förbundschef when minor, and her approval moves the money and is a delegationsbeslut', async () => {
    const first = await startApproval(world.deps(), KARIN, MINOR_CHANGE);
    for (const member of STYRGRUPP) {
      await castVote(world.deps(), member, first.approvalId, { decision: 'Godkänn' });
    }

    const rows = await world.approvals();
    expect(rows.map((row) => [row.stage, row.rule, row.status])).toEqual([
      ['Styrgrupp', 'Alla', 'Godkänd'],
      ['Förbundschef', 'Först svarande', 'Pågår'],
    ]);
    const second = rows[1];
    expect(second?.previousId).toBe(first.approvalId);
    // every styrgrupp card now shows the outcome; Karin has the new card and, as requester, the outcome
    for (const member of STYRGRUPP) {
      expect(world.updatesTo(member).at(-1)).toMatchObject({ kind: 'outcome', status: 'Godkänd' });
    }
    expect(world.shownTo(KARIN).map((shown) => [shown.kind, shown.approvalId])).toEqual(
      expect.arrayContaining([
        ['request', second?.id],
        ['requester-outcome', first.approvalId],
      ]),
    );
    expect(await world.budget()).toEqual({ Personal: 600_000, Lokaler: 100_000, Övrigt: 300_000 });

    const decided = await castVote(world.deps(), KARIN, second?.id ?? '', { decision: 'Godkänn' });

    expect(decided.view).toMatchObject({ status: 'Godkänd', delegationDecision: true });
    expect(await world.budget()).toEqual({ Personal: 640_000, Lokaler: 100_000, Övrigt: 260_000 });
    expect(await world.audit('budget.andrad')).toEqual([
      expect.objectContaining({ entityId: world.nova.id, details: expect.objectContaining({ applied: true }) }),
    ]);
    const [ledamot] = BOARD.REGION;
    const listed = await listDelegationDecisions(world.deps(), ledamot, {});
    expect(listed.items.map((item) => item.approvalId)).toEqual([second?.id]);
    expect((await listDelegationDecisions(world.deps(), ledamot, { from: '2027-03-02' })).items).toEqual([]);
  });

  it('goes to the styrelse when above the threshold, and the board decides it', async () => {
    const first = await startApproval(world.deps(), KARIN, MAJOR_CHANGE);
    expect(first.budgetChange).toMatchObject({ minor: false });
    for (const member of STYRGRUPP) {
      await castVote(world.deps(), member, first.approvalId, { decision: 'Godkänn' });
    }
    const board = (await world.approvals()).find((row) => row.stage === 'Styrelse');
    expect(board).toMatchObject({ rule: 'En per medlemsorganisation', status: 'Pågår' });
    // six board members, one card each
    for (const seat of Object.values(BOARD).flat()) {
      expect(world.shownTo(seat).map((shown) => shown.kind)).toEqual(['request']);
    }
    await castVote(world.deps(), BOARD.FK[0], board?.id ?? '', { decision: 'Godkänn' });
    const decided = await castVote(world.deps(), BOARD.REGION[1], board?.id ?? '', { decision: 'Godkänn' });

    expect(decided.view.status).toBe('Godkänd');
    expect(await world.budget()).toEqual({ Personal: 750_000, Lokaler: 100_000, Övrigt: 150_000 });
    // a board decision is not a delegationsbeslut
    expect((await listDelegationDecisions(world.deps(), KARIN, {})).items).toEqual([]);
  });

  it('the threshold comes from Settings andring.grans-procent', async () => {
    await world.repos.settings.set('andring.grans-procent', '20');
    const view = await startApproval(world.deps(), KARIN, MAJOR_CHANGE);
    expect(view.budgetChange).toMatchObject({ minor: true });
  });

  it('ends when the styrgrupp says no: nothing further, the budget untouched', async () => {
    const first = await startApproval(world.deps(), KARIN, MINOR_CHANGE);
    await castVote(world.deps(), STYRGRUPP[0], first.approvalId, { decision: 'Godkänn' });
    const { view } = await castVote(world.deps(), STYRGRUPP[1], first.approvalId, {
      decision: 'Avslå',
      comment: 'Vänta till hösten.',
    });

    expect(view.status).toBe('Avslagen');
    expect((await world.approvals()).map((row) => row.status)).toEqual(['Avslagen']);
    expect(await world.budget()).toEqual({ Personal: 600_000, Lokaler: 100_000, Övrigt: 300_000 });
    expect(world.shownTo(KARIN)).toEqual([expect.objectContaining({ kind: 'requester-outcome', status: 'Avslagen' })]);
    // the one who had not voted sees the outcome and no buttons
    expect(world.updatesTo(STYRGRUPP[2]).at(-1)).toMatchObject({ status: 'Avslagen', awaited: false });
  });

  it('a plan change goes to the förbundschef only when the kansli marks it minor', async () => {
    const minor = await startApproval(world.deps(), SOFIA, {
      insats: 'NOVA',
      subject: 'Planändring',
      summary: 'Träffarna flyttas från tisdag till torsdag.',
      plan: { beskrivning: 'Träffarna flyttas från tisdag till torsdag.', mindre: true },
    });
    expect(minor.planChange).toEqual({ description: 'Träffarna flyttas från tisdag till torsdag.', minor: true });
    for (const member of STYRGRUPP) {
      await castVote(world.deps(), member, minor.approvalId, { decision: 'Godkänn' });
    }
    expect((await world.approvals()).at(-1)).toMatchObject({ stage: 'Förbundschef' });
  });
});
