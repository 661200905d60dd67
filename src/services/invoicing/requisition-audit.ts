/**
 * The AuditLog rows of a requisition: one per step (registrerad, granskad, attesterad, betald,
 * avvisad) and one per refusal ('nekad'), because the förbund's payments are public records a
 * revisor may ask about. The same rows say who registered and who reviewed the invoice, which is
 * what separation of duties needs: the registrant may not review or attest it, the reviewer may
 * not attest it.
 */

import { nowToTheSecond } from '../../domain/clock.ts';
import type { AuditEntry } from '../../domain/entities/audit-entry.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import { type RequisitionAction, separationOfDutiesBar } from '../../domain/invoicing/requisition-workflow.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { authorize } from '../authorization/refuse.ts';
import type { InvoicingDeps } from './invoicing-deps.ts';
import type { RequisitionView } from './requisition-view.ts';

export const REQUISITION_ENTITY_LIST = 'Requisitions';

export type RequisitionAuditAction =
  | 'rekvisition.registrerad'
  | 'rekvisition.granskad'
  | 'rekvisition.attesterad'
  | 'rekvisition.betald'
  | 'rekvisition.avvisad'
  | 'nekad';

export const AUDIT_ACTION_OF: Readonly<Record<RequisitionAction, RequisitionAuditAction>> = {
  registrera: 'rekvisition.registrerad',
  granska: 'rekvisition.granskad',
  attestera: 'rekvisition.attesterad',
  betala: 'rekvisition.betald',
  avvisa: 'rekvisition.avvisad',
};

type AuditDeps = Pick<InvoicingDeps, 'repos' | 'clock' | 'logger'>;

export async function appendRequisitionAudit(
  deps: AuditDeps,
  entry: {
    readonly actorAadId: string;
    readonly action: RequisitionAuditAction;
    readonly requisition: Pick<Requisition, 'id'>;
    readonly details: Record<string, unknown>;
  },
): Promise<AuditEntry> {
  return deps.repos.auditLog.append({
    at: nowToTheSecond(deps.clock),
    actorAadId: entry.actorAadId,
    action: entry.action,
    entityList: REQUISITION_ENTITY_LIST,
    entityId: entry.requisition.id,
    details: entry.details,
  });
}

/**
 * Refuses (logged, FORBIDDEN) unless the authorization matrix lets this person take the step on
 * this invoice: the role's cell for the insats and, with the history, separation of duties.
 */
export async function authorizeRequisitionAction(
  deps: AuditDeps,
  actor: Actor,
  action: RequisitionAction,
  on: {
    readonly requisition: Pick<Requisition, 'id' | 'periodKey' | 'status'>;
    readonly intervention: Pick<Intervention, 'id' | 'projectLeaderAadId'>;
    /** the current round's history; null for a registration, which starts a new round */
    readonly history: RequisitionHistory | null;
  },
): Promise<void> {
  const { requisition } = on;
  await authorize(
    deps,
    actor,
    action,
    {
      intervention: on.intervention,
      requisition: on.history ?? { registeredBy: null, reviewedBy: null },
    },
    { list: REQUISITION_ENTITY_LIST, id: requisition.id },
    { details: { periodKey: requisition.periodKey, status: requisition.status } },
  );
}

/** who did the steps of the current round (a re-registration after Avvisad starts a new one) */
export type RequisitionHistory = {
  /** lower-cased Entra ids */
  readonly registeredBy: string | null;
  readonly reviewedBy: string | null;
  /** the AuditLog ids of the current round's steps: they name the notifications of each step */
  readonly eventIds: Partial<Readonly<Record<RequisitionAction, string>>>;
};

export function requisitionHistory(entries: readonly AuditEntry[]): RequisitionHistory {
  let registeredBy: string | null = null;
  let reviewedBy: string | null = null;
  let eventIds: Partial<Record<RequisitionAction, string>> = {};
  for (const entry of entries) {
    if (entry.entityList !== REQUISITION_ENTITY_LIST) {
      continue;
    }
    switch (entry.action) {
      case 'rekvisition.registrerad':
        registeredBy = entry.actorAadId.toLowerCase();
        reviewedBy = null;
        eventIds = { registrera: entry.id };
        break;
      case 'rekvisition.granskad':
        reviewedBy = entry.actorAadId.toLowerCase();
        eventIds.granska = entry.id;
        break;
      case 'rekvisition.attesterad':
        eventIds.attestera = entry.id;
        break;
      case 'rekvisition.betald':
        eventIds.betala = entry.id;
        break;
      case 'rekvisition.avvisad':
        eventIds.avvisa = entry.id;
        break;
      default:
        break;
    }
  }
  return { registeredBy, reviewedBy, eventIds };
}

/** the AuditLog rows of one requisition, oldest first (entity ids are per list, so filter by list) */
export async function readRequisitionHistory(
  deps: Pick<InvoicingDeps, 'repos'>,
  requisitionId: string,
): Promise<RequisitionHistory> {
  const entries = await deps.repos.auditLog.listByEntity(requisitionId);
  return requisitionHistory(entries.filter((entry) => entry.entityList === REQUISITION_ENTITY_LIST));
}

/** why this person may not take this step on an invoice they already handled, or null (the matrix's conditions) */
export function separationOfDutiesRefusal(
  action: RequisitionAction,
  actorAadId: string,
  history: RequisitionHistory,
): string | null {
  return separationOfDutiesBar(action, actorAadId, history);
}

/** the view without the steps separation of duties bars this viewer from */
export function withoutBarredActions(view: RequisitionView, history: RequisitionHistory): RequisitionView {
  const viewerActions = view.viewerActions.filter(
    (action) => separationOfDutiesRefusal(action, view.viewerAadId, history) === null,
  );
  return viewerActions.length === view.viewerActions.length ? view : { ...view, viewerActions };
}

/** true when the view offers a step that separation of duties may bar (then the history is worth reading) */
export function mayNeedHistory(view: RequisitionView): boolean {
  return view.viewerActions.includes('granska') || view.viewerActions.includes('attestera');
}

/**
 * Logs a step and returns the AuditLog id that names the step's messages. The status has changed
 * already, so a failing log write is logged as an error rather than failing the step; the
 * row's new eTag then names the messages instead.
 */
export async function auditStep(
  deps: InvoicingDeps,
  step: {
    readonly actorAadId: string;
    readonly action: RequisitionAuditAction;
    readonly before: Requisition;
    readonly after: Requisition;
    readonly details?: Record<string, unknown>;
  },
): Promise<string> {
  const { before, after } = step;
  try {
    const entry = await appendRequisitionAudit(deps, {
      actorAadId: step.actorAadId,
      action: step.action,
      requisition: after,
      details: {
        periodKey: after.periodKey,
        from: before.status,
        to: after.status,
        amount: after.amount,
        overBudget: after.overBudget ?? false,
        ...step.details,
      },
    });
    return entry.id;
  } catch (error) {
    deps.logger.error(
      { err: error, periodKey: after.periodKey, action: step.action },
      'the requisition changed but its AuditLog row could not be written',
    );
    return `v${after.etag.replace(/[^0-9A-Za-z]/g, '').slice(-40)}`;
  }
}
