/**
 * The life of a quarterly invoice after it is expected (seed 003 §4.4, DESIGN.md §6):
 * Förväntad → Inkommen (registered by the insats or the kansli) → Granskad (ekonom) →
 * Attesterad (förbundschef) → Betald (ekonom). Inkommen or Granskad can be sent back, Avvisad with
 * a reason; the insats then registers a corrected invoice. Who may do what is decided here, from
 * the person's roles, so the card, the bot and the tab give the same answer.
 */
import type { RequisitionStatus, Role } from '../vocabulary.ts';
import { KANSLI_ROLES } from '../vocabulary.ts';

export const REQUISITION_ACTIONS = ['registrera', 'granska', 'attestera', 'betala', 'avvisa'] as const;
export type RequisitionAction = (typeof REQUISITION_ACTIONS)[number];

/** what a person is, for one requisition: roles not tied to an insats, and roles in this insats */
export type RequisitionActorRoles = {
  readonly governanceRoles: readonly Role[];
  /** Projektledare, Projektägare, Styrgrupp held for the requisition's insats */
  readonly insatsRoles: readonly Role[];
};

type ActionRule = {
  readonly from: readonly RequisitionStatus[];
  readonly to: RequisitionStatus;
  /** may act when holding any of these governance roles */
  readonly governance: readonly Role[];
  /** … or any of these roles for the insats */
  readonly insats: readonly Role[];
  /** who may, in Swedish, for the refusal message */
  readonly who: string;
};

export const REQUISITION_ACTION_RULES: Readonly<Record<RequisitionAction, ActionRule>> = {
  registrera: {
    from: ['Förväntad', 'Avvisad'],
    to: 'Inkommen',
    governance: KANSLI_ROLES,
    insats: ['Projektledare', 'Projektägare'],
    who: 'insatsens projektledare eller projektägare, eller kansliet',
  },
  granska: { from: ['Inkommen'], to: 'Granskad', governance: ['Ekonom'], insats: [], who: 'ekonomen' },
  attestera: { from: ['Granskad'], to: 'Attesterad', governance: ['Förbundschef'], insats: [], who: 'förbundschefen' },
  betala: { from: ['Attesterad'], to: 'Betald', governance: ['Ekonom'], insats: [], who: 'ekonomen' },
  avvisa: {
    from: ['Inkommen', 'Granskad'],
    to: 'Avvisad',
    governance: ['Ekonom', 'Förbundschef'],
    insats: [],
    who: 'ekonomen eller förbundschefen',
  },
};

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

export function mayPerform(action: RequisitionAction, roles: RequisitionActorRoles): boolean {
  const rule = REQUISITION_ACTION_RULES[action];
  return (
    roles.governanceRoles.some((role) => rule.governance.includes(role)) ||
    roles.insatsRoles.some((role) => rule.insats.includes(role))
  );
}

/** may this person do this now? Role first: someone without the role learns nothing about the status */
export function checkRequisitionAction(
  action: RequisitionAction,
  status: RequisitionStatus,
  roles: RequisitionActorRoles,
): RequisitionActionCheck {
  const rule = REQUISITION_ACTION_RULES[action];
  if (!mayPerform(action, roles)) {
    return { ok: false, reason: 'forbidden', message: `Bara ${rule.who} kan göra det.` };
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
