/**
 * What one person is, read from RoleAssignments (by Entra object id) and from ProjectLeaderAadId
 * on the insatser: shared by the bot's questions, which all start from "who is asking".
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import { INSATS_ROLES, type Role } from '../../domain/vocabulary.ts';
import { isRoleCurrent } from './role-validity.ts';

export type PersonRolesDeps = Pick<Repositories, 'roleAssignments' | 'interventions'>;

export type InsatsRole = {
  readonly intervention: Intervention;
  /** in the order Projektledare, Projektägare, Styrgrupp */
  readonly roles: readonly Role[];
};

export type PersonRoles = {
  /** the name RoleAssignments gives, or null when the person holds no role */
  readonly name: string | null;
  /** every current role, insats roles included */
  readonly assignments: readonly RoleAssignment[];
  /** the insatser the person has a role in, with those roles */
  readonly insatser: readonly InsatsRole[];
  /** current roles not tied to an insats (styrelse, beredningsgrupp, kansli, firmatecknare) */
  readonly governanceRoles: readonly Role[];
};

export async function readPersonRoles(deps: PersonRolesDeps, aadObjectId: string, today: string): Promise<PersonRoles> {
  const [assignments, led] = await Promise.all([
    deps.roleAssignments.listByAadObjectId(aadObjectId),
    deps.interventions.listByProjectLeader(aadObjectId),
  ]);
  const current = assignments.filter((assignment) => isRoleCurrent(assignment, today));

  const rolesByInsats = new Map<string, Set<Role>>();
  const add = (interventionId: string, role: Role): void => {
    const roles = rolesByInsats.get(interventionId) ?? new Set<Role>();
    roles.add(role);
    rolesByInsats.set(interventionId, roles);
  };
  for (const assignment of current) {
    if (assignment.interventionId !== null && INSATS_ROLES.includes(assignment.role)) {
      add(assignment.interventionId, assignment.role);
    }
  }
  for (const intervention of led) {
    add(intervention.id, 'Projektledare');
  }

  const known = new Map(led.map((intervention) => [intervention.id, intervention]));
  const missing = [...rolesByInsats.keys()].filter((id) => !known.has(id));
  // only the user's few insatser are read, not the whole register with its long texts
  for (const intervention of await Promise.all(missing.map((id) => deps.interventions.findById(id)))) {
    if (intervention !== null) {
      known.set(intervention.id, intervention);
    }
  }

  const insatser: InsatsRole[] = [];
  for (const [id, roles] of rolesByInsats) {
    const intervention = known.get(id);
    if (intervention !== undefined) {
      insatser.push({ intervention, roles: INSATS_ROLES.filter((role) => roles.has(role)) });
    }
  }
  const governanceRoles = [
    ...new Set(current.filter((assignment) => assignment.interventionId === null).map((a) => a.role)),
  ];
  return {
    name: current[0]?.name ?? assignments[0]?.name ?? null,
    assignments: current,
    insatser,
    governanceRoles,
  };
}
