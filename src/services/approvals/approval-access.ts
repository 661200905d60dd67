/**
 * Who may read, start, vote in and withdraw an approval: the authorization matrix's rows
 * `lasa-beslutsarende`, `begara-beslut`, `rosta` and `aterkalla-beslut`, evaluated with the
 * approval as scope (its insats, the seats of its current stage, who asked for it). Approvals are
 * the förbund's decisions and open to those who take part in them; the public's access goes
 * through the registrator, not the app.
 */
import type { AuthorizationScope } from '../../domain/authorization/may.ts';
import { isAllowed } from '../../domain/authorization/may.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { ApprovalContext } from './approval-context.ts';
import type { ApproverSeat } from './approval-payload.ts';

/** the approval as the matrix's scope; `projectLeaderAadId` is the insats's, when the caller has read it */
export function approvalScope(
  approval: Pick<Approval, 'interventionId' | 'requestedByAadId'>,
  seats: readonly Pick<ApproverSeat, 'aadObjectId'>[],
  projectLeaderAadId: string | null = null,
): AuthorizationScope {
  return {
    intervention: approval.interventionId === null ? null : { id: approval.interventionId, projectLeaderAadId },
    approval: { approverIds: seats.map((seat) => seat.aadObjectId), requestedByAadId: approval.requestedByAadId },
  };
}

/**
 * Readers: the kansli, the board, the beredningsgrupp, the insats's own people, and the stage's
 * approvers (a firmatecknare reads the agreements they sign). A seat counts with the role it was
 * given for, as it does for the vote: whoever may vote may read the card they vote on, also when
 * their mandate ended after the stage opened.
 */
export function mayReadApproval(
  context: ApprovalContext,
  actor: Actor,
  projectLeaderAadId: string | null = null,
): boolean {
  const wanted = actor.aadObjectId.toLowerCase();
  const seat = context.seats.find((candidate) => candidate.aadObjectId.toLowerCase() === wanted) ?? null;
  const seated = voterBySeat(actor.aadObjectId, seat, context.approval).roles;
  return isAllowed(
    { ...actor, roles: [...actor.roles, ...seated] },
    'lasa-beslutsarende',
    approvalScope(context.approval, context.seats, projectLeaderAadId),
  );
}

/**
 * The voter as the matrix sees them: the role their seat in the current stage was given for (the
 * snapshot taken when the stage opened, so a vote does not re-read RoleAssignments); no role
 * without a seat.
 */
export function voterBySeat(
  voterAadId: string,
  seat: Pick<ApproverSeat, 'role'> | null,
  approval: Pick<Approval, 'interventionId'>,
): Actor {
  return {
    aadObjectId: voterAadId,
    name: '',
    roles:
      seat === null
        ? []
        : [{ role: seat.role, interventionId: seat.role === 'Styrgrupp' ? approval.interventionId : null }],
  };
}
