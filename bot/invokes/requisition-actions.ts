/**
 * The requisition card's buttons: show, register, and the workflow steps. The actor is always the
 * person Teams says clicked; the card's data only names the requisition. The answer is the
 * clicker's card as it is now — with a notice of what happened, or with the form's errors and
 * what they typed so they can correct it — or an error for someone not entitled.
 */
import { type AppError, isAppError } from '../../src/domain/app-error.ts';
import { REQUISITION_ACTION_DONE } from '../../src/domain/invoicing/requisition-workflow.ts';
import { BUDGET_CATEGORIES } from '../../src/domain/vocabulary.ts';
import { advanceRequisition } from '../../src/services/invoicing/advance-requisition.ts';
import { getRequisitionForViewer } from '../../src/services/invoicing/get-requisition.ts';
import type { InvoicingDeps } from '../../src/services/invoicing/invoicing-deps.ts';
import { listRequisitionInbox } from '../../src/services/invoicing/list-requisition-inbox.ts';
import { registerRequisition } from '../../src/services/invoicing/register-requisition.ts';
import type { BotLog } from '../bot-dependencies.ts';
import { renderRequisitionCard } from '../cards/requisition-card.ts';
import { requisitionInboxCard } from '../cards/requisition-inbox-card.ts';
import { NO_USER_ID_TEXT } from '../texts.ts';
import {
  cardBody,
  errorBody,
  type InvokeBody,
  type RequisitionCardAction,
  type RequisitionForm,
} from './card-action.ts';

export type RequisitionActionDeps = {
  readonly invoicing: InvoicingDeps;
  readonly logger: BotLog;
};

export async function answerRequisitionAction(
  deps: RequisitionActionDeps,
  action: RequisitionCardAction,
  actorAadId: string | null,
): Promise<InvokeBody> {
  if (actorAadId === null) {
    return errorBody(403, 'Forbidden', NO_USER_ID_TEXT);
  }
  try {
    return await perform(deps.invoicing, action, actorAadId);
  } catch (error) {
    return failure(deps, action, actorAadId, error);
  }
}

async function perform(deps: InvoicingDeps, action: RequisitionCardAction, actor: string): Promise<InvokeBody> {
  switch (action.kind) {
    case 'requisition-list': {
      const inbox = await listRequisitionInbox(deps, actor);
      return cardBody(requisitionInboxCard(inbox.items));
    }
    case 'requisition-view': {
      const view = await getRequisitionForViewer(deps, actor, action.periodKey);
      return cardBody(
        renderRequisitionCard(view, action.messageKind === undefined ? {} : { kind: action.messageKind }),
      );
    }
    case 'requisition-register': {
      const input = registrationInput(action.form, action.etag);
      const view = await registerRequisition(deps, actor, action.periodKey, input);
      return cardBody(renderRequisitionCard(view, { notice: doneNotice(deps, 'registrerad') }));
    }
    case 'requisition-status': {
      const view = await advanceRequisition(deps, actor, action.periodKey, {
        action: action.action,
        ...(action.form.skal === undefined ? {} : { reason: action.form.skal }),
        ...(action.etag === undefined ? {} : { etag: action.etag }),
      });
      const done = REQUISITION_ACTION_DONE[action.action];
      const extra = action.action === 'avvisa' ? ' Projektledaren får ett meddelande med skälet.' : '';
      return cardBody(renderRequisitionCard(view, { notice: `${doneNotice(deps, done)}${extra}` }));
    }
  }
}

/** what the registration service reads: the card's Swedish input ids mapped to its fields */
export function registrationInput(form: RequisitionForm, etag: string | undefined): Record<string, unknown> {
  const specification: Record<string, string> = {};
  for (const category of BUDGET_CATEGORIES) {
    const value = form[category];
    if (value !== undefined && value !== '') {
      specification[category] = value;
    }
  }
  return {
    invoiceNumber: form.fakturanummer ?? '',
    ...(form.inkom === undefined || form.inkom === '' ? {} : { receivedDate: form.inkom }),
    amount: form.total ?? '',
    specification,
    ...(etag === undefined ? {} : { etag }),
  };
}

/** what the user typed, to put back into the card's inputs */
function enteredOf(form: RequisitionForm): Record<string, string> {
  return Object.fromEntries(
    Object.entries(form).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

async function failure(
  deps: RequisitionActionDeps,
  action: RequisitionCardAction,
  actor: string,
  error: unknown,
): Promise<InvokeBody> {
  if (!isAppError(error)) {
    deps.logger.error({ err: error, verb: action.kind }, 'rekvisitionsåtgärden misslyckades');
    return errorBody(500, 'InternalError', 'Något gick fel i Insatsnavet. Försök igen om en stund.');
  }
  const entered = 'form' in action ? enteredOf(action.form) : {};
  switch (error.code) {
    case 'FORBIDDEN':
      deps.logger.info({ verb: action.kind, actor }, 'rekvisitionsåtgärd nekad');
      return errorBody(403, 'Forbidden', error.userMessage);
    case 'NOT_FOUND':
      return errorBody(404, 'NotFound', error.userMessage);
    case 'INVALID_INPUT': {
      const fields = fieldsOf(error);
      const message =
        Object.keys(fields).length > 0
          ? `${firstLine(error.userMessage)}. Rätta det som är markerat och försök igen.`
          : error.userMessage;
      return currentCard(deps, action, actor, { error: { message, fields }, entered });
    }
    case 'INVALID_STATE':
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
      return currentCard(deps, action, actor, { notice: error.userMessage, noticeTone: 'attention', entered });
    default:
      deps.logger.error({ err: error, verb: action.kind }, 'rekvisitionsåtgärden misslyckades');
      return errorBody(500, error.code, error.httpStatus >= 500 ? 'Något gick fel i Insatsnavet.' : error.userMessage);
  }
}

/** the card as it is now, for a refused change; if even reading it fails, the refusal alone */
async function currentCard(
  deps: RequisitionActionDeps,
  action: RequisitionCardAction,
  actor: string,
  options: Parameters<typeof renderRequisitionCard>[1],
): Promise<InvokeBody> {
  if (action.kind === 'requisition-list') {
    return errorBody(500, 'InternalError', options?.notice ?? 'Listan kunde inte visas.');
  }
  try {
    const view = await getRequisitionForViewer(deps.invoicing, actor, action.periodKey);
    return cardBody(renderRequisitionCard(view, options));
  } catch (error) {
    deps.logger.error({ err: error, verb: action.kind }, 'rekvisitionen kunde inte läsas efter en nekad åtgärd');
    const message = options?.error?.message ?? options?.notice ?? 'Något gick fel i Insatsnavet.';
    return errorBody(isAppError(error) && error.code === 'FORBIDDEN' ? 403 : 500, 'Refused', message);
  }
}

function fieldsOf(error: AppError): Record<string, string> {
  const fields = error.details?.fields;
  if (fields === null || typeof fields !== 'object') {
    return {};
  }
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/[:.]\s*$/, '');
}

/** "Fakturan är registrerad 14:02." in the förbund's time */
function doneNotice(deps: InvoicingDeps, done: string): string {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: deps.timeZone, hour: '2-digit', minute: '2-digit' }).format(
    deps.clock.now(),
  );
  return `Fakturan är ${done} ${time}.`;
}
