/**
 * `faktura <kod>` and `fakturor`: the invoice card of an insats's next open quarter, and the
 * invoices waiting for the person. Which quarter: the person's own open item for that insats
 * first (an overdue invoice to register, one to review …), else the insats's next deadline.
 */
import { isAppError } from '../../src/domain/app-error.ts';
import { todayIn } from '../../src/domain/calendar/today.ts';
import { periodKey as periodKeySchema } from '../../src/domain/entities/requisition.ts';
import { nextDeadline } from '../../src/domain/invoicing/next-deadline.ts';
import { quarterLabel } from '../../src/domain/invoicing/quarters.ts';
import { getRequisitionForViewer } from '../../src/services/invoicing/get-requisition.ts';
import { listRequisitionInbox } from '../../src/services/invoicing/list-requisition-inbox.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import { type BotReply, cardReply, textReply } from '../bot-reply.ts';
import { dayText } from '../cards/period-text.ts';
import { renderRequisitionCard, requisitionHeadline } from '../cards/requisition-card.ts';
import { requisitionInboxCard } from '../cards/requisition-inbox-card.ts';
import type { BotUser } from '../identity/bot-user.ts';
import { NO_USER_ID_TEXT, quote, REQUISITION_WITHOUT_QUERY_TEXT } from '../texts.ts';

export async function answerRequisitionList(user: BotUser, deps: BotDependencies): Promise<BotReply> {
  if (user.aadObjectId === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  const inbox = await listRequisitionInbox(deps.invoicing, user.aadObjectId);
  return cardReply(requisitionInboxCard(inbox.items), 'Fakturor');
}

export async function answerRequisition(query: string, user: BotUser, deps: BotDependencies): Promise<BotReply> {
  const viewer = user.aadObjectId;
  if (viewer === null) {
    return textReply(NO_USER_ID_TEXT);
  }
  const wanted = query.trim().toUpperCase();
  if (wanted === '') {
    return textReply(REQUISITION_WITHOUT_QUERY_TEXT);
  }
  try {
    if (periodKeySchema.safeParse(wanted).success) {
      return await cardOf(deps, viewer, wanted);
    }
    const intervention = await deps.repositories.interventions.findByCode(wanted);
    if (intervention === null) {
      return textReply(
        `Jag hittar ingen insats med koden ”${quote(query.trim())}”. Skriv **faktura** följt av insatsens kod, t.ex. **faktura NOVA**, eller **fakturor** för det som väntar på dig.`,
      );
    }
    const inbox = await listRequisitionInbox(deps.invoicing, viewer);
    const mine = inbox.items.find((item) => item.code.toUpperCase() === intervention.code.toUpperCase());
    if (mine !== undefined) {
      return reply(mine);
    }
    const requisitions = await deps.repositories.requisitions.listByIntervention(intervention.id);
    const next = nextDeadline(intervention, requisitions, todayIn(deps.clock, deps.timeZone));
    if (next === null) {
      return textReply(`**${intervention.code}** har ingen öppen faktura att visa: inga fler kvartal väntar.`);
    }
    if (next.requisition === null) {
      return textReply(
        `Nästa faktura för **${intervention.code}** gäller ${quarterLabel(next)} med sista dag ${dayText(next.dueDate)}, men den är inte upplagd i rekvisitionslistan än. Försök igen om en stund.`,
      );
    }
    return await cardOf(deps, viewer, next.requisition.periodKey);
  } catch (error) {
    if (isAppError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
      return textReply(error.userMessage);
    }
    throw error;
  }
}

async function cardOf(deps: BotDependencies, viewer: string, periodKey: string): Promise<BotReply> {
  return reply(await getRequisitionForViewer(deps.invoicing, viewer, periodKey));
}

function reply(view: Parameters<typeof renderRequisitionCard>[0]): BotReply {
  const { title } = requisitionHeadline(view, undefined);
  return cardReply(renderRequisitionCard(view), title);
}
