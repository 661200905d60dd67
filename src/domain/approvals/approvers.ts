/**
 * Who answers at each stage (issue 4), from the RoleAssignments list:
 * - Styrelse: the ledamöter and ersättare, each for their member organisation. The ordförande is
 *   the ledamot of their organisation (an Ordförande row with a MemberOrg is a seat by itself).
 * - Beredningsgrupp, Förbundschef: everyone holding that role.
 * - Styrgrupp: the styrgrupp of the approval's insats.
 * - Firmatecknare: the signatories of the insats's parties (its OwnerOrg and PartnerOrgs).
 * Only mandates in force today count (ValidFrom ≤ today ≤ ValidTo; an empty bound is open).
 */
import type { Intervention } from '../entities/intervention.ts';
import type { RoleAssignment } from '../entities/role-assignment.ts';
import type { ApprovalStage, Role } from '../vocabulary.ts';
import type { Approver } from './approval-model.ts';

export type ApproversInput = {
  readonly stage: ApprovalStage;
  /** the approval's insats; without one there is no styrgrupp and no parties to sign */
  readonly intervention: Pick<Intervention, 'id' | 'ownerOrgId' | 'partnerOrgIds'> | null;
  /** every RoleAssignment row; the function picks the ones in force and relevant */
  readonly assignments: readonly RoleAssignment[];
  /** `YYYY-MM-DD` in the förbund's time zone */
  readonly today: string;
};

function inForce(assignment: RoleAssignment, today: string): boolean {
  return (
    (assignment.validFrom === null || assignment.validFrom <= today) &&
    (assignment.validTo === null || assignment.validTo >= today)
  );
}

function approver(assignment: RoleAssignment, role: Role, substitute: boolean): Approver {
  return {
    aadObjectId: assignment.aadObjectId,
    name: assignment.name,
    role,
    memberOrgId: assignment.memberOrgId,
    substitute,
  };
}

/** a board seat, or null: a seat only counts for a member organisation (the rule is one vote per organisation) */
function boardSeat(assignment: RoleAssignment): Approver | null {
  if (assignment.memberOrgId === null) {
    return null;
  }
  switch (assignment.role) {
    case 'Styrelseledamot':
    case 'Ordförande':
      return approver(assignment, assignment.role, false);
    case 'Styrelseersättare':
      return approver(assignment, assignment.role, true);
    default:
      return null;
  }
}

function candidate(assignment: RoleAssignment, input: ApproversInput): Approver | null {
  const { stage, intervention } = input;
  switch (stage) {
    case 'Styrelse':
      return boardSeat(assignment);
    case 'Beredningsgrupp':
    case 'Förbundschef':
      return assignment.role === stage ? approver(assignment, stage, false) : null;
    case 'Styrgrupp':
      return assignment.role === 'Styrgrupp' && intervention !== null && assignment.interventionId === intervention.id
        ? approver(assignment, 'Styrgrupp', false)
        : null;
    case 'Firmatecknare': {
      if (assignment.role !== 'Firmatecknare' || intervention === null || assignment.memberOrgId === null) {
        return null;
      }
      const parties = [intervention.ownerOrgId, ...intervention.partnerOrgIds];
      return parties.includes(assignment.memberOrgId) ? approver(assignment, 'Firmatecknare', false) : null;
    }
  }
}

/** which of a person's seats wins: a ledamot (the ledamot row before the Ordförande row) over an ersättare */
function rank(candidate: Approver): number {
  if (candidate.substitute) {
    return 2;
  }
  return candidate.role === 'Ordförande' ? 1 : 0;
}

/** The approvers of one stage, one entry per person, sorted by name (Swedish order). */
export function approversFor(input: ApproversInput): Approver[] {
  const byPerson = new Map<string, Approver>();
  for (const assignment of input.assignments) {
    if (!inForce(assignment, input.today)) {
      continue;
    }
    const found = candidate(assignment, input);
    if (found === null) {
      continue;
    }
    const key = found.aadObjectId.toLowerCase();
    const held = byPerson.get(key);
    if (held === undefined || rank(found) < rank(held)) {
      byPerson.set(key, found);
    }
  }
  return [...byPerson.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'sv') || a.aadObjectId.localeCompare(b.aadObjectId),
  );
}

/** the approver with this AAD id (any case), or null */
export function approverFor(approvers: readonly Approver[], aadObjectId: string): Approver | null {
  const wanted = aadObjectId.toLowerCase();
  return approvers.find((candidate) => candidate.aadObjectId.toLowerCase() === wanted) ?? null;
}
