/**
 * Records a stage's decision exactly once and carries it out. Whoever finds the rule met — the
 * vote that met it, a concurrent vote, or the sweep after a crash — writes the outcome with the
 * row's eTag; a 412 means the row changed (another decider, a pickup's stamp), so it is read again
 * and judged again. Only the writer that wins applies the consequences: the next stage or the
 * final effect on the insats, every card updated to the outcome, the requester told.
 */

import { isAppError } from '../../domain/app-error.ts';
import type { Evaluation } from '../../domain/approvals/approval-model.ts';
import { type NextStep, nextStep } from '../../domain/approvals/chains.ts';
import { evaluate } from '../../domain/approvals/decision-rules.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import { appendApprovalAudit, nowInstant, SWEEP_ACTOR } from './approval-audit.ts';
import { type ApprovalContext, loadApprovalContext } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { deliver, requesterDelivery, updateApproverCards } from './approval-messaging.ts';
import { asApprovers, type PayloadPatch, readPayload, writePayload } from './approval-payload.ts';
import { castVotesOf } from './approval-view.ts';
import { runChain } from './run-chain.ts';

const MAX_TRIES = 5;

export type SettleResult = {
  readonly context: ApprovalContext;
  /** true only for the caller whose write recorded the decision */
  readonly decided: boolean;
};

/** whether the matter is a minor change (förbundschef) rather than one for the board */
export function isMinorChange(context: Pick<ApprovalContext, 'payload'>): boolean {
  return context.payload.classification?.minor === true;
}

export function evaluationOf(context: ApprovalContext): Evaluation {
  return evaluate(context.approval.rule, asApprovers(context.seats), castVotesOf(context.votes));
}

/** Decides the approval if its rule is met; a no-op while it is not, or once it is closed. */
export async function settleApproval(
  deps: ApprovalDeps,
  start: ApprovalContext,
  actorAadId: string,
): Promise<SettleResult> {
  let context = start;
  for (let tries = 1; ; tries += 1) {
    if (context.approval.status !== 'Pågår') {
      return { context, decided: false };
    }
    const evaluation = evaluationOf(context);
    if (evaluation.outcome === 'Pågår') {
      return { context, decided: false };
    }
    const { approval } = context;
    const step = nextStep({
      subject: approval.subject,
      stage: approval.stage,
      outcome: evaluation.outcome,
      minor: isMinorChange(context),
    });
    const patch: PayloadPatch = {
      decidedAt: nowInstant(deps),
      decidedTally: evaluation.tally,
      // set true once the chain has run; a sweep finishes what a crash left half done
      consequencesDone: false,
      ...(step.kind === 'next-stage' ? { nextStage: step.stage } : {}),
      ...(step.kind === 'final' && step.delegationDecision ? { delegationDecision: true } : {}),
    };
    try {
      const updated = await deps.repos.approvals.update(
        approval.id,
        { status: evaluation.outcome, payload: writePayload(context.payload, patch) },
        { etag: approval.etag },
      );
      const decided: ApprovalContext = { ...context, approval: updated, payload: readPayload(updated.payload) };
      // a samarbetsavtal's row now records the signed file (or why there is none): shown to the clicker too
      const shown = await carryOut(deps, decided, evaluation, step, actorAadId);
      return { context: shown, decided: true };
    } catch (error) {
      if (!(isAppError(error) && error.code === 'PRECONDITION_FAILED') || tries >= MAX_TRIES) {
        throw error;
      }
      const fresh = await deps.repos.approvals.findById(approval.id);
      if (fresh === null) {
        throw error;
      }
      context = await loadApprovalContext(deps, fresh);
    }
  }
}

async function carryOut(
  deps: ApprovalDeps,
  context: ApprovalContext,
  evaluation: Evaluation,
  step: NextStep,
  actorAadId: string,
): Promise<ApprovalContext> {
  const { approval } = context;
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'beslut.fattat',
    approval,
    details: {
      outcome: approval.status,
      subject: approval.subject,
      stage: approval.stage,
      rule: approval.rule,
      tally: evaluation.tally,
      votes: evaluation.counted.map((vote) => ({
        voter: vote.voterAadId,
        org: vote.onBehalfOfOrgId,
        decision: vote.decision,
      })),
      ...(step.kind === 'next-stage' ? { nextStage: step.stage } : { delegationDecision: step.delegationDecision }),
    },
  }).catch((error: unknown) => deps.logger.error({ err: error, approvalId: approval.id }, 'decision not audited'));
  return (await runConsequences(deps, context, evaluation, step, actorAadId)).shown;
}

/**
 * The chain first (the next body's cards and the insats matter more than this body's update),
 * then the cards and the requester; when all of it ran, the row is marked so the sweep leaves it.
 * Every part is safe to repeat: the next stage is found by Previous, the insats moves only from
 * the stage it was in, a budget change is applied once (its AuditLog row), messages go by key.
 */
async function runConsequences(
  deps: ApprovalDeps,
  context: ApprovalContext,
  evaluation: Evaluation,
  step: NextStep,
  actorAadId: string,
): Promise<{ readonly done: boolean; readonly shown: ApprovalContext }> {
  const { approval } = context;
  let done = true;
  try {
    await runChain(deps, context, step, evaluation, actorAadId);
  } catch (error) {
    done = false;
    deps.logger.error({ err: error, approvalId: approval.id }, 'approval decided but its consequence failed');
  }
  // a samarbetsavtal's chain records the signed file (or why there is none) on the row: the cards say it
  const agreement = approval.subject === 'Samarbetsavtal';
  const shown = agreement ? await reloaded(deps, context) : context;
  // the kansli hears of a samarbetsavtal once it is filed (or cannot be): a failed step is retried
  // by the sweep, and the message, sent once, must not say less than what happened
  const tellRequester = done || !agreement;
  await Promise.all([
    updateApproverCards(deps, shown),
    tellRequester ? deliver(deps, shown, requesterDelivery(shown, 'requester-outcome')) : Promise.resolve(),
  ]);
  if (done) {
    await markConsequencesDone(deps, approval.id);
  }
  return { done, shown };
}

/** the context with the row as it is now (its votes and seats as they were) */
async function reloaded(deps: ApprovalDeps, context: ApprovalContext): Promise<ApprovalContext> {
  try {
    const row = await deps.repos.approvals.findById(context.approval.id);
    return row === null ? context : { ...context, approval: row, payload: readPayload(row.payload) };
  } catch (error) {
    deps.logger.warn({ err: error, approvalId: context.approval.id }, 'approval not read again for its cards');
    return context;
  }
}

async function markConsequencesDone(deps: ApprovalDeps, approvalId: string): Promise<void> {
  for (let tries = 1; tries <= MAX_TRIES; tries += 1) {
    const row = await deps.repos.approvals.findById(approvalId);
    if (row === null) {
      return;
    }
    try {
      await deps.repos.approvals.update(
        approvalId,
        { payload: writePayload(readPayload(row.payload), { consequencesDone: true }) },
        { etag: row.etag },
      );
      return;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'PRECONDITION_FAILED')) {
        // not fatal: the sweep runs the (repeatable) consequences again and marks it then
        deps.logger.warn({ err: error, approvalId }, 'consequences ran but the row could not be marked');
        return;
      }
    }
  }
}

/**
 * For the sweep: a decided row whose consequences did not all run (the process died after the
 * decision was written, or a step failed) — run them again. Rows decided before the mark existed
 * have no mark and are left alone.
 */
export async function completeConsequences(deps: ApprovalDeps, approval: Approval): Promise<boolean> {
  if (approval.status !== 'Godkänd' && approval.status !== 'Avslagen') {
    return false;
  }
  const context = await loadApprovalContext(deps, approval);
  if (context.payload.consequencesDone !== false) {
    return false;
  }
  const step = nextStep({
    subject: approval.subject,
    stage: approval.stage,
    outcome: approval.status,
    minor: isMinorChange(context),
  });
  return (await runConsequences(deps, context, evaluationOf(context), step, SWEEP_ACTOR)).done;
}
