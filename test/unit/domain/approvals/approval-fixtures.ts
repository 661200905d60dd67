/**
 * Small builders for the approval-rule tests: a board of N organisations (ledamot + ersättare
 * each), a group of N people, and votes at given minutes.
 */
import type { Approver, CastVote, VoteDecision } from '../../../../src/domain/approvals/approval-model.ts';
import type { RoleAssignment } from '../../../../src/domain/entities/role-assignment.ts';
import type { Role } from '../../../../src/domain/vocabulary.ts';

/** `org3` → ledamot `L3`, ersättare `E3` (and `F3` for a second ersättare) */
export function ledamot(org: number): Approver {
  return {
    aadObjectId: `L${org}`,
    name: `Ledamot ${org}`,
    role: 'Styrelseledamot',
    memberOrgId: `${org}`,
    substitute: false,
  };
}

export function ersattare(org: number, second = false): Approver {
  return {
    aadObjectId: `${second ? 'F' : 'E'}${org}`,
    name: `Ersättare ${org}${second ? 'b' : ''}`,
    role: 'Styrelseersättare',
    memberOrgId: `${org}`,
    substitute: true,
  };
}

/** the board of `orgs` member organisations, each with a ledamot and an ersättare */
export function board(orgs: number): Approver[] {
  return Array.from({ length: orgs }, (_, index) => [ledamot(index + 1), ersattare(index + 1)]).flat();
}

/** `n` approvers P1…Pn (a styrgrupp, the beredningsgrupp …) */
export function group(n: number, role: Role = 'Beredningsgrupp'): Approver[] {
  return Array.from({ length: n }, (_, index) => ({
    aadObjectId: `P${index + 1}`,
    name: `Person ${index + 1}`,
    role,
    memberOrgId: null,
    substitute: false,
  }));
}

/** a vote at minute `minute` of a fixed morning (so the order is the time order) */
export function vote(voterAadId: string, decision: VoteDecision, minute: number): CastVote {
  return {
    voterAadId,
    onBehalfOfOrgId: null,
    decision,
    at: `2026-12-01T09:${String(minute).padStart(2, '0')}:00Z`,
  };
}

/** votes in the order written, one minute apart: `votes(['L1','Godkänn'], ['E2','Avslå'])` */
export function votes(...cast: Array<[string, VoteDecision]>): CastVote[] {
  return cast.map(([voter, decision], index) => vote(voter, decision, index));
}

let nextId = 1;

/** a RoleAssignment row as the list holds it */
export function assignment(
  fields: Partial<RoleAssignment> & Pick<RoleAssignment, 'aadObjectId' | 'role'>,
): RoleAssignment {
  const id = String(nextId++);
  return {
    id,
    etag: `"${id},1"`,
    name: fields.name ?? `Person ${fields.aadObjectId}`,
    email: null,
    memberOrgId: null,
    interventionId: null,
    validFrom: null,
    validTo: null,
    ...fields,
  };
}
