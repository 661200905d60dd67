/**
 * One vote, from a card's button or the tab (issue 4 items 5–6). The voter is who the channel
 * says clicked (the invoke's from.aadObjectId, the API's token), never anything in the card's data.
 *
 * - Not an approver of the current stage, or Avstår where the rule does not offer it: FORBIDDEN,
 *   an AuditLog 'nekad' row, nothing stored.
 * - A repeated click: the unique VoteKey refuses the second row; the answer is 'already-voted'
 *   and nothing changes.
 * - Decided, withdrawn or expired: 'closed', with the outcome.
 * - Concurrent clicks: each vote is its own row (VoteKey per voter), read back right after it is
 *   stored, so the last of them sees them all; the decision is written once (eTag, decide-approval).
 *
 * Graph round trips per vote that decides nothing: the approval row (GET), the vote and the
 * approval's votes after it, with the audit row in the same $batch — 2 round trips.
 * The approvers and the insats come from the snapshot the pickup stamped on the row.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { approverFor } from '../../domain/approvals/approvers.ts';
import { allowedDecisions } from '../../domain/approvals/decision-rules.ts';
import { isAllowed } from '../../domain/authorization/may.ts';
import { type Approval, voteKeyOf } from '../../domain/entities/approval.ts';
import { freeText } from '../../domain/personal-data/free-text.ts';
import { VOTE_DECISIONS } from '../../domain/vocabulary.ts';
import { refuse } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { approvalScope, mayReadApproval, voterBySeat } from './approval-access.ts';
import {
  APPROVAL_ENTITY_LIST,
  type ApprovalAuditEntry,
  appendApprovalAuditSoon,
  approvalAuditRow,
} from './approval-audit.ts';
import { loadApprovalContext, viewFor } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { asApprovers } from './approval-payload.ts';
import type { ApprovalView } from './approval-view.ts';
import { evaluationOf, settleApproval } from './decide-approval.ts';
import { findApproval } from './find-approval.ts';

export type CastVoteResult = {
  readonly view: ApprovalView;
  /** recorded: stored now; already-voted: a repeated click, nothing changed; closed: decided, withdrawn or expired */
  readonly result: 'recorded' | 'already-voted' | 'closed';
};

const DECISION_MESSAGE = `Beslutet ska vara ${VOTE_DECISIONS.join(', ')}.`;

export const voteInputSchema = z.object({
  decision: z.enum(VOTE_DECISIONS, { error: DECISION_MESSAGE }),
  comment: freeText('Kommentar', { max: 2000 })
    .optional()
    .nullable()
    .transform((text) => (text === undefined || text === null || text === '' ? null : text)),
});

export function parseVoteInput(input: unknown): z.output<typeof voteInputSchema> {
  const parsed = voteInputSchema.safeParse(input, { error: z.locales.sv().localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('INVALID_INPUT', `invalid vote: ${parsed.error.message}`, {
      userMessage: issues.map((issue) => issue.message).join(' '),
      details: { issues },
    });
  }
  return parsed.data;
}

/** input: `{ decision: 'Godkänn' | 'Avslå' | 'Avstår', comment?: string }` */
export async function castVote(
  deps: ApprovalDeps,
  voterAadId: string,
  approvalId: string,
  input: unknown,
): Promise<CastVoteResult> {
  const vote = parseVoteInput(input);
  const approval = await findApproval(deps, approvalId);
  if (approval.status !== 'Pågår') {
    const [closed, actor] = await Promise.all([loadApprovalContext(deps, approval), actorOf(deps, voterAadId)]);
    // the outcome is for those who take part; a forged click from anyone else learns nothing
    if (!mayReadApproval(closed, actor)) {
      return refuseVote(deps, voterAadId, approval, vote.decision, {
        action: 'lasa-beslutsarende',
        reason: `Du kan inte se beslutsärende ${approval.id}: du har ingen roll i det.`,
      });
    }
    return { view: viewFor(deps, closed, voterAadId), result: 'closed' };
  }
  // the votes are read once, right after this one is stored (below)
  const context = await loadApprovalContext(deps, approval, { votes: [] });
  const approvers = asApprovers(context.seats);
  const approver = approverFor(approvers, voterAadId);
  // the matrix's rosta: a seat in the current stage (snapshot), for the role it was given for
  if (
    approver === null ||
    !isAllowed(voterBySeat(voterAadId, approver, approval), 'rosta', approvalScope(approval, approvers))
  ) {
    return refuseVote(deps, voterAadId, approval, vote.decision, {
      action: 'rosta',
      reason: `Du kan inte rösta i ärendet "${approval.title}": det avgörs av ${stageText(approval.stage)} och du är inte med där.`,
    });
  }
  if (!allowedDecisions(approval.rule).includes(vote.decision)) {
    return refuseVote(deps, voterAadId, approval, vote.decision, {
      action: 'rosta',
      reason: `"${vote.decision}" går inte att välja i det här ärendet – svara Godkänn eller Avslå.`,
    });
  }
  if (approval.subject === 'Samarbetsavtal' && vote.decision === 'Avslå' && vote.comment === null) {
    // the kansli must learn why a party will not sign, or it cannot change the agreement
    throw new AppError('INVALID_INPUT', 'a refusal to sign needs a comment', {
      userMessage: 'Skriv varför du avslår avtalet – kommentaren går till kansliet.',
      details: { fields: { comment: 'Skriv varför du avslår avtalet.' } },
    });
  }
  const auditEntry: ApprovalAuditEntry = {
    actorAadId: voterAadId,
    action: 'beslut.rost',
    approval,
    details: {
      decision: vote.decision,
      stage: approval.stage,
      rule: approval.rule,
      org: approver.memberOrgId,
      substitute: approver.substitute,
      ...(vote.comment === null ? {} : { comment: vote.comment }),
    },
  };
  // the audit row rides in the vote's own $batch; only a store that cannot do that writes it after
  const cast = await deps.repos.votes.cast(
    {
      approvalId: approval.id,
      voterAadId: approver.aadObjectId,
      onBehalfOfOrgId: approver.memberOrgId,
      decision: vote.decision,
      comment: vote.comment,
      voteKey: voteKeyOf(approval.id, voterAadId),
    },
    approvalAuditRow(deps, auditEntry),
  );
  const withVotes = { ...context, votes: cast.votes };
  if (!cast.stored) {
    return { view: viewFor(deps, withVotes, voterAadId), result: 'already-voted' };
  }
  const audit = cast.audited ? Promise.resolve() : appendApprovalAuditSoon(deps, auditEntry);
  if (evaluationOf(withVotes).outcome === 'Pågår') {
    await audit;
    return { view: viewFor(deps, withVotes, voterAadId), result: 'recorded' };
  }
  const [settled] = await Promise.all([settleApproval(deps, withVotes, voterAadId), audit]);
  return { view: viewFor(deps, settled.context, voterAadId), result: 'recorded' };
}

/** the refusal of a click: logged (`nekad`, with the decision, stage and rule) and FORBIDDEN */
function refuseVote(
  deps: ApprovalDeps,
  voterAadId: string,
  approval: Approval,
  decision: string,
  refusal: { readonly action: 'rosta' | 'lasa-beslutsarende'; readonly reason: string },
): Promise<never> {
  return refuse(deps, {
    actorAadId: voterAadId,
    action: refusal.action,
    entity: { list: APPROVAL_ENTITY_LIST, id: approval.id },
    reason: refusal.reason,
    details: { decision, stage: approval.stage, rule: approval.rule },
  });
}

function stageText(stage: string): string {
  switch (stage) {
    case 'Styrelse':
      return 'styrelsen';
    case 'Styrgrupp':
      return 'insatsens styrgrupp';
    case 'Förbundschef':
      return 'förbundschefen';
    case 'Beredningsgrupp':
      return 'beredningsgruppen';
    default:
      return 'firmatecknarna';
  }
}
