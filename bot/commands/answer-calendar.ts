/**
 * `kalender`: the person's calendar feed link, to subscribe to in Outlook, and `ny kalenderlänk`
 * to replace a link that has been shared by mistake (the old one stops working at once).
 */
import { isAppError } from '../../src/domain/app-error.ts';
import { getCalendarLink, renewCalendarLink } from '../../src/services/calendar-feed/get-calendar-link.ts';
import type { BotDependencies } from '../bot-dependencies.ts';
import type { BotReply } from '../bot-reply.ts';
import type { BotUser } from '../identity/bot-user.ts';

export async function answerCalendar(user: BotUser, deps: BotDependencies, renew: boolean): Promise<BotReply> {
  if (deps.calendar === undefined) {
    return { text: 'Kalenderflödet är inte påslaget i den här installationen.' };
  }
  if (user.aadObjectId === null) {
    return { text: 'Jag vet inte vem du är i Entra ID, så jag kan inte ge dig någon kalender.' };
  }
  try {
    const get = renew ? renewCalendarLink : getCalendarLink;
    const link = await get(deps.calendar.feed, user.aadObjectId, deps.calendar.publicBaseUrl());
    return {
      text: [
        renew ? '**Din nya kalenderlänk** (den gamla fungerar inte längre):' : '**Din kalender i Insatsnavet**',
        '',
        link.url,
        '',
        'Fakturafrister för dina insatser, beslut som väntar på ditt svar och sammanträden du deltar i.',
        'Prenumerera i Outlook: *Kalender → Lägg till kalender → Prenumerera från webben*, klistra in länken.',
        'Länken är personlig – dela den inte. Skriv **ny kalenderlänk** om den har kommit i fel händer.',
      ].join('\n'),
      summary: 'Din kalenderlänk',
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') {
      return { text: error.userMessage };
    }
    throw error;
  }
}
