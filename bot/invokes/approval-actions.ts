/**
 * The approval card's buttons: show, vote, and the kansli's start form. The voter is always the
 * person Teams says clicked (`from.aadObjectId`, or in dev the person they act as); the card's data
 * only names the approval and the decision, so a forged voter in the data changes nothing. The
 * answer is the clicker's card as it is now, with a notice of what happened, or an error for
 * someone not entitled (403 — the services have written the AuditLog row).
 */
import { type AppError, isAppError } from '../../src/domain/app-error.ts';
import { parseKronor } from '../../src/domain/invoicing/kronor-input.ts';
import type { ApprovalDeps } from '../../src/services/approvals/approval-deps.ts';
import type { ApprovalView } from '../../src/services/approvals/approval-view.ts';
import { castVote } from '../../src/services/approvals/cast-vote.ts';
import { getApprovalForViewer } from '../../src/services/approvals/get-approval.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import type { BotLog } from '../bot-dependencies.ts';
import { type ApprovalCardOptions, renderApprovalCard, timeText } from '../cards/approval-card.ts';
import { APPROVAL_START_FIELDS, approvalStartCard } from '../cards/approval-start-card.ts';
import { NO_USER_ID_TEXT } from '../texts.ts';
import {
  type ApprovalCardAction,
  type ApprovalStartForm,
  cardBody,
  errorBody,
  type InvokeBody,
} from './card-action.ts';

export type ApprovalActionDeps = {
  readonly approvals: ApprovalDeps;
  readonly logger: BotLog;
};

export async function answerApprovalAction(
  deps: ApprovalActionDeps,
  action: ApprovalCardAction,
  actorAadId: string | null,
): Promise<InvokeBody> {
  if (actorAadId === null) {
    return errorBody(403, 'Forbidden', NO_USER_ID_TEXT);
  }
  try {
    return await perform(deps.approvals, action, actorAadId);
  } catch (error) {
    return failure(deps, action, actorAadId, error);
  }
}

/** renders a view for the clicker in the förbund's time */
export function approvalCardFor(deps: ApprovalDeps, view: ApprovalView, options: ApprovalCardOptions = {}) {
  return renderApprovalCard(view, { timeZone: deps.timeZone, now: deps.clock.now(), ...options });
}

async function perform(deps: ApprovalDeps, action: ApprovalCardAction, actor: string): Promise<InvokeBody> {
  switch (action.kind) {
    case 'approval-view': {
      const view = await getApprovalForViewer(deps, actor, action.approvalId);
      return cardBody(approvalCardFor(deps, view));
    }
    case 'approval-vote': {
      const { view, result } = await castVote(deps, actor, action.approvalId, {
        decision: action.decision,
        ...(action.comment === undefined ? {} : { comment: action.comment }),
      });
      return cardBody(approvalCardFor(deps, view, voteNotice(deps, view, result)));
    }
    case 'approval-start': {
      const view = await startApproval(deps, actor, startInput(action.insats, action.form));
      const count = view.approverIds.length;
      const who = count === 1 ? '1 beslutande får' : `${count} beslutande får`;
      return cardBody(
        approvalCardFor(deps, view, {
          notice: `Beslutsärendet är startat. ${who} kortet i Teams.`,
          noticeTone: 'good',
        }),
      );
    }
  }
}

function voteNotice(
  deps: ApprovalDeps,
  view: ApprovalView,
  result: 'recorded' | 'already-voted' | 'closed',
): Pick<ApprovalCardOptions, 'notice' | 'noticeTone'> {
  switch (result) {
    case 'recorded': {
      const at = view.viewer.myVote?.at ?? deps.clock.now().toISOString();
      const agreement = view.agreement ?? null;
      if (agreement !== null) {
        return {
          notice: signingNotice(view, agreement, timeText(at, deps.timeZone, deps.clock.now())),
          noticeTone: 'good',
        };
      }
      const decided = view.status === 'Pågår' ? '' : ` Ärendet är avgjort: ${view.status}.`;
      return {
        notice: `Din röst är registrerad ${timeText(at, deps.timeZone, deps.clock.now())}.${decided}`,
        noticeTone: 'good',
      };
    }
    case 'already-voted':
      return { notice: 'Du har redan röstat – din röst ändras inte.', noticeTone: 'warning' };
    case 'closed':
      return {
        notice:
          view.status === 'Återkallad'
            ? 'Ärendet är återkallat – ingen röst registrerades.'
            : view.status === 'Utgången'
              ? 'Ärendet har gått ut – ingen röst registrerades.'
              : 'Ärendet är redan avgjort.',
        noticeTone: 'warning',
      };
  }
}

/** a signature or a refusal recorded, and, when it decided the matter, what came of it */
function signingNotice(view: ApprovalView, agreement: NonNullable<ApprovalView['agreement']>, time: string): string {
  const org = agreement.viewerOrganisation;
  const mine =
    view.viewer.myVote?.decision === 'Avslå'
      ? `Du avslog avtalet ${time}. Kansliet får din kommentar.`
      : `Du har undertecknat avtalet${org === null ? '' : ` för ${org}`} ${time}.`;
  if (agreement.failure !== null) {
    return `${mine} ${agreement.failure}`;
  }
  if (agreement.signed !== null) {
    return `${mine} Alla parter har undertecknat – det signerade avtalet är arkiverat.`;
  }
  if (view.status === 'Pågår' && agreement.remaining.length > 0) {
    return `${mine} Kvar: ${agreement.remaining.join(', ')}.`;
  }
  return mine;
}

/** what startApproval reads: the form's Swedish input ids mapped to its fields */
export function startInput(insats: string, form: ApprovalStartForm): Record<string, unknown> {
  const subject = form.subject ?? '';
  const summary = form.summary ?? '';
  const input: Record<string, unknown> = { insats, subject, summary };
  if (form.amount !== undefined && form.amount !== '') {
    input.amount = kronor(form.amount);
  }
  if (form.dueDate !== undefined && form.dueDate !== '') {
    input.dueDate = form.dueDate;
  }
  if (subject === 'Budgetändring') {
    input.change = {
      year: form.year === undefined || form.year === '' ? undefined : Number(form.year),
      moves: [{ from: form.from ?? '', to: form.to ?? '', amount: kronor(form.moveAmount ?? '') }],
      motivering: summary,
    };
  }
  if (subject === 'Planändring') {
    input.plan = { beskrivning: summary, mindre: form.minor === 'true' };
  }
  return input;
}

/** `40 000`, `40000 kr` as typed become a number; anything else goes on for the services to refuse by field */
function kronor(raw: string): number | string {
  return parseKronor(raw) ?? raw;
}

async function failure(
  deps: ApprovalActionDeps,
  action: ApprovalCardAction,
  actor: string,
  error: unknown,
): Promise<InvokeBody> {
  if (!isAppError(error)) {
    deps.logger.error({ err: error, verb: action.kind }, 'beslutsåtgärden misslyckades');
    return errorBody(500, 'InternalError', 'Något gick fel i Insatsnavet. Försök igen om en stund.');
  }
  switch (error.code) {
    case 'FORBIDDEN':
      deps.logger.info({ verb: action.kind, actor }, 'beslutsåtgärd nekad');
      return errorBody(403, 'Forbidden', error.userMessage);
    case 'NOT_FOUND':
      return errorBody(404, 'NotFound', error.userMessage);
    case 'INVALID_INPUT':
      if (action.kind === 'approval-start') {
        return startFormAgain(deps, action, { message: error.userMessage, details: fieldMessages(error) });
      }
      return currentCard(deps, action, actor, { error: [error.userMessage, ...fieldMessages(error)].join('\n') });
    case 'INVALID_STATE':
    case 'CONFLICT':
    case 'PRECONDITION_FAILED':
      if (action.kind === 'approval-start') {
        return startFormAgain(deps, action, { message: error.userMessage, details: [] });
      }
      return currentCard(deps, action, actor, { notice: error.userMessage, noticeTone: 'warning' });
    default:
      deps.logger.error({ err: error, verb: action.kind }, 'beslutsåtgärden misslyckades');
      return errorBody(500, error.code, error.httpStatus >= 500 ? 'Något gick fel i Insatsnavet.' : error.userMessage);
  }
}

/** the approval's card as it is now, for a refused vote; if even reading it fails, the refusal alone */
async function currentCard(
  deps: ApprovalActionDeps,
  action: Exclude<ApprovalCardAction, { kind: 'approval-start' }>,
  actor: string,
  options: ApprovalCardOptions,
): Promise<InvokeBody> {
  try {
    const view = await getApprovalForViewer(deps.approvals, actor, action.approvalId);
    return cardBody(approvalCardFor(deps.approvals, view, options));
  } catch (error) {
    deps.logger.error({ err: error, verb: action.kind }, 'beslutsärendet kunde inte läsas efter en nekad åtgärd');
    const message = options.error ?? options.notice ?? 'Något gick fel i Insatsnavet.';
    return errorBody(isAppError(error) && error.code === 'FORBIDDEN' ? 403 : 400, 'Refused', message);
  }
}

/** the start form again with the error and what they typed, so they can correct it */
async function startFormAgain(
  deps: ApprovalActionDeps,
  action: Extract<ApprovalCardAction, { kind: 'approval-start' }>,
  error: { message: string; details: readonly string[] },
): Promise<InvokeBody> {
  const intervention = await deps.approvals.repos.interventions.findByCode(action.insats.toUpperCase());
  if (intervention === null) {
    return errorBody(400, 'BadRequest', error.message);
  }
  const entered: Record<string, string> = {};
  for (const [key, field] of Object.entries(APPROVAL_START_FIELDS)) {
    const value = action.form[key as keyof ApprovalStartForm];
    if (value !== undefined) {
      entered[field] = value;
    }
  }
  return cardBody(
    approvalStartCard({
      intervention,
      defaultYear: Number(deps.approvals.clock.now().toISOString().slice(0, 4)),
      entered,
      error,
    }),
  );
}

/** the per-field messages of a refused input, in the order the services gave them */
function fieldMessages(error: AppError): string[] {
  const fields = error.details?.fields;
  if (fields === null || typeof fields !== 'object') {
    return [];
  }
  return Object.values(fields).filter((message): message is string => typeof message === 'string');
}
