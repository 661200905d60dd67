/**
 * The approval commands: `beslut <id eller kod>` shows one approval's card, `delegationsbeslut`
 * lists the förbundschef's minor decisions for the board, and `nytt beslut <kod>` gives the
 * kansli the form to start one. Who may see or start what is the services' call; a refusal is
 * answered with its Swedish message.
 */
import { isAppError } from '../../src/domain/app-error.ts';
import { isAllowed } from '../../src/domain/authorization/may.ts';
import { todayIn } from '../../src/domain/calendar/today.ts';
import type { Approval } from '../../src/domain/entities/approval.ts';
import { getApprovalForViewer } from '../../src/services/approvals/get-approval.ts';
import { listDelegationDecisions } from '../../src/services/approvals/list-delegation-decisions.ts';
import { actorOf } from '../../src/services/register/load-actor.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import { type BotReply, cardReply, textReply } from '../bot-reply.ts';
import { approvalHeadline } from '../cards/approval-card.ts';
import { approvalStartCard } from '../cards/approval-start-card.ts';
import { delegationDecisionsCard } from '../cards/approvals-card.ts';
import type { BotUser } from '../identity/bot-user.ts';
import { approvalCardFor } from '../invokes/approval-actions.ts';
import {
  APPROVAL_WITHOUT_QUERY_TEXT,
  NO_USER_ID_TEXT,
  NOT_KANSLI_START_TEXT,
  quote,
  START_APPROVAL_WITHOUT_QUERY_TEXT,
} from '../texts.ts';

const ITEM_ID = /^[1-9]\d*$/;

export async function answerApproval(query: string, user: BotUser, deps: BotDependencies): Promise<BotReply> {
  const viewer = user.aadObjectId;
  if (viewer === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  const wanted = query.trim();
  if (wanted === '') {
    return textReply(APPROVAL_WITHOUT_QUERY_TEXT);
  }
  try {
    const id = ITEM_ID.test(wanted) ? wanted : await approvalIdOfInsats(deps, wanted);
    if (id === null) {
      return textReply(
        `Jag hittar inget beslutsärende för ”${quote(wanted)}”. Skriv **beslut** följt av ärendets nummer eller insatsens kod, eller **att besluta** för det som väntar på dig.`,
      );
    }
    const view = await getApprovalForViewer(deps.approvals, viewer, id);
    return cardReply(approvalCardFor(deps.approvals, view), approvalHeadline(view, undefined).title);
  } catch (error) {
    if (isAppError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
      return textReply(error.userMessage);
    }
    throw error;
  }
}

/** an insats's open approval (the latest, if several), else its latest decided one */
async function approvalIdOfInsats(deps: BotDependencies, code: string): Promise<string | null> {
  const intervention = await deps.repositories.interventions.findByCode(code.toUpperCase());
  if (intervention === null) {
    return null;
  }
  const approvals = await deps.repositories.approvals.listByIntervention(intervention.id);
  const newestFirst = [...approvals].sort((a, b) => Number(b.id) - Number(a.id));
  const open = newestFirst.find((approval: Approval) => approval.status === 'Pågår');
  return (open ?? newestFirst[0])?.id ?? null;
}

export async function answerDelegationDecisions(user: BotUser, deps: BotDependencies): Promise<BotReply> {
  if (user.aadObjectId === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  try {
    const { items } = await listDelegationDecisions(deps.approvals, user.aadObjectId);
    return cardReply(delegationDecisionsCard(items, deps.timeZone), 'Delegationsbeslut');
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      return textReply(error.userMessage);
    }
    throw error;
  }
}

export async function answerStartApproval(query: string, user: BotUser, deps: BotDependencies): Promise<BotReply> {
  const actor = user.aadObjectId;
  if (actor === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  const code = query.trim();
  if (code === '') {
    return textReply(START_APPROVAL_WITHOUT_QUERY_TEXT);
  }
  const today = todayIn(deps.clock, deps.timeZone);
  const [person, intervention] = await Promise.all([
    actorOf({ repos: deps.repositories, clock: deps.clock, timeZone: deps.timeZone }, actor),
    deps.repositories.interventions.findByCode(code.toUpperCase()),
  ]);
  // the form only for those the matrix lets ask (the kansli); startApproval checks again, and
  // logs a refusal, when the form is submitted
  if (!isAllowed(person, 'begara-beslut')) {
    return textReply(NOT_KANSLI_START_TEXT);
  }
  if (intervention === null) {
    return textReply(
      `Jag hittar ingen insats med koden ”${quote(code)}”. Skriv **nytt beslut** följt av insatsens kod, t.ex. **nytt beslut NOVA**.`,
    );
  }
  return cardReply(
    approvalStartCard({ intervention, defaultYear: Number(today.slice(0, 4)) }),
    `Nytt beslutsärende: ${intervention.code}`,
  );
}
