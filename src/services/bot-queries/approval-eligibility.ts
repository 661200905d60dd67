/**
 * Who an open approval is waiting for (DESIGN.md §6): the body of its Stage, narrowed to the
 * insats where the body is per insats, minus those who have voted — and, under "one vote per
 * member organisation", minus everyone whose organisation has voted (a member's ersättare votes
 * only while the ledamot has not). Pure; the approvals issue may move it into src/domain.
 */
import type { Approval, Vote } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { ApprovalStage, Role } from '../../domain/vocabulary.ts';

export const STAGE_ROLES: Readonly<Record<ApprovalStage, readonly Role[]>> = {
  Styrelse: ['Styrelseledamot', 'Styrelseersättare'],
  Beredningsgrupp: ['Beredningsgrupp'],
  Förbundschef: ['Förbundschef'],
  Styrgrupp: ['Styrgrupp'],
  Firmatecknare: ['Firmatecknare'],
};

export type EligibilityInput = {
  readonly approval: Approval;
  /** the approval's insats (needed for Styrgrupp and Firmatecknare) */
  readonly intervention: Intervention | null;
  /** the person's roles in force today */
  readonly personRoles: readonly RoleAssignment[];
  readonly personAadId: string;
  readonly votes: readonly Vote[];
  /** the member organisation of each board member (lower-case AAD id → member id), for votes without OnBehalfOfOrg */
  readonly boardSeats: ReadonlyMap<string, string>;
};

/** the role the person holds that makes them a voter on this approval, or null */
export function eligibleRole(input: Omit<EligibilityInput, 'votes' | 'boardSeats'>): RoleAssignment | null {
  const { approval, intervention, personRoles } = input;
  const roles = STAGE_ROLES[approval.stage];
  const parties = new Set(
    intervention === null ? [] : [intervention.ownerOrgId, ...intervention.partnerOrgIds].filter(isString),
  );
  // the ledamot before the ersättare, so the card says "ledamot" for someone who is both
  const ordered = [...personRoles].sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
  for (const assignment of ordered) {
    if (!roles.includes(assignment.role)) {
      continue;
    }
    if (approval.stage === 'Styrgrupp' && assignment.interventionId !== approval.interventionId) {
      continue;
    }
    if (
      approval.stage === 'Firmatecknare' &&
      (assignment.memberOrgId === null || !parties.has(assignment.memberOrgId))
    ) {
      continue;
    }
    return assignment;
  }
  return null;
}

/** the role to vote in when the approval is waiting for this person's vote, else null */
export function awaitedVoteRole(input: EligibilityInput): RoleAssignment | null {
  const { approval, votes, personAadId } = input;
  if (approval.status !== 'Pågår') {
    return null;
  }
  const role = eligibleRole(input);
  if (role === null) {
    return null;
  }
  const me = personAadId.toLowerCase();
  if (votes.some((vote) => vote.voterAadId.toLowerCase() === me)) {
    return null;
  }
  if (approval.rule === 'Först svarande' && votes.length > 0) {
    return null;
  }
  if (approval.rule === 'En per medlemsorganisation' && role.memberOrgId !== null) {
    const votedOrgs = new Set(
      votes
        .map((vote) => vote.onBehalfOfOrgId ?? input.boardSeats.get(vote.voterAadId.toLowerCase()) ?? null)
        .filter(isString),
    );
    if (votedOrgs.has(role.memberOrgId)) {
      return null;
    }
  }
  return role;
}

function isString(value: string | null): value is string {
  return value !== null;
}
