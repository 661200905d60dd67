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
import { appendApprovalAudit, nowInstant } from './approval-audit.ts';
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
      await carryOut(deps, decided, evaluation, step, actorAadId);
      return { context: decided, decided: true };
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
): Promise<void> {
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
  // the chain first: the next body's cards and the insats matter more than this body's update
  try {
    await runChain(deps, context, step, evaluation, actorAadId);
  } catch (error) {
    deps.logger.error({ err: error, approvalId: approval.id }, 'approval decided but its consequence failed');
  }
  await Promise.all([
    updateApproverCards(deps, context),
    deliver(deps, context, requesterDelivery(context, 'requester-outcome')),
  ]);
}
