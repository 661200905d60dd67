/**
 * Who is acting, as the lifecycle sees it: a person and the roles they hold today. Built by the
 * services from RoleAssignments; the domain only asks questions of it.
 */
import { BOARD_ROLES, KANSLI_ROLES, type Role } from '../vocabulary.ts';

export type ActorRole = {
  readonly role: Role;
  /** set for roles held for one insats (Projektledare, Projektägare, Styrgrupp) */
  readonly interventionId: string | null;
};

export type Actor = {
  readonly aadObjectId: string;
  readonly name: string;
  readonly roles: readonly ActorRole[];
};

/** the roles that make someone an applicant of (and responsible for) one insats */
export const APPLICANT_ROLES: readonly Role[] = ['Projektledare', 'Projektägare'];

export function hasGovernanceRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((held) => held.interventionId === null && roles.includes(held.role));
}

export function isKansli(actor: Actor): boolean {
  return hasGovernanceRole(actor, KANSLI_ROLES);
}

export function isBoardMember(actor: Actor): boolean {
  return hasGovernanceRole(actor, BOARD_ROLES);
}

export function isForbundschef(actor: Actor): boolean {
  return hasGovernanceRole(actor, ['Förbundschef']);
}

/**
 * Projektledare or projektägare of this insats: by a role row scoped to it, or (for the
 * projektledare) by the insats's ProjectLeaderAadId, which the kansli may have set in SharePoint.
 */
export function isApplicantOf(
  actor: Actor,
  intervention: { readonly id: string; readonly projectLeaderAadId: string | null },
): boolean {
  if (intervention.projectLeaderAadId?.toLowerCase() === actor.aadObjectId.toLowerCase()) {
    return true;
  }
  return actor.roles.some((held) => held.interventionId === intervention.id && APPLICANT_ROLES.includes(held.role));
}

/** any role scoped to this insats (styrgrupp included): enough to read it */
export function hasRoleIn(actor: Actor, interventionId: string): boolean {
  return actor.roles.some((held) => held.interventionId === interventionId);
}
