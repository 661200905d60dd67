/**
 * Registers a quarter's invoice (Förväntad or Avvisad → Inkommen): the invoice number, the day it
 * came in, the total and the amount per budget post. The posts are checked against what remains
 * of the year's budget; an overdrawn post does not stop the registration (the invoice has come
 * in) but flags the row for the ekonom. Then the ekonom is asked to review it, and the reminders
 * already sent for the quarter are updated so they no longer ask for the invoice.
 */
import { AppError, isAppError } from '../../domain/app-error.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { NewRequisition, Requisition } from '../../domain/entities/requisition.ts';
import { budgetPositions, checkAgainstBudget } from '../../domain/invoicing/budget-check.ts';
import { parseInvoicingSettings } from '../../domain/invoicing/invoicing-settings.ts';
import { isQuarterNumber, quarterStart } from '../../domain/invoicing/quarters.ts';
import { escalationKey, overdueKey, reminderKey } from '../../domain/invoicing/reminder-plan.ts';
import { checkRequisitionAction } from '../../domain/invoicing/requisition-workflow.ts';
import type { Patch } from '../../domain/ports/common.ts';
import { actorOf } from '../register/load-actor.ts';
import { findRequisition } from './get-requisition.ts';
import type { InvoicingDeps } from './invoicing-deps.ts';
import {
  currentHoldersOf,
  notifyRequisitionChange,
  refreshSentCards,
  type SentCard,
} from './notify-requisition-change.ts';
import { parseRegistrationInput } from './registration-input.ts';
import {
  auditStep,
  authorizeRequisitionAction,
  type RequisitionHistory,
  withoutBarredActions,
} from './requisition-audit.ts';
import { buildRequisitionView, type RequisitionView, rolesOfActor } from './requisition-view.ts';

export async function registerRequisition(
  deps: InvoicingDeps,
  actorAadId: string,
  periodKey: string,
  input: unknown,
): Promise<RequisitionView> {
  const { requisition, intervention } = await findRequisition(deps, periodKey);
  const actor = await actorOf(deps, actorAadId);
  await authorizeRequisitionAction(deps, actor, 'registrera', { requisition, intervention, history: null });
  const roles = rolesOfActor(actor, intervention);
  const check = checkRequisitionAction('registrera', requisition.status, roles);
  if (!check.ok) {
    throw invalidState(requisition.periodKey, check.message);
  }

  const registration = parseRegistrationInput(input, {
    today: todayIn(deps.clock, deps.timeZone),
    quarterStart: quarterStart({
      year: requisition.year,
      quarter: isQuarterNumber(requisition.quarter) ? requisition.quarter : 1,
    }),
  });
  const [budgetLines, siblings] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.requisitions.listByIntervention(intervention.id),
  ]);
  const budget = checkAgainstBudget(
    budgetPositions(budgetLines, siblings, requisition.year, requisition.periodKey),
    registration.specification,
  );

  const updated = await updateRequisition(
    deps,
    requisition,
    {
      status: check.to,
      amount: registration.amount,
      specification: registration.specification,
      receivedDate: registration.receivedDate,
      invoiceNumber: registration.invoiceNumber,
      overBudget: budget.overBudget,
      budgetWarning: budget.warning,
      rejectionReason: null,
    },
    registration.etag,
  );

  const eventId = await auditStep(deps, {
    actorAadId,
    action: 'rekvisition.registrerad',
    before: requisition,
    after: updated,
    details: { invoiceNumber: updated.invoiceNumber, budgetWarning: updated.budgetWarning ?? null },
  });
  // a new round: whoever registered may not review or attest this invoice
  const history: RequisitionHistory = {
    registeredBy: actorAadId.toLowerCase(),
    reviewedBy: null,
    eventIds: { registrera: eventId },
  };
  const nextSiblings = siblings.map((row) => (row.id === updated.id ? updated : row));

  await Promise.all([
    currentHoldersOf(deps, 'Ekonom').then(
      (recipients) =>
        notifyRequisitionChange(deps, {
          kind: 'to-review',
          requisition: updated,
          intervention,
          eventId,
          recipients,
          history,
          siblings: nextSiblings,
        }),
      // the invoice is registered; the ekonom still finds it in their inbox
      (error: unknown) => deps.logger.warn({ err: error, periodKey: updated.periodKey }, 'could not find the ekonom'),
    ),
    remindersSentFor(deps, updated.periodKey).then((cards) =>
      refreshSentCards(deps, { requisition: updated, intervention, cards, history, siblings: nextSiblings }),
    ),
  ]);

  const view = await buildRequisitionView(deps, {
    requisition: updated,
    intervention,
    viewerAadId: actorAadId,
    siblings: nextSiblings,
    roles,
  });
  return withoutBarredActions(view, history);
}

/** the reminder and overdue cards a sweep may have sent for the quarter, by their outbox keys */
async function remindersSentFor(deps: InvoicingDeps, periodKey: string): Promise<SentCard[]> {
  let offsets: readonly number[] = [];
  try {
    offsets = parseInvoicingSettings(await deps.repos.settings.getAll()).settings.reminderOffsets;
  } catch (error) {
    deps.logger.warn({ err: error, periodKey }, 'could not read the reminder settings; reminder cards not updated');
  }
  return [
    ...offsets.map((offset) => ({
      key: reminderKey(periodKey, offset),
      kind: 'reminder' as const,
      workingDaysLeft: offset,
    })),
    { key: overdueKey(periodKey), kind: 'overdue-projektledare' },
    { key: escalationKey(periodKey), kind: 'overdue-ekonom' },
  ];
}

export function invalidState(periodKey: string, message: string): AppError {
  return new AppError('INVALID_STATE', `requisition ${periodKey}: ${message}`, {
    userMessage: message,
    details: { reasons: [message] },
  });
}

/**
 * Writes the change with the eTag the person read (or the row's, just read). A row changed in
 * between — by someone else, or by the kansli in SharePoint — answers PRECONDITION_FAILED.
 */
export async function updateRequisition(
  deps: Pick<InvoicingDeps, 'repos'>,
  requisition: Requisition,
  patch: Patch<NewRequisition>,
  etag: string | undefined,
): Promise<Requisition> {
  try {
    return await deps.repos.requisitions.update(requisition.id, patch, { etag: etag ?? requisition.etag });
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      throw new AppError('PRECONDITION_FAILED', `requisition ${requisition.periodKey} changed since it was read`, {
        userMessage: `Rekvisitionen ${requisition.periodKey} har ändrats sedan du läste den (av någon annan eller i SharePoint). Läs in den igen och försök på nytt.`,
        cause: error,
      });
    }
    throw error;
  }
}
