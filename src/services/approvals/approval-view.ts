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

/** one party of a samarbetsavtal under signing: who signs for it, who has, who refused */
export type AgreementPartyView = {
  readonly memberId: string;
  readonly name: string;
  readonly projectOwner: boolean;
  /** the party's firmatecknare at this stage */
  readonly signatories: readonly string[];
  /** "Undertecknat av Ola Nordin för Försäkringskassan 2027-01-10 14:02": the approving votes */
  readonly signatures: ReadonlyArray<{ readonly name: string; readonly at: string }>;
  readonly refusal: { readonly name: string; readonly at: string; readonly comment: string | null } | null;
  /** every firmatecknare of the party has signed */
  readonly signed: boolean;
};

export type AgreementFileLink = {
  readonly driveItemId: string;
  readonly name: string;
  readonly sha256: string;
  /** the file in SharePoint */
  readonly webUrl: string;
  /** the app's link to the PDF for this viewer (null when the app's address is unknown) */
  readonly fileUrl: string | null;
};

/** what a samarbetsavtal's approval signs, and how far the signing has come (issue 8) */
export type AgreementSigningView = {
  readonly validFrom: string | null;
  readonly validTo: string | null;
  /** the compensation in all, kronor */
  readonly total: number;
  readonly parties: readonly AgreementPartyView[];
  /** the parties still to sign, by name */
  readonly remaining: readonly string[];
  readonly draft: AgreementFileLink;
  /** the signed agreement, once filed */
  readonly signed: (AgreementFileLink & { readonly at: string }) | null;
  /** why no signed agreement was filed (the draft changed or vanished), Swedish */
  readonly failure: string | null;
  /** the party the viewer signs for (their seat's organisation), for the button's words */
  readonly viewerOrganisation: string | null;
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
  /** a Samarbetsavtal: the agreement, its parties and their signatures; null for other matters */
  readonly agreement: AgreementSigningView | null;
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
  /** the app's link to an agreement's PDF for the viewer */
  readonly agreementFileUrl?: ((driveItemId: string, viewerAadId: string) => string) | undefined;
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
    agreement: agreementViewOf(input, me),
  };
}

/** the agreement block of a samarbetsavtal's view; null for other matters and rows without a draft */
function agreementViewOf(input: ApprovalViewInput, me: Approver | null): AgreementSigningView | null {
  const record = input.payload.agreement;
  if (record === undefined) {
    return null;
  }
  const { approvers: seats, votes, viewerAadId } = input;
  const link = (file: { driveItemId: string; name: string; sha256: string; webUrl: string }): AgreementFileLink => ({
    driveItemId: file.driveItemId,
    name: file.name,
    sha256: file.sha256,
    webUrl: file.webUrl,
    fileUrl: input.agreementFileUrl?.(file.driveItemId, viewerAadId) ?? null,
  });
  const nameOf = (aad: string): string => seats.find((seat) => sameId(seat.aadObjectId, aad))?.name ?? aad;
  const parties = record.parties.map((party): AgreementPartyView => {
    const partySeats = seats.filter((seat) => seat.memberOrgId === party.memberId);
    const partyVotes = votes.filter((vote) => vote.onBehalfOfOrgId === party.memberId);
    const approving = partyVotes.filter((vote) => vote.decision === 'Godkänn');
    const refused = partyVotes.find((vote) => vote.decision !== 'Godkänn') ?? null;
    return {
      memberId: party.memberId,
      name: party.name,
      projectOwner: party.projectOwner,
      signatories: partySeats.map((seat) => seat.name),
      signatures: approving.map((vote) => ({ name: nameOf(vote.voterAadId), at: vote.castAt })),
      refusal:
        refused === null ? null : { name: nameOf(refused.voterAadId), at: refused.castAt, comment: refused.comment },
      signed:
        partySeats.length > 0 &&
        partySeats.every((seat) => approving.some((vote) => sameId(vote.voterAadId, seat.aadObjectId))),
    };
  });
  const viewerParty =
    me?.memberOrgId === null || me === null
      ? null
      : (record.parties.find((party) => party.memberId === me.memberOrgId) ?? null);
  return {
    validFrom: record.validFrom,
    validTo: record.validTo,
    total: record.total,
    parties,
    remaining: parties.filter((party) => !party.signed).map((party) => party.name),
    draft: link(record.draft),
    signed: record.signed === undefined ? null : { ...link(record.signed), at: record.signed.at },
    failure: record.failure?.message ?? null,
    viewerOrganisation:
      viewerParty?.name ??
      (me === null ? null : (seats.find((seat) => sameId(seat.aadObjectId, me.aadObjectId))?.orgName ?? null)),
  };
}
