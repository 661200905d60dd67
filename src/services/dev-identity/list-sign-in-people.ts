/**
 * The dev sign-in picker's list (AUTH_MODE=dev only: the route is not mounted otherwise): everyone
 * who may sign in today, by the same rule as loadActor, with their roles, the insats each scoped
 * role is for and the member organisation they sit for, grouped kansli → styrelse → … →
 * projektledare. Three list reads (Roller, Insatser, Medlemmar), whatever the number of people.
 */
import { todayIn } from '../../domain/calendar/today.ts';
import { type GroupedPerson, groupPeople } from '../../domain/people/person-groups.ts';
import { countsForSignIn } from '../register/load-actor.ts';
import type { RegisterDeps } from '../register/register-deps.ts';

export async function listSignInPeople(deps: RegisterDeps): Promise<GroupedPerson[]> {
  const today = todayIn(deps.clock, deps.timeZone);
  const [assignments, interventions, members] = await Promise.all([
    deps.repos.roleAssignments.list(),
    deps.repos.interventions.list(),
    deps.repos.members.list(),
  ]);
  const codeOf = new Map(interventions.map((intervention) => [intervention.id, intervention.code]));
  const orgOf = new Map(members.map((member) => [member.id, member.name]));
  return groupPeople(
    assignments
      .filter((row) => countsForSignIn(row, today))
      .map((row) => ({
        aadObjectId: row.aadObjectId,
        name: row.name,
        role: row.role,
        interventionCode: row.interventionId === null ? null : (codeOf.get(row.interventionId) ?? null),
        memberOrg: row.memberOrgId === null ? null : (orgOf.get(row.memberOrgId) ?? null),
      })),
  );
}
