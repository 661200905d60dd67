/**
 * Opens one stage of an approval: the first time a Pågår row is seen (made by startApproval, by
 * the chain, or typed straight into SharePoint by the kansli) it is completed and stamped — Rule
 * and Stage as the chain says when missing, a DueDate, the insats's code and title, the budget
 * change's classification, and the approvers as they stand today — and every approver is sent
 * one card. A row seen again only has its missing cards sent (the outbox's unique key makes a
 * card go out once); the stamp is not redone, so the approvers of a running vote stay put.
 */

import { AppError, isAppError } from '../../domain/app-error.ts';
import { defaultDueDate } from '../../domain/approvals/approval-schedule.ts';
import { classifyBudgetChange, parseChangeThreshold } from '../../domain/approvals/budget-change.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { prepareHandTypedSigning } from '../agreements/prepare-hand-typed-signing.ts';
import { nowInstant } from './approval-audit.ts';
import type { ApprovalContext } from './approval-context.ts';
import { loadApprovalContext, readSeats, refOf } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { type DeliveryCounts, deliver, emptyCounts, requestDeliveries } from './approval-messaging.ts';
import { type ApprovalPayload, type PayloadPatch, readPayload, writePayload } from './approval-payload.ts';

export type OpenStageResult = {
  /** null when the row could not be opened (see problems) */
  readonly context: ApprovalContext | null;
  readonly stamped: boolean;
  readonly counts: DeliveryCounts;
  /** Swedish, for the sweep report: what the kansli must fix in the row */
  readonly problems: readonly string[];
};

/** subjects that are always about one insats */
const NEEDS_INSATS = new Set(['Ansökan', 'Budgetändring', 'Planändring', 'Samarbetsavtal']);

function label(approval: Approval): string {
  return `Beslutsärende ${approval.id}`;
}

/** a plan change is minor only when the kansli says so (the delegationsordning is their call) */
export function planClassification(markedMinor: boolean): { minor: boolean; reasons: string[] } {
  return markedMinor
    ? { minor: true, reasons: ['Kansliet har bedömt planändringen som mindre: förbundschefen beslutar på delegation.'] }
    : { minor: false, reasons: ['Planändringen är inte markerad som mindre: styrelsen beslutar.'] };
}

/** whether the change goes to the förbundschef (minor) or the board, and why, as stored on the row */
async function classification(
  deps: Pick<ApprovalDeps, 'repos'>,
  approval: Approval,
  payload: ApprovalPayload,
): Promise<PayloadPatch['classification']> {
  if (payload.classification !== undefined) {
    return payload.classification;
  }
  if (approval.subject === 'Planändring') {
    return planClassification(payload.plan?.mindre === true);
  }
  if (approval.subject !== 'Budgetändring') {
    return undefined;
  }
  if (payload.change === undefined || approval.interventionId === null) {
    return {
      minor: false,
      reasons: ['Ärendet saknar en budgetflytt i kolumnen Underlag (JSON): styrelsen beslutar.'],
    };
  }
  const [budgetLines, settings] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(approval.interventionId),
    deps.repos.settings.getAll(),
  ]);
  const result = classifyBudgetChange({
    change: payload.change,
    budgetLines,
    thresholdPercent: parseChangeThreshold(settings).percent,
  });
  return { minor: result.minor, reasons: result.reasons };
}

/**
 * Completes and stamps a row not opened before. Returns the stamped row, or the problems that keep
 * it from being opened. A row another instance stamped meanwhile (412) is read again and used.
 */
async function stamp(
  deps: ApprovalDeps,
  approval: Approval,
): Promise<{ approval: Approval; intervention: Intervention | null; problems: string[] }> {
  const payload = readPayload(approval.payload);
  const problems: string[] = [];
  const intervention =
    approval.interventionId === null ? null : await deps.repos.interventions.findById(approval.interventionId);
  if (intervention === null && (NEEDS_INSATS.has(approval.subject) || approval.stage === 'Styrgrupp')) {
    problems.push(
      approval.interventionId === null
        ? `${label(approval)} saknar insats: fyll i kolumnen Insats.`
        : `${label(approval)}: insatsen (post ${approval.interventionId}) finns inte.`,
    );
    return { approval, intervention, problems };
  }
  const seats = await readSeats(deps, approval.stage, intervention);
  if (seats.length === 0) {
    problems.push(
      `${label(approval)} (${approval.stage.toLowerCase()}${intervention === null ? '' : `, ${intervention.code}`}) har ingen som kan besluta: lägg in rollerna i RoleAssignments.`,
    );
    return { approval, intervention, problems };
  }
  // a samarbetsavtal typed by hand has no draft yet: it is filed now, before the cards go out
  let agreement: Pick<PayloadPatch, 'agreement' | 'summary'> = {};
  if (approval.subject === 'Samarbetsavtal' && payload.agreement === undefined && intervention !== null) {
    const signing = await prepareHandTypedSigning(deps, approval, intervention);
    if (!signing.ok) {
      return { approval, intervention, problems: [...signing.problems] };
    }
    agreement = { agreement: signing.record, summary: signing.summary };
  }
  const today = todayIn(deps.clock, deps.timeZone);
  const patch: PayloadPatch = {
    approvers: seats,
    pickedUpAt: nowInstant(deps),
    ...(intervention === null ? {} : { intervention: refOf(intervention) }),
    classification: await classification(deps, approval, payload),
    ...agreement,
  };
  try {
    const updated = await deps.repos.approvals.update(
      approval.id,
      {
        // as the kansli's row said, or (read with the chain's defaults) as the chain says
        stage: approval.stage,
        rule: approval.rule,
        dueDate: approval.dueDate ?? defaultDueDate(today, approval.stage),
        payload: writePayload(payload, patch),
      },
      { etag: approval.etag },
    );
    return { approval: updated, intervention, problems };
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      const fresh = await deps.repos.approvals.findById(approval.id);
      if (fresh !== null && readPayload(fresh.payload).approvers !== undefined) {
        await retireLosingDraft(deps, agreement.agreement, readPayload(fresh.payload).agreement);
        return { approval: fresh, intervention, problems };
      }
      throw new AppError('CONFLICT', `${label(approval)} changed while it was opened`, { cause: error });
    }
    throw error;
  }
}

/**
 * Two sweeps filed a draft for the same hand-typed row and the other one stamped it first: this
 * one's draft is kept, marked Ersatt, so only the draft the row records reads 'Under signering'.
 */
async function retireLosingDraft(
  deps: ApprovalDeps,
  mine: PayloadPatch['agreement'],
  theirs: ApprovalPayload['agreement'],
): Promise<void> {
  if (mine === undefined || theirs === undefined || mine.draft.driveItemId === theirs.draft.driveItemId) {
    return;
  }
  await deps.repos.agreements.updateFields(mine.draft.driveItemId, { agreementStatus: 'Ersatt' });
}

/** Opens the stage if it is not yet, and sends each approver's card once. */
export async function openStage(
  deps: ApprovalDeps,
  approval: Approval,
  options: { readonly claimedKeys?: Set<string> } = {},
): Promise<OpenStageResult> {
  if (approval.status !== 'Pågår') {
    return { context: null, stamped: false, counts: emptyCounts(), problems: [] };
  }
  let row = approval;
  let intervention: Intervention | null | undefined;
  let stamped = false;
  if (readPayload(approval.payload).approvers === undefined) {
    const result = await stamp(deps, approval);
    if (result.problems.length > 0) {
      return { context: null, stamped: false, counts: emptyCounts(), problems: result.problems };
    }
    row = result.approval;
    intervention = result.intervention;
    stamped = true;
  }
  const context = await loadApprovalContext(deps, row, intervention === undefined ? {} : { intervention });
  const keys = options.claimedKeys ?? new Set<string>();
  const counts = await deliver(deps, context, requestDeliveries(context), keys);
  return { context, stamped, counts, problems: [] };
}
