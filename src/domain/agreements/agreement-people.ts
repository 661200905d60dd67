/**
 * The people a samarbetsavtal names, read from RoleAssignments: the projektledare (the insats's
 * contact person), the projektägare's representative, the styrgrupp, and the förbundschef who
 * signs for the förbund. Work contact details only (research domain.md §6.3): name, organisation,
 * work e-mail.
 */
import type { Intervention } from '../entities/intervention.ts';
import type { Member } from '../entities/member.ts';
import type { RoleAssignment } from '../entities/role-assignment.ts';

export type AgreementPerson = {
  readonly name: string;
  /** the member organisation the person represents; the förbund's name for its own staff */
  readonly organisation: string | null;
  readonly email: string | null;
};

export type SteeringGroupSeat = AgreementPerson & {
  /** the projektägare's representative chairs the styrgrupp (seed 003 §4.3) */
  readonly chair: boolean;
};

type PeopleInput = {
  readonly forbundName: string;
  readonly intervention: Intervention;
  readonly members: readonly Member[];
  readonly roles: readonly RoleAssignment[];
  readonly today: string;
};

/**
 * A role that has ended is not in force. One that starts later is: an insats's roles apply from
 * its start date, after the agreement is signed.
 */
export function rolesInForce(roles: readonly RoleAssignment[], today: string): RoleAssignment[] {
  return roles.filter((role) => role.validTo === null || role.validTo >= today);
}

function organisationOf(input: PeopleInput, role: RoleAssignment): string | null {
  if (role.memberOrgId === null) {
    // only the kansli holds insats roles without a member organisation
    return role.role === 'Styrgrupp' || role.role === 'Projektledare' ? input.forbundName : null;
  }
  return input.members.find((member) => member.id === role.memberOrgId)?.name ?? null;
}

function personOf(input: PeopleInput, role: RoleAssignment): AgreementPerson {
  return { name: role.name, organisation: organisationOf(input, role), email: role.email };
}

function insatsRole(input: PeopleInput, name: RoleAssignment['role']): RoleAssignment[] {
  return rolesInForce(input.roles, input.today).filter(
    (role) => role.role === name && role.interventionId === input.intervention.id,
  );
}

export function projectLeaderOf(input: PeopleInput): AgreementPerson | null {
  const [role] = insatsRole(input, 'Projektledare');
  if (role !== undefined) {
    return personOf(input, role);
  }
  // the insats names its projektledare by Entra id even before the role is registered
  const aad = input.intervention.projectLeaderAadId;
  const known = aad === null ? undefined : input.roles.find((candidate) => candidate.aadObjectId === aad);
  return known === undefined ? null : { name: known.name, organisation: null, email: known.email };
}

export function projectOwnerRepresentativeOf(input: PeopleInput): AgreementPerson | null {
  const [role] = insatsRole(input, 'Projektägare');
  return role === undefined ? null : personOf(input, role);
}

/** the styrgrupp, its chair first, each person once */
export function steeringGroupOf(input: PeopleInput): SteeringGroupSeat[] {
  const ownerRep = insatsRole(input, 'Projektägare')[0]?.aadObjectId ?? null;
  const seen = new Set<string>();
  const seats = insatsRole(input, 'Styrgrupp').flatMap((role) => {
    if (seen.has(role.aadObjectId)) {
      return [];
    }
    seen.add(role.aadObjectId);
    return [{ ...personOf(input, role), chair: role.aadObjectId === ownerRep }];
  });
  return [...seats.filter((seat) => seat.chair), ...seats.filter((seat) => !seat.chair)];
}

/** the förbundschef, who signs for the förbund when the caller passes that role */
export function forbundSignatoryOf(input: PeopleInput): string | null {
  return rolesInForce(input.roles, input.today).find((role) => role.role === 'Förbundschef')?.name ?? null;
}
