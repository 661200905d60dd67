/**
 * Who may read an approval and who may start or withdraw one. Approvals are the förbund's
 * decisions and open to those who take part in them; the public's access goes through the
 * registrator, not the app.
 */
import { todayIn } from '../../domain/calendar/today.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import { BOARD_ROLES, KANSLI_ROLES, type Role } from '../../domain/vocabulary.ts';
import { isRoleCurrent, isRoleInForce } from '../bot-queries/role-validity.ts';
import type { ApprovalContext } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';

export type PersonRoles = {
  /** roles held for the förbund (no insats), in force today */
  readonly governance: readonly Role[];
  /** insats ids the person holds a role in (projektledare, projektägare, styrgrupp) */
  readonly insatser: ReadonlySet<string>;
  /** the name as RoleAssignments spells it, when the person has a row */
  readonly name: string | null;
};

export async function rolesOf(
  deps: Pick<ApprovalDeps, 'repos' | 'clock' | 'timeZone'>,
  aadObjectId: string,
): Promise<PersonRoles> {
  const today = todayIn(deps.clock, deps.timeZone);
  const rows = await deps.repos.roleAssignments.listByAadObjectId(aadObjectId);
  return rolesFrom(rows, today);
}

export function rolesFrom(rows: readonly RoleAssignment[], today: string): PersonRoles {
  const governance = rows
    .filter((row) => row.interventionId === null && isRoleInForce(row, today))
    .map((row) => row.role);
  const insatser = new Set(
    rows
      .filter((row) => row.interventionId !== null && isRoleCurrent(row, today))
      .map((row) => row.interventionId as string),
  );
  return { governance: [...new Set(governance)], insatser, name: rows[0]?.name ?? null };
}

export function isKansli(roles: PersonRoles): boolean {
  return roles.governance.some((role) => KANSLI_ROLES.includes(role));
}

export function isForbundschef(roles: PersonRoles): boolean {
  return roles.governance.includes('Förbundschef');
}

/** the board and the kansli read the delegationsbeslut */
export function readsDelegationDecisions(roles: PersonRoles): boolean {
  return roles.governance.some((role) => KANSLI_ROLES.includes(role) || BOARD_ROLES.includes(role));
}

function sameId(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

/**
 * Readers: the stage's approvers, the requester, the kansli, the board, the beredningsgrupp and
 * the insats's own people. `projectLeaderAadId` is the insats's, when the caller has read it.
 */
export function mayReadApproval(
  context: ApprovalContext,
  viewerAadId: string,
  roles: PersonRoles,
  projectLeaderAadId: string | null = null,
): boolean {
  const { approval } = context;
  return (
    context.seats.some((seat) => sameId(seat.aadObjectId, viewerAadId)) ||
    sameId(approval.requestedByAadId, viewerAadId) ||
    roles.governance.some(
      (role) => KANSLI_ROLES.includes(role) || BOARD_ROLES.includes(role) || role === 'Beredningsgrupp',
    ) ||
    (approval.interventionId !== null && roles.insatser.has(approval.interventionId)) ||
    sameId(projectLeaderAadId, viewerAadId)
  );
}
