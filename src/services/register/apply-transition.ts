/**
 * Moves an insats to another stage once the lifecycle's guard allows it: the one place a stage is
 * written. A refusal stores nothing (apart from an AuditLog 'nekad' row for a forbidden attempt)
 * and becomes an AppError with the Swedish reasons. Entering Inkommen for the first time gives the
 * insats its diarienummer in the same write.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { checkTransition } from '../../domain/lifecycle/check-transition.ts';
import type { Via } from '../../domain/lifecycle/transition-rules.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { refuse } from '../authorization/refuse.ts';
import { INTERVENTION_ENTITY_LIST } from './access.ts';
import { appendAudit } from './audit.ts';
import { updateWithNewDiaryNumber } from './diary-numbering.ts';
import type { RegisterDeps } from './register-deps.ts';
import { gatherTransitionFacts } from './transition-facts.ts';

export type TransitionCommand = {
  /** the insats as read; `stage` may be a stage already checked on the way (Idé → Ansökan → Inkommen) */
  readonly intervention: Intervention;
  readonly to: Stage;
  readonly via: Via;
  readonly actor: Actor | null;
  readonly comment?: string | null;
  /** the audit action: a submit is logged as such */
  readonly action?: 'insats.skede' | 'insats.inskickad';
  /** the stage the insats really was in, when `intervention.stage` is a checked intermediate one */
  readonly originalStage?: Stage;
};

export async function applyTransition(deps: RegisterDeps, command: TransitionCommand): Promise<Intervention> {
  const { intervention, to, actor } = command;
  const facts = await gatherTransitionFacts(deps, intervention);
  const check = checkTransition({
    intervention,
    to,
    via: command.via,
    actor,
    comment: command.comment ?? null,
    facts,
  });
  const from = command.originalStage ?? intervention.stage;
  if (!check.ok) {
    if (check.refusal === 'FORBIDDEN') {
      await refuse(deps, {
        actorAadId: actor?.aadObjectId ?? 'system',
        action: command.action === 'insats.inskickad' ? 'skicka-in' : 'byta-skede',
        entity: { list: INTERVENTION_ENTITY_LIST, id: intervention.id },
        reason: check.reasons.join(' '),
        details: { from, to },
      });
    }
    const userMessage =
      check.refusal === 'PRECONDITION'
        ? `${intervention.code} kan inte bli ${to} än. Det här saknas:\n${check.reasons.join('\n')}`
        : check.reasons.join(' ');
    throw new AppError('INVALID_STATE', `transition ${from} → ${to} refused: ${check.refusal}`, {
      userMessage,
      details: { refusal: check.refusal, reasons: check.reasons },
    });
  }
  const patch = { stage: to };
  const updated =
    to === 'Inkommen' && (intervention.diaryNumber === null || intervention.diaryNumber === '')
      ? await updateWithNewDiaryNumber(deps, intervention, patch, Number(facts.today.slice(0, 4)))
      : await deps.repos.interventions.update(intervention.id, patch, { etag: intervention.etag });
  await appendAudit(deps, actor, command.action ?? 'insats.skede', intervention.id, {
    from,
    to,
    rule: check.rule.id,
    via: command.via,
    ...(command.comment ? { comment: command.comment } : {}),
    ...(updated.diaryNumber !== intervention.diaryNumber ? { diaryNumber: updated.diaryNumber } : {}),
  });
  return updated;
}
