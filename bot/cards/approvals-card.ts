import type { Role } from '../../src/domain/vocabulary.ts';
import type { PendingApproval } from '../../src/services/bot-queries/list-pending-approvals.ts';
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

const VOTES_AS: Partial<Record<Role, string>> = {
  Styrelseledamot: 'ledamot i styrelsen',
  Styrelseersättare: 'ersättare i styrelsen',
  Beredningsgrupp: 'medlem i beredningsgruppen',
  Förbundschef: 'förbundschef',
  Styrgrupp: 'medlem i styrgruppen',
  Firmatecknare: 'firmatecknare',
};

/** `att besluta`: open approvals waiting for the person's vote, the earliest due first. */
export function approvalsCard(items: readonly PendingApproval[]): AdaptiveCard {
  const intro =
    items.length === 0
      ? 'Inga beslutsärenden väntar på din röst just nu.'
      : items.length === 1
        ? '1 ärende väntar på din röst.'
        : `${items.length} ärenden väntar på din röst.`;
  const first = (item: PendingApproval): string =>
    item.interventionCode === null ? item.approval.title : nameWithCode(item.interventionCode, item.approval.title);
  const second = (item: PendingApproval): string =>
    [
      `${item.approval.stage} (${item.approval.rule.toLowerCase()})`,
      item.approval.dueDate === null ? null : `senast ${dayText(item.approval.dueDate)}`,
      `du röstar som ${VOTES_AS[item.asRole] ?? item.asRole.toLowerCase()}`,
      item.votesCast === 0
        ? 'inga röster ännu'
        : `${item.votesCast} ${item.votesCast === 1 ? 'röst' : 'röster'} hittills`,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  return card(
    ['Att besluta', intro, ...items.map((item) => `${first(item)} – ${second(item)}`)].join('\n'),
    [
      heading('Att besluta'),
      text(intro, { subtle: true }),
      ...items.map((item, index) => listItem(escapeMarkdown(first(item)), second(item), index)),
    ],
    [refreshAction({ vy: 'att-besluta' })],
  );
}
