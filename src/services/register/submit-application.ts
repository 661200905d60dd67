/**
 * Submits an application (skicka in): Ansökan or Komplettering → Inkommen, and an idea straight
 * through Ansökan. Every check runs before anything is written, so a refused submit stores
 * nothing and lists, in Swedish, everything that is missing.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { checkTransition } from '../../domain/lifecycle/check-transition.ts';
import { readVisibleIntervention } from './access.ts';
import { applyTransition } from './apply-transition.ts';
import { appendAudit } from './audit.ts';
import type { RegisterDeps } from './register-deps.ts';
import { gatherTransitionFacts } from './transition-facts.ts';

export async function submitApplication(
  deps: RegisterDeps,
  actor: Actor,
  interventionId: string,
): Promise<Intervention> {
  const intervention = await readVisibleIntervention(deps, actor, interventionId);
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
        await appendAudit(deps, actor, 'nekad', intervention.id, {
          from: 'Idé',
          to: 'Inkommen',
          reasons: first.reasons,
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
