/**
 * The bridge from stored rows to the approval rules in src/domain/approvals: which roles answer at
 * each stage (to know whose RoleAssignments to read), and the stored votes as the rules see them.
 * Who is awaited is decided by the domain (awaitedApprover), so `att besluta`, the cards and the
 * services agree.
 */
import type { Approver, CastVote } from '../../domain/approvals/approval-model.ts';
import { approversFor } from '../../domain/approvals/approvers.ts';
import { awaitedApprover } from '../../domain/approvals/eligibility.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { RecordedVote } from '../../domain/ports/vote-repository.ts';
import type { ApprovalStage, Role } from '../../domain/vocabulary.ts';

/** the roles that can make someone an approver at each stage (approvers.ts narrows them further) */
export const STAGE_ROLES: Readonly<Record<ApprovalStage, readonly Role[]>> = {
  Styrelse: ['Styrelseledamot', 'Styrelseersättare', 'Ordförande'],
  Beredningsgrupp: ['Beredningsgrupp'],
  Förbundschef: ['Förbundschef'],
  Styrgrupp: ['Styrgrupp'],
  Firmatecknare: ['Firmatecknare'],
};

/** the stored votes as the rules see them, ordered by SharePoint's Created stamp */
export function castVotesOf(votes: readonly RecordedVote[]): CastVote[] {
  return votes.map((vote) => ({
    voterAadId: vote.voterAadId,
    onBehalfOfOrgId: vote.onBehalfOfOrgId,
    decision: vote.decision,
    at: vote.castAt,
  }));
}

export type AwaitedVoteInput = {
  readonly approval: Pick<Approval, 'status' | 'rule' | 'stage'>;
  /** the approval's insats (needed for Styrgrupp and Firmatecknare) */
  readonly intervention: Pick<Intervention, 'id' | 'ownerOrgId' | 'partnerOrgIds'> | null;
  /** the RoleAssignments of the stage's roles (STAGE_ROLES), every person's; filtered to today here */
  readonly assignments: readonly RoleAssignment[];
  readonly votes: readonly RecordedVote[];
  readonly personAadId: string;
  readonly today: string;
};

/** the seat the approval waits for this person's vote in, or null */
export function awaitedVoteOf(input: AwaitedVoteInput): Approver | null {
  const approvers = approversFor({
    stage: input.approval.stage,
    intervention: input.intervention,
    assignments: input.assignments,
    today: input.today,
  });
  return awaitedApprover({
    approval: input.approval,
    approvers,
    votes: castVotesOf(input.votes),
    aadObjectId: input.personAadId,
  });
}
