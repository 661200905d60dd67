import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { getApprovalForViewer } from '../../../../src/services/approvals/get-approval.ts';
import { listDelegationDecisions } from '../../../../src/services/approvals/list-delegation-decisions.ts';
import { listMyApprovals } from '../../../../src/services/approvals/list-my-approvals.ts';
import { startApproval } from '../../../../src/services/approvals/start-approval.ts';
import { withdrawApproval } from '../../../../src/services/approvals/withdraw-approval.ts';
import {
  ApprovalWorld,
  BOARD,
  EMMA,
  KARIN,
  MAJOR_CHANGE,
  MINOR_CHANGE,
  OUTSIDER,
  SOFIA,
  STYRGRUPP,
} from './approval-world.ts';

describe('startApproval', () => {
  let world: ApprovalWorld;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
  });
  afterEach(() => {
    expect(world.errors).toEqual([]);
  });

  it('is for the kansli only: others get 403 and an audit row, nothing is created', async () => {
    for (const someone of [EMMA, STYRGRUPP[0], BOARD.REGION[0]]) {
      await expect(startApproval(world.deps(), someone, MINOR_CHANGE)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        userMessage: 'Bara kansliet kan begära ett beslut.',
      });
    }
    expect(await world.approvals()).toEqual([]);
    expect(await world.audit('nekad')).toHaveLength(3);
  });

  it('says per field what is wrong, in Swedish', async () => {
    const attempt = (input: Record<string, unknown>) =>
      startApproval(world.deps(), KARIN, { ...MINOR_CHANGE, ...input });
    await expect(attempt({ change: undefined })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.objectContaining({ path: 'change' })] },
    });
    await expect(attempt({ dueDate: '2027-02-28' })).rejects.toMatchObject({
      details: { issues: [{ path: 'dueDate', message: 'Svara senast kan inte vara före i dag (2027-03-01).' }] },
    });
    await expect(attempt({ summary: 'Gäller 19811218-9876' })).rejects.toMatchObject({
      details: {
        issues: [expect.objectContaining({ path: 'summary', message: expect.stringContaining('personnummer') })],
      },
    });
    await expect(
      attempt({ change: { year: 2027, moves: [{ from: 'Övrigt', to: 'Övrigt', amount: 10 }] } }),
    ).rejects.toMatchObject({
      details: { issues: [{ path: 'change.moves.0.to', message: 'Från-post och till-post ska vara olika.' }] },
    });
    await expect(
      attempt({ change: { year: 2027, moves: [{ from: 'Lokaler', to: 'Personal', amount: 200_000 }] } }),
    ).rejects.toMatchObject({ userMessage: expect.stringContaining('Lokaler 2027 skulle bli negativ') });
    await expect(attempt({ insats: 'OKÄND' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await world.approvals()).toEqual([]);
  });

  it('takes the due date asked for and refuses a second open approval of the same kind', async () => {
    const first = await startApproval(world.deps(), KARIN, { ...MINOR_CHANGE, dueDate: '2027-04-30' });
    expect(first.dueDate).toBe('2027-04-30');
    await expect(startApproval(world.deps(), SOFIA, MAJOR_CHANGE)).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: expect.stringContaining('redan ett öppet beslutsärende om budgetändring'),
    });
  });

  it('refuses when the insats has no styrgrupp to ask', async () => {
    for (const row of await world.repos.roleAssignments.listByRole('Styrgrupp')) {
      await world.repos.roleAssignments.delete(row.id);
    }
    await expect(startApproval(world.deps(), KARIN, MINOR_CHANGE)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: 'NOVA har ingen styrgrupp i listan RoleAssignments. Lägg in styrgruppen först.',
    });
    expect(await world.approvals()).toEqual([]);
  });
});

describe('withdrawApproval', () => {
  let world: ApprovalWorld;
  let approvalId: string;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
    approvalId = (await startApproval(world.deps(), SOFIA, MINOR_CHANGE)).approvalId;
  });

  it('by the requester: Återkallad, every card updated, audited', async () => {
    const view = await withdrawApproval(world.deps(), SOFIA, approvalId, 'Fel belopp.');
    expect(view).toMatchObject({ status: 'Återkallad', withdrawnReason: 'Fel belopp.' });
    for (const member of STYRGRUPP) {
      expect(world.updatesTo(member).at(-1)).toMatchObject({ status: 'Återkallad', awaited: false });
    }
    expect(await world.audit('beslut.aterkallat')).toHaveLength(1);
    await expect(castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Godkänn' })).resolves.toMatchObject({
      result: 'closed',
    });
  });

  it('by the förbundschef, who tells the requester; by anyone else refused', async () => {
    await expect(withdrawApproval(world.deps(), STYRGRUPP[0], approvalId, { reason: 'Nej' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await world.audit('nekad')).toHaveLength(1);
    await withdrawApproval(world.deps(), KARIN, approvalId, { reason: 'Inaktuellt.' });
    expect(world.shownTo(SOFIA)).toEqual([
      expect.objectContaining({ kind: 'requester-outcome', status: 'Återkallad' }),
    ]);
  });

  it('not once decided, and not without a reason', async () => {
    await expect(withdrawApproval(world.deps(), SOFIA, approvalId, '  ')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Avslå' });
    await expect(withdrawApproval(world.deps(), SOFIA, approvalId, 'Sent')).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});

describe('reading approvals', () => {
  let world: ApprovalWorld;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
  });

  it('the approvers, the requester, the kansli, the board and the insats read it; others do not', async () => {
    const { approvalId } = await startApproval(world.deps(), KARIN, MINOR_CHANGE);
    for (const reader of [STYRGRUPP[1], KARIN, SOFIA, BOARD.VAXJO[1], EMMA]) {
      await expect(getApprovalForViewer(world.deps(), reader, approvalId)).resolves.toMatchObject({ approvalId });
    }
    await expect(getApprovalForViewer(world.deps(), OUTSIDER, approvalId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getApprovalForViewer(world.deps(), KARIN, 'abc')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('"att besluta": awaiting my answer first (earliest due), then the open ones I asked for', async () => {
    const budget = await startApproval(world.deps(), KARIN, { ...MINOR_CHANGE, dueDate: '2027-04-30' });
    const plan = await startApproval(world.deps(), SOFIA, {
      insats: 'NOVA',
      subject: 'Planändring',
      summary: 'Ny målgrupp.',
      dueDate: '2027-03-20',
    });
    expect((await listMyApprovals(world.deps(), STYRGRUPP[0])).items.map((item) => item.approvalId)).toEqual([
      plan.approvalId,
      budget.approvalId,
    ]);
    await castVote(world.deps(), STYRGRUPP[0], plan.approvalId, { decision: 'Godkänn' });
    expect((await listMyApprovals(world.deps(), STYRGRUPP[0])).items.map((item) => item.approvalId)).toEqual([
      budget.approvalId,
    ]);
    expect((await listMyApprovals(world.deps(), SOFIA)).items.map((item) => item.approvalId)).toEqual([
      plan.approvalId,
    ]);
    expect((await listMyApprovals(world.deps(), OUTSIDER)).items).toEqual([]);
  });

  it('delegationsbeslut are for the board and the kansli', async () => {
    await expect(listDelegationDecisions(world.deps(), EMMA, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listDelegationDecisions(world.deps(), KARIN, { from: '1 mars' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
