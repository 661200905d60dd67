import type { MyIntervention } from '../../src/services/bot-queries/list-my-interventions.ts';
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
import { periodText } from './period-text.ts';

/** `mina insatser`: each insats with the person's roles, its stage and period. */
export function myInterventionsCard(personName: string | null, items: readonly MyIntervention[]): AdaptiveCard {
  const count = items.length === 1 ? '1 insats' : `${items.length} insatser`;
  const lines = items.map(
    (item) =>
      `${nameWithCode(item.code, item.title)}: ${item.roles.join(', ')}, ${item.stage}, ${periodText(item.startDate, item.endDate)}`,
  );
  return card(
    [`Mina insatser (${count}):`, ...lines].join('\n'),
    [
      heading('Mina insatser'),
      text(personName === null ? count : `${escapeMarkdown(personName)} – ${count}`, { subtle: true }),
      ...items.map((item, index) =>
        listItem(
          escapeMarkdown(nameWithCode(item.code, item.title)),
          `${item.roles.join(', ')} · ${item.stage} · ${periodText(item.startDate, item.endDate)}`,
          index,
        ),
      ),
    ],
    [refreshAction({ vy: 'mina-insatser' })],
  );
}
