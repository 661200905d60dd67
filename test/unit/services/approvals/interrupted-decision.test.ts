/**
 * The process dies (or a step fails) after a decision is written but before its consequences
 * have run: the next sweep finishes them — once. The next stage is not opened twice and the
 * money of a budget change is not moved twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { castVote } from '../../../../src/services/approvals/cast-vote.ts';
import { pickUpApprovals } from '../../../../src/services/approvals/pick-up-approvals.ts';
import { startApproval } from '../../../../src/services/approvals/start-approval.ts';
import { ApprovalWorld, KARIN, MINOR_CHANGE, STYRGRUPP } from './approval-world.ts';

describe('a decision whose consequences were interrupted', () => {
  let world: ApprovalWorld;
  beforeEach(async () => {
    world = await ApprovalWorld.create();
  });
  afterEach(() => {
    // the interrupted step logs its failure on purpose
    expect(world.errors.every((entry) => JSON.stringify(entry).includes('consequence'))).toBe(true);
  });

  it('the sweep opens the next stage that the crash did not, and only once', async () => {
    const first = await startApproval(world.deps(), KARIN, MINOR_CHANGE);
    // the next stage's row cannot be written when the styrgrupp decides
    const create = world.repos.approvals.create.bind(world.repos.approvals);
    world.repos.approvals.create = async () => {
      throw new Error('the process died here');
    };
    for (const member of STYRGRUPP) {
      await castVote(world.deps(), member, first.approvalId, { decision: 'Godkänn' });
    }
    world.repos.approvals.create = create;
    expect((await world.approvals()).map((row) => [row.stage, row.status])).toEqual([['Styrgrupp', 'Godkänd']]);

    const swept = await pickUpApprovals(world.deps());
    expect(swept.lines.join('\n')).toContain('beslutets följder slutfördes efter ett avbrott');
    expect((await world.approvals()).map((row) => [row.stage, row.status])).toEqual([
      ['Styrgrupp', 'Godkänd'],
      ['Förbundschef', 'Pågår'],
    ]);

    await pickUpApprovals(world.deps());
    expect(await world.approvals()).toHaveLength(2);
  });

  it('a budget change is applied once, however often its consequences are run', async () => {
    const first = await startApproval(world.deps(), KARIN, MINOR_CHANGE);
    for (const member of STYRGRUPP) {
      await castVote(world.deps(), member, first.approvalId, { decision: 'Godkänn' });
    }
    const second = (await world.approvals()).find((row) => row.stage === 'Förbundschef');
    const before = await world.budget();
    // the lines are written, then the process dies before the row is marked done
    const update = world.repos.approvals.update.bind(world.repos.approvals);
    let decisionWritten = false;
    world.repos.approvals.update = async (id, patch, options) => {
      const payload = patch.payload as { consequencesDone?: boolean } | undefined;
      if (decisionWritten && payload?.consequencesDone === true) {
        throw new Error('the process died here');
      }
      decisionWritten ||= patch.status === 'Godkänd';
      return update(id, patch, options);
    };
    await castVote(world.deps(), KARIN, second?.id ?? '', { decision: 'Godkänn' }).catch(() => undefined);
    world.repos.approvals.update = update;
    const moved = await world.budget();
    expect(moved).not.toEqual(before);

    await pickUpApprovals(world.deps());
    await pickUpApprovals(world.deps());
    expect(await world.budget()).toEqual(moved);
    expect(await world.audit('budget.andrad')).toHaveLength(1);
  });
});
