/**
 * One requisition as one person sees it, by its PeriodKey as people type it (`nova-2027-q1`).
 * Readers: the insats's own people (projektledare, projektägare, styrgrupp), the kansli and the
 * board; anyone else is refused without learning whether the quarter exists for that insats.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { periodKey as periodKeySchema, type Requisition } from '../../domain/entities/requisition.ts';
import type { RequisitionActorRoles } from '../../domain/invoicing/requisition-workflow.ts';
import { BOARD_ROLES, KANSLI_ROLES } from '../../domain/vocabulary.ts';
import type { InvoicingDeps } from './invoicing-deps.ts';
import { mayNeedHistory, readRequisitionHistory, withoutBarredActions } from './requisition-audit.ts';
import { buildRequisitionView, type RequisitionView, rolesForRequisition } from './requisition-view.ts';

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

export function mayRead(roles: RequisitionActorRoles): boolean {
  return (
    roles.insatsRoles.length > 0 ||
    roles.governanceRoles.some((role) => KANSLI_ROLES.includes(role) || BOARD_ROLES.includes(role))
  );
}

export async function getRequisitionForViewer(
  deps: InvoicingDeps,
  viewerAadId: string,
  periodKey: string,
): Promise<RequisitionView> {
  const { requisition, intervention } = await findRequisition(deps, periodKey);
  const roles = await rolesForRequisition(deps, intervention, viewerAadId);
  if (!mayRead(roles)) {
    throw new AppError('FORBIDDEN', `${viewerAadId} may not read ${requisition.periodKey}`, {
      userMessage: `Du kan inte se rekvisitionen ${requisition.periodKey}: den hör till en insats där du inte har någon roll.`,
    });
  }
  const view = await buildRequisitionView(deps, { requisition, intervention, viewerAadId, roles });
  return mayNeedHistory(view) ? withoutBarredActions(view, await readRequisitionHistory(deps, requisition.id)) : view;
}
