/**
 * One approval as one person sees it: what is to be decided, by whom and under which rule, the
 * tally and every vote, the previous stage's recommendation, the budget change, and what this
 * person may do now. The card, the bot, the tab and the API all render this one shape.
 *
 * Pure: the caller loads the row, its votes and the approvers (approval-context.ts) and builds
 * one view per viewer from them without further requests.
 */
import type { Approver, Tally } from '../../domain/approvals/approval-model.ts';
import { approverFor } from '../../domain/approvals/approvers.ts';
import { allowedDecisions, evaluate } from '../../domain/approvals/decision-rules.ts';
import { awaitedApprover } from '../../domain/approvals/eligibility.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { RecordedVote } from '../../domain/ports/vote-repository.ts';
import type {
  ApprovalRule,
  ApprovalStage,
  ApprovalStatus,
  ApprovalSubject,
  BudgetCategory,
  VoteDecision,
} from '../../domain/vocabulary.ts';
import { type ApprovalPayload, type ApproverSeat, asApprovers } from './approval-payload.ts';

/** how the approval's stage names the body, for "går vidare till styrelsen" */
export const STAGE_TITLES: Readonly<Record<ApprovalStage, string>> = {
  Styrgrupp: 'styrgruppen',
  Förbundschef: 'förbundschefen',
  Beredningsgrupp: 'beredningsgruppen',
  Styrelse: 'styrelsen',
  Firmatecknare: 'firmatecknarna',
};

export type ApprovalRecommendation = {
  readonly stage: ApprovalStage;
  readonly outcome: 'Godkänd' | 'Avslagen';
  readonly tally: Tally;
  readonly comments: ReadonlyArray<{
    readonly name: string;
    readonly decision: VoteDecision;
    readonly comment: string;
  }>;
};

export type ApprovalBudgetChange = {
  readonly year: number;
  readonly moves: ReadonlyArray<{
    readonly from: BudgetCategory;
    readonly to: BudgetCategory;
    readonly amount: number;
    /** set only for a move in another year than the change's */
    readonly year?: number | undefined;
  }>;
  /** a minor change is decided by the förbundschef on delegation, a larger one by the board */
  readonly minor: boolean;
  /** Swedish, why it is minor or not */
  readonly reasons: readonly string[];
};

export type ApprovalVoteView = {
  readonly name: string;
  readonly orgName: string | null;
  readonly decision: VoteDecision;
  /** ISO instant the vote was cast */
  readonly at: string;
  readonly comment: string | null;
  /** false: an ersättare's vote replaced by the ledamot's, or one that came after the rule was met */
  readonly counted: boolean;
  readonly substitute: boolean;
};

export type ApprovalViewer = {
  readonly aadObjectId: string;
  /** the viewer's seat at this stage, or null when they are not an approver */
  readonly approver: Approver | null;
  readonly myVote: { readonly decision: VoteDecision; readonly at: string } | null;
  /** the approval waits for this viewer's answer: show the buttons */
  readonly awaited: boolean;
  /** the buttons to show (empty unless awaited) */
  readonly allowedDecisions: readonly VoteDecision[];
};

export type ApprovalView = {
  readonly approvalId: string;
  /** pass back with a change: a row edited since gives 412 */
  readonly etag: string;
  readonly title: string;
  readonly subject: ApprovalSubject;
  readonly stage: ApprovalStage;
  readonly rule: ApprovalRule;
  readonly status: ApprovalStatus;
  readonly dueDate: string | null;
  readonly amount: number | null;
  readonly summary: string | null;
  readonly requestedByName: string | null;
  readonly intervention: { readonly id: string; readonly code: string; readonly title: string } | null;
  /** the insats in the tab (`…/?insats=<id>`), when the app knows its address */
  readonly tabUrl: string | null;
  /** the previous stage's answer (the beredningsgrupp's, for the board) */
  readonly recommendation: ApprovalRecommendation | null;
  readonly budgetChange: ApprovalBudgetChange | null;
  /** a Planändring's description and whether the kansli marked it minor */
  readonly planChange: { readonly description: string; readonly minor: boolean } | null;
  readonly tally: Tally;
  /** every vote, oldest first */
  readonly votes: readonly ApprovalVoteView[];
  /** the approvers' AAD ids (≤ 60, Teams' limit for refresh.userIds) */
  readonly approverIds: readonly string[];
  readonly viewer: ApprovalViewer;
  /** ISO instant the stage was decided (Godkänd/Avslagen), withdrawn or expired */
  readonly decidedAt: string | null;
  /** the body the matter went on to, when this stage's answer started another (`styrelsen`) */
  readonly nextStageTitle: string | null;
  /** minor change decided by the förbundschef: listed for the board as a delegationsbeslut */
  readonly delegationDecision: boolean;
  /** why it was withdrawn (Återkallad) */
  readonly withdrawnReason: string | null;
};

/** Teams refreshes a card for at most 60 users */
export const MAX_REFRESH_USERS = 60;

export type ApprovalViewInput = {
  readonly approval: Approval;
  readonly payload: ApprovalPayload;
  readonly intervention: { readonly id: string; readonly code: string; readonly title: string } | null;
  /** the stage's approvers (the snapshot in the payload, or as read from RoleAssignments) */
  readonly approvers: readonly ApproverSeat[];
  readonly votes: readonly RecordedVote[];
  readonly viewerAadId: string;
  readonly tabUrl?: ((interventionId: string) => string) | undefined;
};

function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** the votes as the rules take them */
export function castVotesOf(votes: readonly RecordedVote[]): Array<{
  voterAadId: string;
  onBehalfOfOrgId: string | null;
  decision: VoteDecision;
  at: string;
}> {
  return votes.map((vote) => ({
    voterAadId: vote.voterAadId,
    onBehalfOfOrgId: vote.onBehalfOfOrgId,
    decision: vote.decision,
    at: vote.castAt,
  }));
}

export function buildApprovalView(input: ApprovalViewInput): ApprovalView {
  const { approval, payload, approvers: seats, votes, viewerAadId } = input;
  const approvers = asApprovers(seats);
  const cast = castVotesOf(votes);
  const evaluation = evaluate(approval.rule, approvers, cast);
  const counted = new Set(evaluation.counted.map((vote) => vote.voterAadId.toLowerCase()));
  const open = approval.status === 'Pågår';
  const tally = !open && payload.decidedTally !== undefined ? payload.decidedTally : evaluation.tally;

  const me = approverFor(approvers, viewerAadId);
  const mine = votes.find((vote) => sameId(vote.voterAadId, viewerAadId)) ?? null;
  const awaited = awaitedApprover({ approval, approvers, votes: cast, aadObjectId: viewerAadId }) !== null;
  const change = payload.change;
  return {
    approvalId: approval.id,
    etag: approval.etag,
    title: approval.title,
    subject: approval.subject,
    stage: approval.stage,
    rule: approval.rule,
    status: approval.status,
    dueDate: approval.dueDate,
    amount: approval.amount,
    summary: payload.summary ?? null,
    requestedByName: payload.requestedByName ?? null,
    intervention: input.intervention,
    tabUrl: input.intervention !== null && input.tabUrl !== undefined ? input.tabUrl(input.intervention.id) : null,
    recommendation:
      payload.recommendation === undefined
        ? null
        : {
            stage: payload.recommendation.stage,
            outcome: payload.recommendation.outcome,
            tally: payload.recommendation.tally,
            comments: payload.recommendation.comments,
          },
    budgetChange:
      change === undefined
        ? null
        : {
            year: change.year,
            moves: change.moves,
            minor: payload.classification?.minor ?? false,
            reasons: payload.classification?.reasons ?? [],
          },
    planChange:
      payload.plan === undefined
        ? null
        : { description: payload.plan.beskrivning, minor: payload.plan.mindre === true },
    tally,
    votes: votes.map((vote) => {
      const seat = seats.find((candidate) => sameId(candidate.aadObjectId, vote.voterAadId));
      return {
        name: seat?.name ?? vote.voterAadId,
        orgName: seat?.orgName ?? null,
        decision: vote.decision,
        at: vote.castAt,
        comment: vote.comment,
        counted: counted.has(vote.voterAadId.toLowerCase()),
        substitute: seat?.substitute ?? false,
      };
    }),
    approverIds: approvers.slice(0, MAX_REFRESH_USERS).map((approver) => approver.aadObjectId),
    viewer: {
      aadObjectId: viewerAadId,
      approver: me,
      myVote: mine === null ? null : { decision: mine.decision, at: mine.castAt },
      awaited,
      allowedDecisions: awaited ? [...allowedDecisions(approval.rule)] : [],
    },
    decidedAt: payload.decidedAt ?? payload.withdrawn?.at ?? null,
    nextStageTitle: payload.nextStage === undefined ? null : STAGE_TITLES[payload.nextStage],
    delegationDecision: payload.delegationDecision === true,
    withdrawnReason: payload.withdrawn?.reason ?? null,
  };
}
