/**
 * Reading rights in the register (research/domain.md §3, access principle): the kansli, the board
 * and the beredningsgrupp see every insats; everyone else sees the insatser they have a role in.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import {
  type Actor,
  hasGovernanceRole,
  hasRoleIn,
  isApplicantOf,
  isBoardMember,
  isKansli,
} from '../../domain/lifecycle/actor.ts';
import type { RegisterDeps } from './register-deps.ts';

export function seesEveryInsats(actor: Actor): boolean {
  return isKansli(actor) || isBoardMember(actor) || hasGovernanceRole(actor, ['Beredningsgrupp']);
}

export function maySee(actor: Actor, intervention: Pick<Intervention, 'id' | 'projectLeaderAadId'>): boolean {
  return seesEveryInsats(actor) || hasRoleIn(actor, intervention.id) || isApplicantOf(actor, intervention);
}

/** the insats, or 404 when there is none and 403 when the caller may not see it */
export async function readVisibleIntervention(deps: RegisterDeps, actor: Actor, id: string): Promise<Intervention> {
  const intervention = /^[1-9]\d*$/.test(id) ? await deps.repos.interventions.findById(id) : null;
  if (intervention === null) {
    throw new AppError('NOT_FOUND', `intervention ${id} not found`, { userMessage: `Insatsen ${id} finns inte.` });
  }
  if (!maySee(actor, intervention)) {
    throw new AppError('FORBIDDEN', `${actor.aadObjectId} may not see intervention ${id}`, {
      userMessage: 'Du har ingen roll i den här insatsen.',
    });
  }
  return intervention;
}
