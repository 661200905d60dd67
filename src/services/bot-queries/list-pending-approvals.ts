/**
 * "att besluta": the open approvals (Status Pågår) waiting for the asking person's vote, the
 * earliest due first.
 */

import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { awaitedVoteRole } from './approval-eligibility.ts';
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
  const personRoles = allRoles.filter((role) => isRoleInForce(role, today));
  const needsBoardSeats = open.some((approval) => approval.rule === 'En per medlemsorganisation');
  const interventionIds = [...new Set(open.map((approval) => approval.interventionId).filter(isString))];

  const [votesPerApproval, interventions, boardSeats] = await Promise.all([
    Promise.all(open.map((approval) => deps.votes.listByApproval(approval.id))),
    Promise.all(interventionIds.map((id) => deps.interventions.findById(id))),
    needsBoardSeats ? readBoardSeats(deps) : Promise.resolve(new Map<string, string>()),
  ]);
  const interventionById = new Map(
    interventions.filter((row): row is Intervention => row !== null).map((row) => [row.id, row]),
  );

  const items: PendingApproval[] = [];
  for (const [index, approval] of open.entries()) {
    const intervention =
      approval.interventionId === null ? null : (interventionById.get(approval.interventionId) ?? null);
    const votes = votesPerApproval[index] ?? [];
    const role = awaitedVoteRole({ approval, intervention, personRoles, personAadId: aadObjectId, votes, boardSeats });
    if (role !== null) {
      items.push({
        approval,
        interventionCode: intervention?.code ?? null,
        interventionTitle: intervention?.title ?? null,
        asRole: role.role,
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

async function readBoardSeats(deps: Pick<Repositories, 'roleAssignments'>): Promise<Map<string, string>> {
  const [members, substitutes] = await Promise.all([
    deps.roleAssignments.listByRole('Styrelseledamot'),
    deps.roleAssignments.listByRole('Styrelseersättare'),
  ]);
  const seats = new Map<string, string>();
  for (const seat of [...members, ...substitutes]) {
    if (seat.memberOrgId !== null) {
      seats.set(seat.aadObjectId.toLowerCase(), seat.memberOrgId);
    }
  }
  return seats;
}

function isString(value: string | null): value is string {
  return value !== null;
}
