/**
 * "att besluta": the open approvals (Status Pågår) waiting for the asking person's vote, the
 * earliest due first. Who is waited for follows the approval rules (src/domain/approvals): under
 * one vote per member organisation a ledamot is still asked after the ersättare voted, because the
 * ledamot's vote replaces it; the ersättare is not asked once the organisation has voted.
 */

import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { awaitedVoteOf, STAGE_ROLES } from './approval-eligibility.ts';
import { isRoleInForce } from './role-validity.ts';

export type PendingApprovalsDeps = Pick<Repositories, 'approvals' | 'votes' | 'interventions' | 'roleAssignments'> & {
  readonly clock: Clock;
  readonly timeZone: string;
};

export type PendingApproval = {
  readonly approval: Approval;
  readonly interventionCode: string | null;
  readonly interventionTitle: string | null;
  /** the role the person votes in */
  readonly asRole: Role;
  readonly votesCast: number;
};

export type PendingApprovalsResult =
  | { readonly kind: 'approvals'; readonly today: string; readonly items: readonly PendingApproval[] }
  | { readonly kind: 'unknown-person' };

export async function listPendingApprovals(
  deps: PendingApprovalsDeps,
  aadObjectId: string,
): Promise<PendingApprovalsResult> {
  const today = todayIn(deps.clock, deps.timeZone);
  const [allRoles, open] = await Promise.all([
    deps.roleAssignments.listByAadObjectId(aadObjectId),
    deps.approvals.listByStatus('Pågår'),
  ]);
  if (allRoles.length === 0) {
    return { kind: 'unknown-person' };
  }
  const myRoles = new Set(allRoles.filter((role) => isRoleInForce(role, today)).map((role) => role.role));
  // only approvals at a stage where the person holds a role can be waiting for them
  const candidates = open.filter((approval) => STAGE_ROLES[approval.stage].some((role) => myRoles.has(role)));
  if (candidates.length === 0) {
    return { kind: 'approvals', today, items: [] };
  }
  const roles = [...new Set(candidates.flatMap((approval) => STAGE_ROLES[approval.stage]))];
  const interventionIds = [...new Set(candidates.map((approval) => approval.interventionId).filter(isString))];

  const [votesPerApproval, interventions, assignmentsPerRole] = await Promise.all([
    Promise.all(candidates.map((approval) => deps.votes.listByApproval(approval.id))),
    Promise.all(interventionIds.map((id) => deps.interventions.findById(id))),
    Promise.all(roles.map((role) => deps.roleAssignments.listByRole(role))),
  ]);
  const interventionById = new Map(
    interventions.filter((row): row is Intervention => row !== null).map((row) => [row.id, row]),
  );
  const assignments: RoleAssignment[] = assignmentsPerRole.flat();

  const items: PendingApproval[] = [];
  for (const [index, approval] of candidates.entries()) {
    const intervention =
      approval.interventionId === null ? null : (interventionById.get(approval.interventionId) ?? null);
    const votes = votesPerApproval[index] ?? [];
    const awaited = awaitedVoteOf({ approval, intervention, assignments, votes, personAadId: aadObjectId, today });
    if (awaited !== null) {
      items.push({
        approval,
        interventionCode: intervention?.code ?? null,
        interventionTitle: intervention?.title ?? null,
        asRole: awaited.role,
        votesCast: votes.length,
      });
    }
  }
  items.sort(
    (a, b) =>
      (a.approval.dueDate ?? '9999-12-31').localeCompare(b.approval.dueDate ?? '9999-12-31') ||
      a.approval.title.localeCompare(b.approval.title, 'sv'),
  );
  return { kind: 'approvals', today, items };
}

function isString(value: string | null): value is string {
  return value !== null;
}
