import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { getApprovalForViewer } from '../../../../src/services/approvals/get-approval.ts';
import { startApproval } from '../../../../src/services/approvals/start-approval.ts';
import { ApprovalWorld, BOARD, EMMA, KARIN, MINOR_CHANGE, OUTSIDER, STYRGRUPP } from './approval-world.ts';

describe('castVote', () => {
  let world: ApprovalWorld;
  let approvalId: string;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
    approvalId = (await startApproval(world.deps(), KARIN, MINOR_CHANGE)).approvalId;
  });
  afterEach(() => {
    expect(world.errors).toEqual([]);
  });

  it('records a vote and shows the voter their own state and the tally', async () => {
    world.clock.set('2027-03-01T13:02:00Z');
    const { view, result } = await castVote(world.deps(), STYRGRUPP[0], approvalId, {
      decision: 'Godkänn',
      comment: '  Bra förslag. ',
    });

    expect(result).toBe('recorded');
    expect(view.viewer).toMatchObject({
      awaited: false,
      allowedDecisions: [],
      myVote: { decision: 'Godkänn', at: '2027-03-01T13:02:00Z' },
    });
    expect(view.tally).toMatchObject({ unit: 'personer', total: 3, approve: 1, waiting: 2, needed: 3 });
    expect(view.votes).toEqual([
      expect.objectContaining({ name: 'Anna Styr', comment: 'Bra förslag.', counted: true }),
    ]);
    expect(await world.audit('beslut.rost')).toEqual([
      expect.objectContaining({
        actorAadId: STYRGRUPP[0],
        entityId: approvalId,
        details: expect.objectContaining({ decision: 'Godkänn', rule: 'Alla' }),
      }),
    ]);
  });

  it('refuses someone who is not an approver of the stage: 403, an audit row, nothing stored', async () => {
    for (const outsider of [OUTSIDER, EMMA, KARIN]) {
      await expect(castVote(world.deps(), outsider, approvalId, { decision: 'Godkänn' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        userMessage: expect.stringContaining('insatsens styrgrupp'),
      });
    }
    expect(await world.repos.votes.listByApproval(approvalId)).toEqual([]);
    expect((await world.audit('nekad')).map((entry) => entry.actorAadId)).toEqual([OUTSIDER, EMMA, KARIN]);
  });

  it('refuses Avstår where the rule does not offer it', async () => {
    await expect(castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Avstår' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await world.repos.votes.listByApproval(approvalId)).toEqual([]);
    expect(await world.audit('nekad')).toHaveLength(1);
  });

  it('a repeated click changes nothing, even with another answer', async () => {
    await castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Godkänn' });
    const again = await castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Avslå' });

    expect(again.result).toBe('already-voted');
    expect(again.view.viewer.myVote?.decision).toBe('Godkänn');
    expect((await world.repos.votes.listByApproval(approvalId)).map((vote) => vote.decision)).toEqual(['Godkänn']);
    expect(await world.audit('beslut.rost')).toHaveLength(1);
    expect((await world.repos.approvals.findById(approvalId))?.status).toBe('Pågår');
  });

  it('answers a vote on a decided approval with the outcome and stores nothing', async () => {
    await castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Avslå' });
    const late = await castVote(world.deps(), STYRGRUPP[1], approvalId, { decision: 'Godkänn' });

    expect(late.result).toBe('closed');
    expect(late.view.status).toBe('Avslagen');
    expect(await world.repos.votes.listByApproval(approvalId)).toHaveLength(1);
    // a forged click from someone with no part in it learns nothing
    await expect(castVote(world.deps(), OUTSIDER, approvalId, { decision: 'Godkänn' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await world.audit('nekad')).toHaveLength(1);
  });

  it('takes the voter from the caller, never from the input', async () => {
    await castVote(world.deps(), STYRGRUPP[0], approvalId, {
      decision: 'Godkänn',
      voterAadId: STYRGRUPP[1],
      from: { aadObjectId: STYRGRUPP[2] },
    });
    expect((await world.repos.votes.listByApproval(approvalId)).map((vote) => vote.voterAadId)).toEqual([STYRGRUPP[0]]);
  });

  it('refuses bad input in Swedish and a personnummer in the comment', async () => {
    await expect(castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Ja' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: 'Beslutet ska vara Godkänn, Avslå, Avstår.',
    });
    await expect(
      castVote(world.deps(), STYRGRUPP[0], approvalId, { decision: 'Avslå', comment: 'Gäller 19811218-9876' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', userMessage: expect.stringContaining('personnummer') });
    await expect(castVote(world.deps(), STYRGRUPP[0], '999', { decision: 'Avslå' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await world.repos.votes.listByApproval(approvalId)).toEqual([]);
  });

  it('concurrent clicks: every vote is kept and the decision recorded once', async () => {
    // every cast waits until all three are under way, so they read the row before any decides
    let waiting = 0;
    let release: () => void = () => {};
    const allThere = new Promise<void>((resolve) => {
      release = resolve;
    });
    world.repos.votes.beforeCast = async () => {
      waiting += 1;
      if (waiting === STYRGRUPP.length) {
        release();
      }
      await allThere;
    };
    const results = await Promise.all(
      STYRGRUPP.map((member) => castVote(world.deps(), member, approvalId, { decision: 'Godkänn' })),
    );

    expect(results.map((result) => result.result)).toEqual(['recorded', 'recorded', 'recorded']);
    expect(await world.repos.votes.listByApproval(approvalId)).toHaveLength(3);
    expect((await world.repos.approvals.findById(approvalId))?.status).toBe('Godkänd');
    expect(await world.audit('beslut.fattat')).toHaveLength(1);
    expect((await world.approvals()).filter((row) => row.previousId === approvalId)).toHaveLength(1);
    expect(world.shownTo(KARIN).filter((shown) => shown.kind === 'request')).toHaveLength(1);
  });
});

describe('the board: one vote per member organisation', () => {
  let world: ApprovalWorld;
  let boardId: string;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
    const row = await world.typedRow({
      subject: 'Budgetändring',
      stage: 'Styrelse',
      rule: 'En per medlemsorganisation',
    });
    boardId = row.id;
  });

  it("a ledamot's vote replaces the ersättare's; an ersättare is not awaited once the ledamot voted", async () => {
    const [gunilla, henrik] = BOARD.REGION;
    const first = await castVote(world.deps(), henrik, boardId, { decision: 'Godkänn' });
    expect(first.view.tally).toMatchObject({ unit: 'organisationer', total: 3, approve: 1, needed: 2 });

    const { view } = await castVote(world.deps(), gunilla, boardId, { decision: 'Avslå' });
    expect(view.tally).toMatchObject({ approve: 0, reject: 1, waiting: 2 });
    expect(view.votes.map((vote) => [vote.name, vote.decision, vote.counted, vote.substitute])).toEqual([
      ['Henrik Ersättare', 'Godkänn', false, true],
      ['Gunilla Ledamot', 'Avslå', true, false],
    ]);
    const [, hanna] = BOARD.FK;
    expect((await getApprovalForViewer(world.deps(), hanna, boardId)).viewer).toMatchObject({
      awaited: true,
      allowedDecisions: ['Godkänn', 'Avslå', 'Avstår'],
    });
    const [gustav] = BOARD.FK;
    await castVote(world.deps(), gustav, boardId, { decision: 'Godkänn' });
    expect((await getApprovalForViewer(world.deps(), hanna, boardId)).viewer.awaited).toBe(false);

    const [ivar] = BOARD.VAXJO;
    const decided = await castVote(world.deps(), ivar, boardId, { decision: 'Godkänn' });
    expect(decided.view).toMatchObject({ status: 'Godkänd', tally: { approve: 2, reject: 1 } });
  });
});
