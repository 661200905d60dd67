/**
 * What the caller could do next with an insats: every transition out of its stage, each with
 * whether it is allowed now and, if not, why — so the tab can show disabled buttons with reasons.
 */
import type { Stage } from '../vocabulary.ts';
import type { Actor } from './actor.ts';
import { checkTransition, type TransitionFacts, type TransitionSubject } from './check-transition.ts';
import { describeWays, rulesFrom } from './transition-rules.ts';

export type NextTransition = {
  readonly to: Stage;
  readonly allowed: boolean;
  /** who may make it, in Swedish */
  readonly who: string;
  /** why not, one Swedish line each; empty when allowed */
  readonly reasons: readonly string[];
};

export function allowedTransitions(
  intervention: TransitionSubject,
  actor: Actor,
  facts: TransitionFacts,
): NextTransition[] {
  return rulesFrom(intervention.stage).map((rule) => {
    // a comment is asked for when the transition is made; it does not make the button grey
    const check = checkTransition({ intervention, to: rule.to, via: 'api', actor, facts, comment: 'x' });
    return {
      to: rule.to,
      allowed: check.ok,
      who: describeWays(rule),
      reasons: check.ok ? [] : check.reasons,
    };
  });
}
