import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voteKeyOf } from '../../../../src/domain/entities/approval.ts';
import { readPayload } from '../../../../src/services/approvals/approval-payload.ts';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { pickUpApprovals } from '../../../../src/services/approvals/pick-up-approvals.ts';
import { ApprovalWorld, KARIN, SOFIA, STYRGRUPP } from './approval-world.ts';

describe('pickUpApprovals', () => {
  let world: ApprovalWorld;
  let claimedKeys: Set<string>;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
    claimedKeys = new Set();
  });
  afterEach(() => {
    expect(world.errors).toEqual([]);
  });

  const sweep = () => pickUpApprovals(world.deps(), { now: world.clock.now(), sendTime: '08:00', claimedKeys });

  it('opens a row typed by hand: DueDate filled, approvers stamped, one card each, once', async () => {
    const row = await world.typedRow();

    const result = await sweep();

    expect(result).toMatchObject({ open: 1, opened: 1, cards: { sent: 3 }, problems: [] });
    const stored = await world.repos.approvals.findById(row.id);
    expect(stored?.dueDate).toBe('2027-03-15');
    expect(readPayload(stored?.payload).approvers?.map((seat) => seat.name)).toEqual([
      'Anna Styr',
      'Bo Styr',
      'Cecilia Styr',
    ]);
    expect(readPayload(stored?.payload).intervention).toEqual({
      id: world.nova.id,
      code: 'NOVA',
      title: 'NOVA – vägen tillbaka',
    });
    // a plan change typed by hand is not marked minor: after the styrgrupp, the board
    expect(readPayload(stored?.payload).classification?.minor).toBe(false);

    const again = await sweep();
    expect(again).toMatchObject({ opened: 0, cards: { sent: 0 } });
    // a new process asks the outbox, which has the keys already
    claimedKeys = new Set();
    expect(await sweep()).toMatchObject({ cards: { sent: 0, alreadyClaimed: 3 } });
    for (const member of STYRGRUPP) {
      expect(world.shownTo(member)).toHaveLength(1);
    }
  });

  it('keeps the approvers it stamped: a styrgrupp member added later gets no vote in this round', async () => {
    const row = await world.typedRow();
    await sweep();
    const newcomer = '0000beef-0000-4000-8000-00000000beef';
    await world.person(newcomer, 'Ny Styr', 'Styrgrupp', { insats: world.nova.id });
    await sweep();
    expect(world.shownTo(newcomer)).toEqual([]);
    await expect(castVote(world.deps(), newcomer, row.id, { decision: 'Godkänn' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('reports rows it cannot use in Swedish and leaves them as they are', async () => {
    const orphan = await world.typedRow({ interventionId: null });
    const nobody = await world.typedRow({ subject: 'Samarbetsavtal', stage: 'Firmatecknare' });

    const result = await sweep();

    expect(result.problems).toEqual(
      expect.arrayContaining([
        `Beslutsärende ${orphan.id} saknar insats: fyll i kolumnen Insats.`,
        expect.stringMatching(
          new RegExp(`^Beslutsärende ${nobody.id} \\(firmatecknare, NOVA\\) har ingen som kan besluta`),
        ),
      ]),
    );
    expect(result.cards.sent).toBe(0);
    expect((await world.repos.approvals.findById(orphan.id))?.dueDate).toBeNull();
  });

  it('decides a row whose rule was met by votes typed into SharePoint', async () => {
    const row = await world.typedRow();
    await sweep();
    for (const member of STYRGRUPP) {
      await world.repos.votes.create({
        approvalId: row.id,
        voterAadId: member,
        onBehalfOfOrgId: null,
        decision: 'Godkänn',
        comment: null,
        voteKey: voteKeyOf(row.id, member),
      });
    }

    const result = await sweep();

    expect(result.decided).toBe(1);
    expect((await world.repos.approvals.findById(row.id))?.status).toBe('Godkänd');
    expect(await world.audit('beslut.fattat')).toEqual([expect.objectContaining({ actorAadId: 'system' })]);
    // not minor: on to the board
    expect((await world.approvals()).at(-1)).toMatchObject({ stage: 'Styrelse', previousId: row.id });
  });

  it('reminds those who have not voted, once, from 08:00 two working days before the DueDate', async () => {
    const row = await world.typedRow({ dueDate: '2027-03-12' });
    await sweep();
    await castVote(world.deps(), STYRGRUPP[0], row.id, { decision: 'Godkänn' });

    world.clock.set('2027-03-10T06:30:00Z'); // Wednesday 07:30: not yet
    expect((await sweep()).reminders.sent).toBe(0);
    world.clock.set('2027-03-10T07:05:00Z'); // 08:05
    expect((await sweep()).reminders.sent).toBe(2);
    world.clock.set('2027-03-11T07:05:00Z');
    expect((await sweep()).reminders.sent).toBe(0);

    expect(world.shownTo(STYRGRUPP[0]).map((shown) => shown.kind)).toEqual(['request']);
    expect(world.shownTo(STYRGRUPP[1]).map((shown) => shown.kind)).toEqual(['request', 'reminder']);
  });

  it('expires the day after the DueDate: Utgången, cards updated, requester told, audited', async () => {
    const row = await world.typedRow({ dueDate: '2027-03-12' });
    await sweep();
    world.clock.set('2027-03-12T21:00:00Z'); // 22:00 on the DueDate: still open
    expect((await sweep()).expired).toBe(0);
    world.clock.set('2027-03-12T23:30:00Z'); // 00:30 on the 13th

    const result = await sweep();

    expect(result.expired).toBe(1);
    expect((await world.repos.approvals.findById(row.id))?.status).toBe('Utgången');
    expect(world.shownTo(SOFIA)).toEqual([expect.objectContaining({ kind: 'expired', status: 'Utgången' })]);
    for (const member of STYRGRUPP) {
      expect(world.updatesTo(member).at(-1)).toMatchObject({ status: 'Utgången', awaited: false });
    }
    expect(await world.audit('beslut.utganget')).toHaveLength(1);
    expect((await sweep()).open).toBe(0);
  });

  it('does not send cards for a typed row whose DueDate has already passed', async () => {
    const row = await world.typedRow({ dueDate: '2027-02-01' });
    const result = await sweep();
    expect(result.problems).toEqual([expect.stringContaining(`Beslutsärende ${row.id}`)]);
    expect(result.cards.sent).toBe(0);
    expect(world.shownTo(KARIN)).toEqual([]);
  });
});
