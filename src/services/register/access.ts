/**
 * Reading rights in the register (research/domain.md §3, access principle), as the authorization
 * matrix's `lasa-insats` row says: the kansli, the board and the beredningsgrupp see every insats;
 * everyone else sees the insatser they have a role in. A refusal is logged (`nekad`).
 */
import { AppError } from '../../domain/app-error.ts';
import type { AuthorizationAction } from '../../domain/authorization/authorization-matrix.ts';
import { isAllowed } from '../../domain/authorization/may.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { refuse } from '../authorization/refuse.ts';
import type { RegisterDeps } from './register-deps.ts';

export const INTERVENTION_ENTITY_LIST = 'Interventions';

export function maySee(actor: Actor, intervention: Pick<Intervention, 'id' | 'projectLeaderAadId'>): boolean {
  return isAllowed(actor, 'lasa-insats', { intervention });
}

/**
 * The insats, or 404 when there is none and 403 (logged as `nekad` for `action`, the thing the
 * caller came to do) when the caller may not see it.
 */
export async function readVisibleIntervention(
  deps: RegisterDeps,
  actor: Actor,
  id: string,
  action: AuthorizationAction = 'lasa-insats',
): Promise<Intervention> {
  const intervention = /^[1-9]\d*$/.test(id) ? await deps.repos.interventions.findById(id) : null;
  if (intervention === null) {
    throw new AppError('NOT_FOUND', `intervention ${id} not found`, { userMessage: `Insatsen ${id} finns inte.` });
  }
  if (!maySee(actor, intervention)) {
    await refuse(deps, {
      actorAadId: actor.aadObjectId,
      action,
      entity: { list: INTERVENTION_ENTITY_LIST, id: intervention.id },
      reason: 'Du har ingen roll i den här insatsen.',
    });
  }
  return intervention;
}
