/**
 * Who is calling, from RoleAssignments. A governance role (kansli, styrelse …) counts while its
 * mandate runs (ValidFrom ≤ today ≤ ValidTo); a role for one insats counts until its ValidTo, even
 * before its ValidFrom, because an applicant works on the application before the insats starts.
 */
import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import type { RoleAssignment } from '../../domain/entities/role-assignment.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';

/** what reading a person's roles needs: every use case's deps have it */
export type ActorDeps = {
  readonly repos: Pick<Repositories, 'roleAssignments'>;
  readonly clock: Clock;
  readonly timeZone: string;
};

/** whether a role row makes its holder someone who may sign in today (and counts among their roles) */
export function countsForSignIn(
  row: Pick<RoleAssignment, 'interventionId' | 'validFrom' | 'validTo'>,
  today: string,
): boolean {
  return (
    (row.validTo === null || row.validTo >= today) &&
    (row.interventionId !== null || row.validFrom === null || row.validFrom <= today)
  );
}

export async function loadActor(deps: ActorDeps, aadObjectId: string): Promise<Actor | null> {
  const today = todayIn(deps.clock, deps.timeZone);
  const rows = await deps.repos.roleAssignments.listByAadObjectId(aadObjectId);
  const current = rows.filter((row) => countsForSignIn(row, today));
  const first = current[0];
  if (first === undefined) {
    return null;
  }
  return {
    aadObjectId: first.aadObjectId,
    name: first.name,
    roles: current.map((row) => ({ role: row.role, interventionId: row.interventionId })),
  };
}

/**
 * The person as the authorization matrix sees them: their current roles, none when they hold
 * none (the bot and the cards reach people the API would not let in, and they are refused by the
 * matrix's "Ingen roll" column rather than by a missing actor).
 */
export async function actorOf(deps: ActorDeps, aadObjectId: string): Promise<Actor> {
  return (await loadActor(deps, aadObjectId)) ?? { aadObjectId, name: '', roles: [] };
}
