/**
 * One requisition as one person sees it, by its PeriodKey as people type it (`nova-2027-q1`).
 * Readers: whoever may read its insats (the authorization matrix's `lasa-insats`: the insats's own
 * people, the kansli, the board and the beredningsgrupp); anyone else is refused (logged) without
 * learning more than that the quarter exists.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { periodKey as periodKeySchema, type Requisition } from '../../domain/entities/requisition.ts';
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import type { InvoicingDeps } from './invoicing-deps.ts';
import {
  mayNeedHistory,
  REQUISITION_ENTITY_LIST,
  readRequisitionHistory,
  withoutBarredActions,
} from './requisition-audit.ts';
import { buildRequisitionView, type RequisitionView, rolesOfActor } from './requisition-view.ts';

export type FoundRequisition = { readonly requisition: Requisition; readonly intervention: Intervention };

/** `  nova-2027-q1 ` → `NOVA-2027-Q1`; PeriodKeys are stored in capitals */
export function normalizePeriodKey(periodKey: string): string {
  return periodKey.trim().toUpperCase();
}

function notFound(periodKey: string): AppError {
  const shown = normalizePeriodKey(periodKey).slice(0, 40);
  return new AppError('NOT_FOUND', `no requisition ${shown}`, {
    userMessage: `Det finns ingen rekvisition ${shown}.`,
  });
}

/** the row and its insats; NOT_FOUND when either is missing or the key cannot be one */
export async function findRequisition(
  deps: Pick<InvoicingDeps, 'repos'>,
  periodKey: string,
): Promise<FoundRequisition> {
  const key = normalizePeriodKey(periodKey);
  // a key that cannot exist is never sent to SharePoint (a quote would break the OData filter)
  if (!periodKeySchema.safeParse(key).success) {
    throw notFound(periodKey);
  }
  const requisition = await deps.repos.requisitions.findByPeriodKey(key);
  if (requisition === null) {
    throw notFound(periodKey);
  }
  const intervention = await deps.repos.interventions.findById(requisition.interventionId);
  if (intervention === null) {
    throw notFound(periodKey);
  }
  return { requisition, intervention };
}

export async function getRequisitionForViewer(
  deps: InvoicingDeps,
  viewerAadId: string,
  periodKey: string,
): Promise<RequisitionView> {
  const { requisition, intervention } = await findRequisition(deps, periodKey);
  const actor = await actorOf(deps, viewerAadId);
  // the insats's invoices and budget are read as the insats is (the matrix's lasa-insats)
  await authorize(
    deps,
    actor,
    'lasa-insats',
    { intervention },
    { list: REQUISITION_ENTITY_LIST, id: requisition.id },
    {
      message: `Du kan inte se rekvisitionen ${requisition.periodKey}: den hör till en insats där du inte har någon roll.`,
      details: { periodKey: requisition.periodKey },
    },
  );
  const roles = rolesOfActor(actor, intervention);
  const view = await buildRequisitionView(deps, { requisition, intervention, viewerAadId, roles });
  return mayNeedHistory(view) ? withoutBarredActions(view, await readRequisitionHistory(deps, requisition.id)) : view;
}
