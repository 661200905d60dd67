/**
 * "vem är jag": the name and the current roles of a person, with the insats or the member
 * organisation each role is held for.
 */

import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { readPersonRoles } from './person-roles.ts';

export type DescribePersonDeps = Pick<Repositories, 'roleAssignments' | 'interventions' | 'members'> & {
  readonly clock: Clock;
  readonly timeZone: string;
};

export type PersonRole = { readonly role: Role; readonly of: string | null };

export type PersonDescription =
  | { readonly kind: 'known'; readonly name: string | null; readonly roles: readonly PersonRole[] }
  | { readonly kind: 'unknown-person' };

export async function describePerson(deps: DescribePersonDeps, aadObjectId: string): Promise<PersonDescription> {
  const [person, members] = await Promise.all([
    readPersonRoles(deps, aadObjectId, todayIn(deps.clock, deps.timeZone)),
    deps.members.list(),
  ]);
  if (person.assignments.length === 0 && person.insatser.length === 0) {
    return { kind: 'unknown-person' };
  }
  const memberName = new Map(members.map((member) => [member.id, member.name]));
  const roles: PersonRole[] = [];
  const seen = new Set<string>();
  const push = (role: Role, of: string | null): void => {
    const key = `${role}|${of ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      roles.push({ role, of });
    }
  };
  for (const assignment of person.assignments) {
    if (assignment.interventionId === null) {
      push(assignment.role, assignment.memberOrgId === null ? null : (memberName.get(assignment.memberOrgId) ?? null));
    }
  }
  for (const { intervention, roles: insatsRoles } of person.insatser) {
    for (const role of insatsRoles) {
      push(role, intervention.code);
    }
  }
  return { kind: 'known', name: person.name, roles };
}
