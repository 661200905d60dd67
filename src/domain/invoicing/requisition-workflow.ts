/**
 * The life of a quarterly invoice after it is expected (seed 003 §4.4, DESIGN.md §6):
 * Förväntad → Inkommen (registered by the insats or the kansli) → Granskad (ekonom) →
 * Attesterad (förbundschef) → Betald (ekonom). Inkommen or Granskad can be sent back, Avvisad with
 * a reason; the insats then registers a corrected invoice. The statuses are decided here; who may
 * take each step is the authorization matrix's (src/domain/authorization/), so the card, the bot
 * and the tab give the same answer.
 */
import { specOf } from '../authorization/authorization-matrix.ts';
import { conditionsOf, isAllowed } from '../authorization/may.ts';
import type { Actor } from '../lifecycle/actor.ts';
import type { RequisitionStatus, Role } from '../vocabulary.ts';

export const REQUISITION_ACTIONS = ['registrera', 'granska', 'attestera', 'betala', 'avvisa'] as const;
export type RequisitionAction = (typeof REQUISITION_ACTIONS)[number];

/** what a person is, for one requisition: roles not tied to an insats, and roles in this insats */
export type RequisitionActorRoles = {
  readonly governanceRoles: readonly Role[];
  /** Projektledare, Projektägare, Styrgrupp held for the requisition's insats */
  readonly insatsRoles: readonly Role[];
};

type StatusRule = {
  readonly from: readonly RequisitionStatus[];
  readonly to: RequisitionStatus;
};

/** the statuses each step moves between; who may take it is the authorization matrix's */
export const REQUISITION_ACTION_RULES: Readonly<Record<RequisitionAction, StatusRule>> = {
  registrera: { from: ['Förväntad', 'Avvisad'], to: 'Inkommen' },
  granska: { from: ['Inkommen'], to: 'Granskad' },
  attestera: { from: ['Granskad'], to: 'Attesterad' },
  betala: { from: ['Attesterad'], to: 'Betald' },
  avvisa: { from: ['Inkommen', 'Granskad'], to: 'Avvisad' },
};

/** the requisition's insats, as the roles' scope (insats roles are held for "this" insats) */
const THIS_INSATS = { id: 'this', projectLeaderAadId: null } as const;

/** the roles as the matrix's actor; who they are does not matter for a role-only question */
function actorOfRoles(roles: RequisitionActorRoles): Actor {
  return {
    aadObjectId: '',
    name: '',
    roles: [
      ...roles.governanceRoles.map((role) => ({ role, interventionId: null })),
      ...roles.insatsRoles.map((role) => ({ role, interventionId: THIS_INSATS.id })),
    ],
  };
}

/**
 * Whether these roles may take the step at all (the matrix's row for it). Separation of duties
 * needs the invoice's history and is checked apart: separationOfDutiesBar below, and the
 * services' authorize() with the history when the step is taken.
 */
export function mayPerform(action: RequisitionAction, roles: RequisitionActorRoles): boolean {
  return isAllowed(actorOfRoles(roles), action, {
    intervention: THIS_INSATS,
    requisition: { registeredBy: null, reviewedBy: null },
  });
}

/**
 * Why this person may not take this step on an invoice they already handled, or null: the
 * matrix's `inte-registrerat` and `inte-granskat` conditions of the step.
 */
export function separationOfDutiesBar(
  action: RequisitionAction,
  actorAadId: string,
  history: { readonly registeredBy: string | null; readonly reviewedBy: string | null },
): string | null {
  const conditions = conditionsOf(action);
  const actor = actorAadId.toLowerCase();
  if (conditions.includes('inte-registrerat') && history.registeredBy?.toLowerCase() === actor) {
    return `Den som registrerade fakturan får inte också ${action} den.`;
  }
  if (conditions.includes('inte-granskat') && history.reviewedBy?.toLowerCase() === actor) {
    return 'Den som granskade fakturan får inte också attestera den.';
  }
  return null;
}

/** the verb in Swedish, as a past participle for logs and messages: "registrerad", "granskad" … */
export const REQUISITION_ACTION_DONE: Readonly<Record<RequisitionAction, string>> = {
  registrera: 'registrerad',
  granska: 'granskad',
  attestera: 'attesterad',
  betala: 'markerad som betald',
  avvisa: 'avvisad',
};

export type RequisitionActionCheck =
  | { readonly ok: true; readonly to: RequisitionStatus }
  | { readonly ok: false; readonly reason: 'forbidden' | 'wrong-status'; readonly message: string };

/** may this person do this now? Role first: someone without the role learns nothing about the status */
export function checkRequisitionAction(
  action: RequisitionAction,
  status: RequisitionStatus,
  roles: RequisitionActorRoles,
): RequisitionActionCheck {
  const rule = REQUISITION_ACTION_RULES[action];
  if (!mayPerform(action, roles)) {
    return { ok: false, reason: 'forbidden', message: specOf(action).refusal };
  }
  if (!rule.from.includes(status)) {
    return {
      ok: false,
      reason: 'wrong-status',
      message: `Rekvisitionen har status ${status}; den kan bara bli ${rule.to} från ${rule.from.join(' eller ')}.`,
    };
  }
  return { ok: true, to: rule.to };
}

/** what the person can do with a requisition in this status, in workflow order */
export function allowedRequisitionActions(
  status: RequisitionStatus,
  roles: RequisitionActorRoles,
): RequisitionAction[] {
  return REQUISITION_ACTIONS.filter((action) => checkRequisitionAction(action, status, roles).ok);
}
