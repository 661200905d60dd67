/**
 * Whether an approval is waiting for one person's answer: the card shows them buttons, and `att
 * besluta` lists the approval, exactly when this says so. Pure; the same rules as decision-rules.ts.
 */
import type { Approval } from '../entities/approval.ts';
import type { Approver, CastVote } from './approval-model.ts';
import { approverFor } from './approvers.ts';
import { evaluate } from './decision-rules.ts';

export type AwaitedInput = {
  readonly approval: Pick<Approval, 'status' | 'rule'>;
  /** the approvers of the approval's current stage (approvers.ts) */
  readonly approvers: readonly Approver[];
  readonly votes: readonly CastVote[];
  readonly aadObjectId: string;
};

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The approver whose answer the approval is waiting for, or null when it is not: they are not an
 * approver, the approval is no longer Pågår, they have voted, or the rule is already met.
 *
 * Under 'En per medlemsorganisation' the organisation votes once: an ersättare is waited for only
 * while neither the ledamot nor another ersättare of the organisation has voted, and only when the
 * organisation has a ledamot among the approvers (only such organisations have a vote). A ledamot
 * is waited for even after their ersättare voted, because the ledamot's vote replaces it.
 */
export function awaitedApprover(input: AwaitedInput): Approver | null {
  const { approval, approvers, votes, aadObjectId } = input;
  const me = approverFor(approvers, aadObjectId);
  if (me === null || approval.status !== 'Pågår') {
    return null;
  }
  if (votes.some((vote) => sameId(vote.voterAadId, aadObjectId))) {
    return null;
  }
  if (evaluate(approval.rule, approvers, votes).outcome !== 'Pågår') {
    return null;
  }
  if (approval.rule === 'En per medlemsorganisation' && me.substitute) {
    const seats = approvers.filter(
      (approver) => approver.memberOrgId !== null && approver.memberOrgId === me.memberOrgId,
    );
    if (!seats.some((seat) => !seat.substitute)) {
      return null;
    }
    const organisationVoted = votes.some((vote) => seats.some((seat) => sameId(seat.aadObjectId, vote.voterAadId)));
    if (organisationVoted) {
      return null;
    }
  }
  return me;
}
