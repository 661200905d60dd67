/**
 * What follows a decided stage (chains.ts says which): the next stage's row, with the previous
 * stage's answer as a recommendation, opened at once so its cards go out; or the final effect —
 * an application Beviljad (with its DecisionDate) or Avslagen through the lifecycle, an approved
 * budget change written to BudgetLines. Each effect is audited.
 */
import type { Evaluation } from '../../domain/approvals/approval-model.ts';
import { defaultDueDate } from '../../domain/approvals/approval-schedule.ts';
import { applyBudgetChange, classifyBudgetChange } from '../../domain/approvals/budget-change.ts';
import type { NextStep } from '../../domain/approvals/chains.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { finishAgreementSigning } from '../agreements/finish-agreement-signing.ts';
import { applyTransition } from '../register/apply-transition.ts';
import type { RegisterDeps } from '../register/register-deps.ts';
import { appendApprovalAudit } from './approval-audit.ts';
import type { ApprovalContext } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { type PayloadPatch, writePayload } from './approval-payload.ts';
import { openStage } from './open-stage.ts';

type Decided = 'Godkänd' | 'Avslagen';

function registerDeps(deps: ApprovalDeps): RegisterDeps {
  return {
    repos: deps.repos,
    clock: deps.clock,
    timeZone: deps.timeZone,
    // the lifecycle's guards do not read the unreadable-row log; the transition only needs the type
    unreadableRows: { clear: () => undefined, list: () => [] },
  };
}

export async function runChain(
  deps: ApprovalDeps,
  context: ApprovalContext,
  step: NextStep,
  evaluation: Evaluation,
  actorAadId: string,
): Promise<void> {
  if (step.kind === 'next-stage') {
    await startNextStage(deps, context, step, evaluation, actorAadId);
    return;
  }
  const { approval } = context;
  if (approval.subject === 'Ansökan' && approval.stage === 'Styrelse') {
    await decideApplication(deps, approval, step.outcome, actorAadId);
  }
  if (approval.subject === 'Budgetändring' && step.outcome === 'Godkänd') {
    await applyChange(deps, context, actorAadId);
  }
  if (approval.subject === 'Samarbetsavtal') {
    // the signed PDF filed and the insats to Uppstart, or the refused draft back to Utkast (issue 8)
    await finishAgreementSigning(deps, context, step.outcome, actorAadId);
  }
}

function recommendationOf(context: ApprovalContext, evaluation: Evaluation): PayloadPatch['recommendation'] {
  const outcome = context.approval.status as Decided;
  const nameOf = (aad: string): string =>
    context.seats.find((seat) => seat.aadObjectId.toLowerCase() === aad.toLowerCase())?.name ?? aad;
  return {
    approvalId: context.approval.id,
    stage: context.approval.stage,
    outcome,
    tally: evaluation.tally,
    comments: context.votes
      .filter((vote) => vote.comment !== null && vote.comment.trim() !== '')
      .map((vote) => ({ name: nameOf(vote.voterAadId), decision: vote.decision, comment: vote.comment ?? '' })),
  };
}

async function startNextStage(
  deps: ApprovalDeps,
  context: ApprovalContext,
  step: Extract<NextStep, { kind: 'next-stage' }>,
  evaluation: Evaluation,
  actorAadId: string,
): Promise<void> {
  const { approval, payload } = context;
  // a retried consequence must not open the next stage twice
  const siblings =
    approval.interventionId === null ? [] : await deps.repos.approvals.listByIntervention(approval.interventionId);
  let next = siblings.find((row) => row.previousId === approval.id) ?? null;
  if (next === null) {
    const today = todayIn(deps.clock, deps.timeZone);
    next = await deps.repos.approvals.create({
      title: approval.title,
      interventionId: approval.interventionId,
      subject: approval.subject,
      stage: step.stage,
      rule: step.rule,
      status: 'Pågår',
      dueDate: defaultDueDate(today, step.stage),
      requestedByAadId: approval.requestedByAadId,
      amount: approval.amount,
      previousId: approval.id,
      payload: writePayload(
        { extra: {}, unreadable: [] },
        {
          summary: payload.summary,
          requestedByName: payload.requestedByName,
          intervention: payload.intervention,
          change: payload.change,
          plan: payload.plan,
          classification: payload.classification,
          recommendation: step.recommendation ? recommendationOf(context, evaluation) : payload.recommendation,
        },
      ),
    });
    await appendApprovalAudit(deps, {
      actorAadId,
      action: 'beslut.startat',
      approval: next,
      details: { subject: next.subject, stage: next.stage, rule: next.rule, previous: approval.id, via: 'kedja' },
    });
  }
  if (approval.subject === 'Ansökan' && step.stage === 'Styrelse') {
    await moveInsats(deps, next, ['Beredning'], 'Förslag till styrelsen', actorAadId);
  }
  await openStage(deps, next);
}

async function moveInsats(
  deps: ApprovalDeps,
  approval: Approval,
  from: readonly Stage[],
  to: Stage,
  actorAadId: string,
): Promise<Intervention | null> {
  if (approval.interventionId === null) {
    return null;
  }
  const intervention = await deps.repos.interventions.findById(approval.interventionId);
  if (intervention === null || !from.includes(intervention.stage)) {
    if (intervention !== null && intervention.stage !== to) {
      deps.logger.warn(
        { approvalId: approval.id, interventionId: intervention.id, stage: intervention.stage, to },
        'approval decided but the insats is not in a stage the decision moves',
      );
    }
    return intervention;
  }
  return applyTransition(registerDeps(deps), {
    intervention,
    to,
    via: 'approval',
    actor: { aadObjectId: actorAadId, name: '', roles: [] },
    comment: `Beslutsärende ${approval.id}`,
  });
}

/** the board's answer on an application: Beviljad (with today's DecisionDate) or Avslagen */
async function decideApplication(
  deps: ApprovalDeps,
  approval: Approval,
  outcome: Decided,
  actorAadId: string,
): Promise<void> {
  // a board stage typed by hand may find the application still in Beredning
  const proposed = await moveInsats(deps, approval, ['Beredning'], 'Förslag till styrelsen', actorAadId);
  if (proposed === null) {
    return;
  }
  const to: Stage = outcome === 'Godkänd' ? 'Beviljad' : 'Avslagen';
  const moved = await moveInsats(deps, approval, ['Förslag till styrelsen'], to, actorAadId);
  if (moved !== null && moved.stage === to && moved.decisionDate === null) {
    // the board grants the amount applied for; a granted amount the kansli already typed is kept
    const granted =
      to === 'Beviljad' && moved.grantedAmount === null && approval.amount !== null
        ? { grantedAmount: approval.amount }
        : {};
    await deps.repos.interventions.update(
      moved.id,
      { decisionDate: todayIn(deps.clock, deps.timeZone), ...granted },
      { etag: moved.etag },
    );
  }
}

/** writes an approved budget change to BudgetLines, unless the budget has moved so that it no longer fits */
async function applyChange(deps: ApprovalDeps, context: ApprovalContext, actorAadId: string): Promise<void> {
  const { approval, payload } = context;
  const change = payload.change;
  if (change === undefined || approval.interventionId === null) {
    return;
  }
  const interventionId = approval.interventionId;
  // a repeated run (the sweep after a crash) must not move the money twice
  const earlier = await deps.repos.auditLog.listByEntity(interventionId);
  if (
    earlier.some(
      (entry) =>
        entry.action === 'budget.andrad' &&
        (entry.details as { approval?: unknown; applied?: unknown } | null)?.approval === approval.id &&
        (entry.details as { applied?: unknown }).applied === true,
    )
  ) {
    return;
  }
  const lines = await deps.repos.budgetLines.listByIntervention(interventionId);
  const { problems } = classifyBudgetChange({ change, budgetLines: lines, thresholdPercent: 100 });
  const entity = { list: 'Interventions', id: interventionId };
  if (problems.length > 0) {
    deps.logger.error({ approvalId: approval.id, problems }, 'approved budget change not applied');
    await appendApprovalAudit(deps, {
      actorAadId,
      action: 'budget.andrad',
      approval,
      entity,
      details: { approval: approval.id, applied: false, problems },
    });
    return;
  }
  const { updates, creates } = applyBudgetChange(lines, change);
  for (const update of updates) {
    const line = lines.find((candidate) => candidate.id === update.id);
    await deps.repos.budgetLines.update(
      update.id,
      { amount: update.amount },
      line === undefined ? {} : { etag: line.etag },
    );
  }
  for (const create of creates) {
    await deps.repos.budgetLines.create({ interventionId, ...create });
  }
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'budget.andrad',
    approval,
    entity,
    details: {
      approval: approval.id,
      applied: true,
      year: change.year,
      moves: change.moves,
      before: lines.map((line) => ({ year: line.year, category: line.category, amount: line.amount })),
      updates,
      creates,
    },
  });
}
