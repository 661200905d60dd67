/**
 * Submits an application (skicka in): Ansökan or Komplettering → Inkommen, and an idea straight
 * through Ansökan. Every check runs before anything is written, so a refused submit stores
 * nothing and lists, in Swedish, everything that is missing.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { checkTransition } from '../../domain/lifecycle/check-transition.ts';
import { authorize, refuse } from '../authorization/refuse.ts';
import { INTERVENTION_ENTITY_LIST, readVisibleIntervention } from './access.ts';
import { applyTransition } from './apply-transition.ts';
import type { RegisterDeps } from './register-deps.ts';
import { gatherTransitionFacts } from './transition-facts.ts';

export async function submitApplication(
  deps: RegisterDeps,
  actor: Actor,
  interventionId: string,
): Promise<Intervention> {
  const intervention = await readVisibleIntervention(deps, actor, interventionId, 'skicka-in');
  await authorize(deps, actor, 'skicka-in', { intervention }, { list: INTERVENTION_ENTITY_LIST, id: intervention.id });
  if (intervention.stage === 'Idé') {
    // the idea becomes an application on the way in; check that step first, write once
    const first = checkTransition({
      intervention,
      to: 'Ansökan',
      via: 'api',
      actor,
      facts: await gatherTransitionFacts(deps, intervention),
    });
    if (!first.ok) {
      if (first.refusal === 'FORBIDDEN') {
        await refuse(deps, {
          actorAadId: actor.aadObjectId,
          action: 'skicka-in',
          entity: { list: INTERVENTION_ENTITY_LIST, id: intervention.id },
          reason: first.reasons.join(' '),
          details: { from: 'Idé', to: 'Inkommen' },
        });
      }
      throw new AppError(first.refusal === 'FORBIDDEN' ? 'FORBIDDEN' : 'INVALID_STATE', 'submit refused', {
        userMessage: first.reasons.join(' '),
        details: { reasons: first.reasons },
      });
    }
    return applyTransition(deps, {
      intervention: { ...intervention, stage: 'Ansökan' },
      originalStage: 'Idé',
      to: 'Inkommen',
      via: 'api',
      actor,
      action: 'insats.inskickad',
    });
  }
  if (intervention.stage !== 'Ansökan' && intervention.stage !== 'Komplettering') {
    throw new AppError('INVALID_STATE', `cannot submit from ${intervention.stage}`, {
      userMessage: `Ansökan kan bara skickas in från skedena Idé, Ansökan och Komplettering; ${intervention.code} är ${intervention.stage}.`,
      details: { reasons: [`${intervention.code} är ${intervention.stage}.`] },
    });
  }
  return applyTransition(deps, { intervention, to: 'Inkommen', via: 'api', actor, action: 'insats.inskickad' });
}
