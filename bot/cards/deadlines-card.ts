import { dayNumber } from '../../src/domain/calendar/iso-date.ts';
import { quarterLabel } from '../../src/domain/invoicing/quarters.ts';
import type { UpcomingDeadline } from '../../src/services/bot-queries/list-upcoming-deadlines.ts';
import {
  type AdaptiveCard,
  card,
  escapeMarkdown,
  heading,
  listItem,
  nameWithCode,
  refreshAction,
  text,
} from './card-kit.ts';
import { dayText } from './period-text.ts';

/** `frister`: the next invoicing deadline per insats, soonest first. */
export function deadlinesCard(scope: 'mine' | 'all', today: string, items: readonly UpcomingDeadline[]): AdaptiveCard {
  const intro =
    items.length === 0
      ? 'Inga kommande fakturafrister.'
      : scope === 'all'
        ? 'Nästa faktura för varje insats som faktureras.'
        : 'Nästa faktura för var och en av dina insatser.';
  const lines = items.map(
    (item) =>
      `${item.code}: ${quarterLabel(item.deadline)}, senast ${dayText(item.deadline.dueDate)} (${inDays(today, item.deadline.dueDate)})`,
  );
  return card(
    ['Kommande fakturafrister', intro, ...lines].join('\n'),
    [
      heading('Kommande fakturafrister'),
      text(intro, { subtle: true }),
      ...items.map((item, index) =>
        listItem(
          escapeMarkdown(nameWithCode(item.code, item.title)),
          `${quarterLabel(item.deadline)} · senast ${dayText(item.deadline.dueDate)} (${inDays(today, item.deadline.dueDate)})`,
          index,
        ),
      ),
    ],
    [refreshAction({ vy: 'frister' })],
  );
}

function inDays(today: string, date: string): string {
  const days = dayNumber(date) - dayNumber(today);
  return days === 0 ? 'i dag' : days === 1 ? 'i morgon' : `om ${days} dagar`;
}
