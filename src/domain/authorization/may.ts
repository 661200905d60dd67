/**
 * May this person do this, here? Evaluates the authorization matrix (authorization-matrix.ts) for
 * every role the person holds: one cell that allows is enough. Pure; the services gather the
 * scope (the insats, the approval's seats, the invoice's history) and act on the answer.
 *
 * Missing scope fails closed: a condition about an insats, an approval or an invoice that was not
 * given is not met.
 */
import type { Actor, ActorRole } from '../lifecycle/actor.ts';
import type { Party } from '../lifecycle/transition-rules.ts';
import { KANSLI_ROLES, type Role } from '../vocabulary.ts';
import {
  type AuthorizationAction,
  type Cell,
  type Column,
  type Condition,
  NO_ROLE,
  specOf,
} from './authorization-matrix.ts';

export type AuthorizationScope = {
  /** the insats acted on */
  readonly intervention?: { readonly id: string; readonly projectLeaderAadId: string | null } | null;
  /** the approval acted on: who sits in its current stage, who asked for it */
  readonly approval?: { readonly approverIds: readonly string[]; readonly requestedByAadId: string | null };
  /** the invoice's current round: who registered and who reviewed it (Entra ids) */
  readonly requisition?: { readonly registeredBy: string | null; readonly reviewedBy: string | null };
  /** the transition's rule: which parties may make it through the API */
  readonly transition?: { readonly who: readonly Party[] };
};

export type Permission = { readonly ok: true } | { readonly ok: false; readonly reason: string };

function same(a: string | null | undefined, b: string): boolean {
  return typeof a === 'string' && a.toLowerCase() === b.toLowerCase();
}

/** the roles that count here: the person's, plus Projektledare when the insats names them its leader */
export function rolesHere(actor: Actor, scope: AuthorizationScope): readonly ActorRole[] {
  const intervention = scope.intervention;
  if (
    intervention !== undefined &&
    intervention !== null &&
    same(intervention.projectLeaderAadId, actor.aadObjectId) &&
    !actor.roles.some((held) => held.role === 'Projektledare' && held.interventionId === intervention.id)
  ) {
    return [...actor.roles, { role: 'Projektledare', interventionId: intervention.id }];
  }
  return actor.roles;
}

/** the lifecycle parties a role speaks for (transition-rules.ts: sökande, kansli, förbundschef) */
export function partiesOf(role: Role): readonly Party[] {
  if (role === 'Förbundschef') {
    return ['kansli', 'förbundschef'];
  }
  if (KANSLI_ROLES.includes(role)) {
    return ['kansli'];
  }
  return role === 'Projektledare' || role === 'Projektägare' ? ['sökande'] : [];
}

function holds(condition: Condition, held: ActorRole, actor: Actor, scope: AuthorizationScope): boolean {
  switch (condition) {
    case 'egen-insats':
      return (
        scope.intervention !== undefined &&
        scope.intervention !== null &&
        held.interventionId !== null &&
        held.interventionId === scope.intervention.id
      );
    case 'beslutande':
      return scope.approval?.approverIds.some((id) => same(id, actor.aadObjectId)) ?? false;
    case 'begarde':
      return same(scope.approval?.requestedByAadId, actor.aadObjectId);
    case 'livscykeln':
      return partiesOf(held.role).some((party) => scope.transition?.who.includes(party) ?? false);
    case 'inte-registrerat':
      return scope.requisition !== undefined && !same(scope.requisition.registeredBy, actor.aadObjectId);
    case 'inte-granskat':
      return scope.requisition !== undefined && !same(scope.requisition.reviewedBy, actor.aadObjectId);
  }
}

/** why a condition the role needed was not met, in Swedish; null: the action's own refusal says it */
function conditionRefusal(condition: Condition, action: AuthorizationAction): string | null {
  switch (condition) {
    case 'inte-registrerat':
      return `Den som registrerade fakturan får inte också ${action === 'attestera' ? 'attestera' : 'granska'} den.`;
    case 'inte-granskat':
      return 'Den som granskade fakturan får inte också attestera den.';
    case 'egen-insats':
      return action === 'lasa-insats' || action === 'lasa-avvikelser' ? null : 'Du har ingen roll i den här insatsen.';
    default:
      return null;
  }
}

export function may(actor: Actor, action: AuthorizationAction, scope: AuthorizationScope = {}): Permission {
  const spec = specOf(action);
  const roles = rolesHere(actor, scope);
  const tried: Array<{ cell: Cell; held: ActorRole | null }> =
    roles.length === 0
      ? [{ cell: spec.cells[NO_ROLE], held: null }]
      : roles.map((held) => ({ cell: spec.cells[held.role as Column], held }));
  let nearest: string | null = null;
  for (const { cell, held } of tried) {
    for (const alternative of cell) {
      const unmet =
        held === null ? alternative : alternative.filter((condition) => !holds(condition, held, actor, scope));
      if (unmet.length === 0) {
        return { ok: true };
      }
      // a separation-of-duties bar says more than "only the ekonom may": keep the first such reason
      nearest ??= unmet.map((condition) => conditionRefusal(condition, action)).find((text) => text !== null) ?? null;
    }
  }
  return { ok: false, reason: nearest ?? spec.refusal };
}

/** may() as a yes or no */
export function isAllowed(actor: Actor, action: AuthorizationAction, scope: AuthorizationScope = {}): boolean {
  return may(actor, action, scope).ok;
}

/** whether one of the person's roles allows the action with no condition at all (e.g. reads every insats) */
export function allowsEverywhere(actor: Actor, action: AuthorizationAction): boolean {
  const spec = specOf(action);
  return actor.roles.some((held) => spec.cells[held.role].some((alternative) => alternative.length === 0));
}

/** every condition any cell of the action names */
export function conditionsOf(action: AuthorizationAction): Condition[] {
  const spec = specOf(action);
  return [...new Set(Object.values(spec.cells).flatMap((cell) => cell.flat()))];
}
