/**
 * Moves an insats to another stage: from the API (`via: 'api'`, a person), and from the approvals
 * and agreement flows (`via: 'approval'` / `'agreement'`), which call this when a board decision
 * is recorded or the last party has signed.
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Via } from '../../domain/lifecycle/transition-rules.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { readVisibleIntervention } from './access.ts';
import { applyTransition } from './apply-transition.ts';
import type { RegisterDeps } from './register-deps.ts';

export type TransitionInput = {
  readonly interventionId: string;
  readonly to: Stage;
  readonly comment?: string | null;
  readonly via?: Via;
};

export async function transitionIntervention(
  deps: RegisterDeps,
  actor: Actor,
  input: TransitionInput,
): Promise<Intervention> {
  const intervention = await readVisibleIntervention(deps, actor, input.interventionId, 'byta-skede');
  return applyTransition(deps, {
    intervention,
    to: input.to,
    via: input.via ?? 'api',
    actor,
    comment: input.comment ?? null,
  });
}
