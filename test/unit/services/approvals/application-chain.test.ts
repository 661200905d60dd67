import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { startApproval } from '../../../../src/services/approvals/start-approval.ts';
import { ApprovalWorld, BEREDNING, BOARD, KARIN, SOFIA } from './approval-world.ts';

const APPLICATION = {
  insats: 'NOVA',
  subject: 'Ansökan',
  summary: 'NOVA söker 1 000 000 kr för 2027.',
  amount: '1 000 000 kr',
};

describe('an application: beredningsgrupp, then the board', () => {
  let world: ApprovalWorld;
  beforeEach(async () => {
    world = await ApprovalWorld.create('2027-03-01T08:00:00Z', {
      stage: 'Beredning',
      decisionDate: null,
      decisionRef: null,
      grantedAmount: null,
    });
  });
  afterEach(() => {
    expect(world.errors).toEqual([]);
  });

  it('the recommendation goes to the board, the insats is proposed, then Beviljad with its DecisionDate and the amount applied for', async () => {
    const first = await startApproval(world.deps(), SOFIA, APPLICATION);
    expect(first).toMatchObject({ stage: 'Beredningsgrupp', rule: 'Majoritet', amount: 1_000_000 });

    await castVote(world.deps(), BEREDNING[0], first.approvalId, { decision: 'Godkänn', comment: 'Välgrundad.' });
    const split = await castVote(world.deps(), BEREDNING[1], first.approvalId, { decision: 'Godkänn' });
    expect(split.view).toMatchObject({ status: 'Godkänd', nextStageTitle: 'styrelsen' });

    const board = (await world.approvals()).find((row) => row.stage === 'Styrelse');
    expect(board).toMatchObject({ rule: 'En per medlemsorganisation', status: 'Pågår', dueDate: '2027-03-22' });
    expect((await world.repos.interventions.findById(world.nova.id))?.stage).toBe('Förslag till styrelsen');
    // the beredningsgrupp member who had not voted can no longer vote on it
    await expect(castVote(world.deps(), BEREDNING[2], first.approvalId, { decision: 'Avslå' })).resolves.toMatchObject({
      result: 'closed',
    });

    const [gustav] = BOARD.FK;
    const boardView = await castVote(world.deps(), gustav, board?.id ?? '', { decision: 'Godkänn' });
    expect(boardView.view.recommendation).toEqual({
      stage: 'Beredningsgrupp',
      outcome: 'Godkänd',
      tally: expect.objectContaining({ approve: 2, total: 3 }),
      comments: [{ name: 'Dora Bered', decision: 'Godkänn', comment: 'Välgrundad.' }],
    });
    const [, henrik] = BOARD.REGION;
    const decided = await castVote(world.deps(), henrik, board?.id ?? '', { decision: 'Godkänn' });

    expect(decided.view.status).toBe('Godkänd');
    expect(await world.repos.interventions.findById(world.nova.id)).toMatchObject({
      stage: 'Beviljad',
      decisionDate: '2027-03-01',
      grantedAmount: 1_000_000,
    });
    expect(world.shownTo(SOFIA).map((shown) => [shown.kind, shown.stage, shown.status])).toEqual([
      ['requester-outcome', 'Beredningsgrupp', 'Godkänd'],
      ['requester-outcome', 'Styrelse', 'Godkänd'],
    ]);
  });

  it('the board decides even when the beredningsgrupp advises against; a no makes the insats Avslagen', async () => {
    const first = await startApproval(world.deps(), SOFIA, APPLICATION);
    await castVote(world.deps(), BEREDNING[0], first.approvalId, { decision: 'Avslå' });
    await castVote(world.deps(), BEREDNING[1], first.approvalId, { decision: 'Avstår' });
    const board = (await world.approvals()).find((row) => row.stage === 'Styrelse');
    expect(board?.status).toBe('Pågår');

    await castVote(world.deps(), BOARD.FK[0], board?.id ?? '', { decision: 'Avslå' });
    await castVote(world.deps(), BOARD.VAXJO[1], board?.id ?? '', { decision: 'Avslå' });

    expect((await world.repos.interventions.findById(world.nova.id))?.stage).toBe('Avslagen');
  });

  it('an application is put to decision only while under beredning', async () => {
    await world.repos.interventions.update(world.nova.id, { stage: 'Inkommen' });
    await expect(startApproval(world.deps(), KARIN, APPLICATION)).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: expect.stringContaining('under beredning'),
    });
  });
});
