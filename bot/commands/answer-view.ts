/**
 * Answers one of the bot's questions for a user: the card when there is something to show,
 * a short Swedish text when there is not. Shared by chat commands and by a card's "Uppdatera"
 * button, so both always say the same thing.
 */

import { isAppError } from '../../src/domain/app-error.ts';
import { todayIn } from '../../src/domain/calendar/today.ts';
import type { Intervention } from '../../src/domain/entities/intervention.ts';
import { listMyApprovals } from '../../src/services/approvals/list-my-approvals.ts';
import { getInterventionStatus } from '../../src/services/bot-queries/get-intervention-status.ts';
import { listMyInterventions } from '../../src/services/bot-queries/list-my-interventions.ts';
import { listUpcomingDeadlines } from '../../src/services/bot-queries/list-upcoming-deadlines.ts';
import { isRoleCurrent } from '../../src/services/bot-queries/role-validity.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import { type BotReply, cardReply, textReply } from '../bot-reply.ts';
import { approvalsCard } from '../cards/approvals-card.ts';
import type { CardView } from '../cards/card-kit.ts';
import { deadlinesCard } from '../cards/deadlines-card.ts';
import { helpCard } from '../cards/help-card.ts';
import { myInterventionsCard } from '../cards/my-interventions-card.ts';
import { statusCard } from '../cards/status-card.ts';
import type { BotUser } from '../identity/bot-user.ts';
import {
  escapeText,
  NO_USER_ID_TEXT,
  noDeadlinesRoleText,
  noInsatsRoleText,
  quote,
  STATUS_WITHOUT_QUERY_TEXT,
  unknownPersonText,
} from '../texts.ts';

export async function answerView(view: CardView, user: BotUser, deps: BotDependencies): Promise<BotReply> {
  const devCommands = deps.authMode === 'dev';
  const base = {
    ...deps.repositories,
    clock: deps.clock,
    timeZone: deps.timeZone,
    onSettingProblem: (problem: string) =>
      deps.logger.warn({ problem }, 'inställning kunde inte läsas, standard används'),
  };
  switch (view.vy) {
    case 'hjalp':
      return cardReply(helpCard({ devCommands }), 'Det här kan Insatsnavet');
    case 'status':
      if (user.aadObjectId === null) {
        return textReply(NO_USER_ID_TEXT);
      }
      return answerStatus(view.kod, user.aadObjectId, base);
    case 'mina-insatser': {
      if (user.aadObjectId === null) {
        return textReply(NO_USER_ID_TEXT);
      }
      const result = await listMyInterventions(base, user.aadObjectId);
      if (result.kind === 'unknown-person') {
        return textReply(unknownPersonText(devCommands));
      }
      if (result.kind === 'no-insats-role') {
        return textReply(noInsatsRoleText(result.roles));
      }
      return cardReply(myInterventionsCard(result.personName, result.items), 'Mina insatser');
    }
    case 'frister': {
      if (user.aadObjectId === null) {
        return textReply(NO_USER_ID_TEXT);
      }
      const result = await listUpcomingDeadlines(base, user.aadObjectId);
      if (result.kind === 'unknown-person') {
        return textReply(unknownPersonText(devCommands));
      }
      if (result.kind === 'no-insats-role') {
        return textReply(noDeadlinesRoleText(result.roles));
      }
      return cardReply(deadlinesCard(result.scope, result.today, result.items), 'Kommande fakturafrister');
    }
    case 'att-besluta': {
      if (user.aadObjectId === null) {
        return textReply(NO_USER_ID_TEXT);
      }
      const { items } = await listMyApprovals(deps.approvals, user.aadObjectId);
      if (items.length === 0 && !(await hasCurrentRole(deps, user.aadObjectId))) {
        return textReply(unknownPersonText(devCommands));
      }
      return cardReply(approvalsCard(items), 'Att besluta');
    }
  }
}

/** someone with no role at all is told to ask the kansli, not that nothing waits for them */
async function hasCurrentRole(deps: BotDependencies, aadObjectId: string): Promise<boolean> {
  const today = todayIn(deps.clock, deps.timeZone);
  const roles = await deps.repositories.roleAssignments.listByAadObjectId(aadObjectId);
  return roles.some((role) => isRoleCurrent(role, today));
}

async function answerStatus(
  query: string,
  viewer: string,
  deps: Parameters<typeof getInterventionStatus>[0],
): Promise<BotReply> {
  if (query.trim() === '') {
    return textReply(STATUS_WITHOUT_QUERY_TEXT);
  }
  let result: Awaited<ReturnType<typeof getInterventionStatus>>;
  try {
    result = await getInterventionStatus(deps, query, viewer);
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      return { text: error.userMessage, forbidden: true };
    }
    throw error;
  }
  if (result.kind === 'found') {
    const { intervention } = result.status;
    return cardReply(statusCard(result.status), `Status för ${intervention.code}: ${intervention.stage}`);
  }
  if (result.kind === 'ambiguous') {
    const first = result.candidates[0]?.code ?? 'KOD';
    return textReply(
      `Flera insatser passar ”${quote(query)}”: ${listed(result.candidates)}. Skriv koden, t.ex. **status ${first}**.`,
    );
  }
  if (result.suggestions.length > 0) {
    const first = result.suggestions[0]?.code ?? 'KOD';
    return textReply(
      `Jag hittar ingen insats som heter ”${quote(query)}”. Menade du ${listed(result.suggestions)}? Skriv t.ex. **status ${first}**.`,
    );
  }
  return textReply(
    `Jag hittar ingen insats med koden eller namnet ”${quote(query)}”. Skriv **status** följt av insatsens kod eller en del av namnet, eller **mina insatser** för att se dina.`,
  );
}

function listed(interventions: readonly Intervention[]): string {
  // the title is typed text: escaped, or a `[länk](https://…)` in it would be a link in the chat
  return interventions.map((intervention) => `**${intervention.code}** (${escapeText(intervention.title)})`).join(', ');
}
