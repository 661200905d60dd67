/**
 * The sweep's approvals step (issue 4 items 4 and 6), every minute and by `npm run sweep`:
 * every Pågår row is
 * - opened if new (made by the app, or typed into SharePoint by the kansli): completed, stamped
 *   with its approvers, and each approver sent one card;
 * - judged again: a vote typed into SharePoint, or a process that died between a vote and its
 *   decision, is decided here;
 * - reminded: 2 working days before its DueDate each approver who has not answered gets one
 *   reminder (approvalReminderKey);
 * - expired: the first sweep after its DueDate makes it Utgången, updates the cards and tells
 *   the requester.
 * Each row is handled on its own; one that cannot be used becomes a Swedish line in the report.
 */

import { isAppError } from '../../domain/app-error.ts';
import { approvalReminderKey } from '../../domain/approvals/approval-keys.ts';
import { approvalTimers } from '../../domain/approvals/approval-schedule.ts';
import { awaitedApprover } from '../../domain/approvals/eligibility.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import { releaseDraft } from '../agreements/release-draft.ts';
import { mapConcurrently } from '../sweep/map-concurrently.ts';
import { appendApprovalAudit, nowInstant, SWEEP_ACTOR } from './approval-audit.ts';
import type { ApprovalContext } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import {
  addCounts,
  type Delivery,
  type DeliveryCounts,
  deliver,
  emptyCounts,
  requesterDelivery,
  updateApproverCards,
} from './approval-messaging.ts';
import { asApprovers, readPayload, writePayload } from './approval-payload.ts';
import { castVotesOf } from './approval-view.ts';
import { completeConsequences, evaluationOf, settleApproval } from './decide-approval.ts';
import { openStage } from './open-stage.ts';

export type PickUpInput = {
  /** the sweep's instant (defaults to the deps' clock) */
  readonly now?: Date;
  /** `HH:MM` from which reminders go out on working days (Settings paminnelse.klockslag) */
  readonly sendTime?: string;
  /** outbox keys this process has seen claimed; kept between sweeps */
  readonly claimedKeys?: Set<string>;
};

export type PickUpResult = {
  /** Pågår rows looked at */
  readonly open: number;
  /** rows opened now (stamped, cards sent) */
  readonly opened: number;
  readonly decided: number;
  readonly expired: number;
  /** request cards delivered in this run */
  readonly cards: DeliveryCounts;
  readonly reminders: DeliveryCounts;
  readonly lines: string[];
  readonly problems: string[];
};

const ROWS_AT_ONCE = 4;

export async function pickUpApprovals(deps: ApprovalDeps, input: PickUpInput = {}): Promise<PickUpResult> {
  const now = input.now ?? deps.clock.now();
  const sendTime = input.sendTime ?? '08:00';
  const claimedKeys = input.claimedKeys ?? new Set<string>();
  const rows = await deps.repos.approvals.listByStatus('Pågår');
  const result = {
    open: rows.length,
    opened: 0,
    decided: 0,
    expired: 0,
    cards: emptyCounts(),
    reminders: emptyCounts(),
    lines: [] as string[],
    problems: [] as string[],
  };
  await mapConcurrently(rows, ROWS_AT_ONCE, async (row) => {
    try {
      await pickUpOne(deps, row, { now, sendTime, claimedKeys }, result);
    } catch (error) {
      deps.logger.error({ err: error, approvalId: row.id }, 'approval not picked up');
      const message = isAppError(error) ? error.userMessage : 'ett oväntat fel';
      result.problems.push(`Beslutsärende ${row.id} (${row.title}): ${message}`);
    }
  });
  await finishInterruptedDecisions(deps, result);
  return result;
}

/** decided rows whose consequences a crash (or a failed step) left undone: run them again */
async function finishInterruptedDecisions(deps: ApprovalDeps, result: Mutable): Promise<void> {
  const decided = [
    ...(await deps.repos.approvals.listByStatus('Godkänd')),
    ...(await deps.repos.approvals.listByStatus('Avslagen')),
  ].filter((row) => readPayload(row.payload).consequencesDone === false);
  for (const row of decided) {
    try {
      if (await completeConsequences(deps, row)) {
        result.lines.push(`Beslutsärende ${row.id} (${row.title}): beslutets följder slutfördes efter ett avbrott.`);
      }
    } catch (error) {
      deps.logger.error({ err: error, approvalId: row.id }, 'consequences of a decision not completed');
      const message = isAppError(error) ? error.userMessage : 'ett oväntat fel';
      result.problems.push(
        `Beslutsärende ${row.id} (${row.title}): beslutets följder kunde inte slutföras: ${message}`,
      );
    }
  }
}

type Mutable = {
  opened: number;
  decided: number;
  expired: number;
  cards: DeliveryCounts;
  reminders: DeliveryCounts;
  lines: string[];
  problems: string[];
};

async function pickUpOne(
  deps: ApprovalDeps,
  row: Approval,
  input: { now: Date; sendTime: string; claimedKeys: Set<string> },
  result: Mutable,
): Promise<void> {
  const timers = approvalTimers({
    dueDate: row.dueDate,
    now: input.now,
    timeZone: deps.timeZone,
    sendTime: input.sendTime,
  });
  const isNew = readPayload(row.payload).approvers === undefined;
  if (isNew && timers.expire) {
    result.problems.push(
      `Beslutsärende ${row.id} (${row.title}): svara senast ${row.dueDate} har redan passerat – ändra datumet så skickas korten.`,
    );
    return;
  }
  const opened = await openStage(deps, row, { claimedKeys: input.claimedKeys });
  result.problems.push(...opened.problems);
  if (opened.context === null) {
    return;
  }
  addCounts(result.cards, opened.counts);
  if (opened.stamped) {
    result.opened += 1;
    result.lines.push(
      `Beslutsärende ${row.id} (${row.title}) skickat till ${opened.context.seats.length} beslutsfattare.`,
    );
  }
  const settled = await settleApproval(deps, opened.context, SWEEP_ACTOR);
  if (settled.decided) {
    result.decided += 1;
    result.lines.push(`Beslutsärende ${row.id} (${row.title}): ${settled.context.approval.status.toLowerCase()}.`);
    return;
  }
  const context = settled.context;
  if (context.approval.status !== 'Pågår') {
    return;
  }
  if (timers.expire) {
    if (await expire(deps, context)) {
      result.expired += 1;
      result.lines.push(`Beslutsärende ${row.id} (${row.title}) är utgånget: svara senast var ${row.dueDate}.`);
    }
    return;
  }
  if (timers.remind) {
    const counts = await deliver(deps, context, reminderDeliveries(context), input.claimedKeys);
    addCounts(result.reminders, counts);
    if (counts.sent > 0) {
      result.lines.push(`Påminnelse om beslutsärende ${row.id} (${row.title}) till ${counts.sent} beslutsfattare.`);
    }
  }
}

/** one reminder to each approver the approval still waits for */
function reminderDeliveries(context: ApprovalContext): Delivery[] {
  const approvers = asApprovers(context.seats);
  const votes = castVotesOf(context.votes);
  return approvers
    .filter(
      (approver) =>
        awaitedApprover({ approval: context.approval, approvers, votes, aadObjectId: approver.aadObjectId }) !== null,
    )
    .map((approver) => ({
      key: approvalReminderKey(context.approval.id, approver.aadObjectId),
      kind: 'Påminnelse',
      messageKind: 'reminder',
      recipientAadId: approver.aadObjectId,
      titlePrefix: 'Påminnelse',
    }));
}

/** Utgången, once: a row changed meanwhile (a vote's decision) is left for the next sweep to judge */
async function expire(deps: ApprovalDeps, context: ApprovalContext): Promise<boolean> {
  const { approval, payload } = context;
  const evaluation = evaluationOf(context);
  let updated: Approval;
  try {
    updated = await deps.repos.approvals.update(
      approval.id,
      {
        status: 'Utgången',
        payload: writePayload(payload, { decidedAt: nowInstant(deps), decidedTally: evaluation.tally }),
      },
      { etag: approval.etag },
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      return false;
    }
    throw error;
  }
  const expired: ApprovalContext = { ...context, approval: updated, payload: readPayload(updated.payload) };
  // a samarbetsavtal's draft goes back to the kansli (Utkast)
  await releaseDraft(deps, expired.payload.agreement);
  await appendApprovalAudit(deps, {
    actorAadId: SWEEP_ACTOR,
    action: 'beslut.utganget',
    approval: updated,
    details: { dueDate: approval.dueDate, stage: approval.stage, rule: approval.rule, tally: evaluation.tally },
  });
  await Promise.all([
    updateApproverCards(deps, expired),
    deliver(deps, expired, requesterDelivery(expired, 'expired')),
  ]);
  return true;
}
