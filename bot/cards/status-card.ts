import { formatKr } from '../../src/domain/format.ts';
import { quarterLabel } from '../../src/domain/invoicing/quarters.ts';
import type { InterventionStatus } from '../../src/services/bot-queries/get-intervention-status.ts';
import { type AdaptiveCard, card, escapeMarkdown, facts, heading, refreshAction, text } from './card-kit.ts';
import { dayText, periodText } from './period-text.ts';

/** `status <kod>`: one insats at a glance. */
export function statusCard(status: InterventionStatus): AdaptiveCard {
  const { intervention } = status;
  const owner =
    status.ownerOrgName === null
      ? '–'
      : status.projectOwners.length === 0
        ? status.ownerOrgName
        : `${status.ownerOrgName} (${status.projectOwners.join(', ')})`;
  const rows: Array<readonly [string, string]> = [
    ['Kod', intervention.code],
    ['Skede', intervention.stage],
    ['Period', periodText(intervention.startDate, intervention.endDate)],
    ['Projektledare', status.projectLeaders.length === 0 ? '–' : status.projectLeaders.join(', ')],
    ['Projektägare', owner],
    ['Beviljat belopp', intervention.grantedAmount === null ? 'ej beviljat' : formatKr(intervention.grantedAmount)],
    ['Nästa fakturafrist', deadlineText(status)],
  ];
  if (intervention.decisionRef !== null && intervention.decisionDate !== null) {
    rows.push(['Beslut', `${intervention.decisionDate}, ${intervention.decisionRef}`]);
  }
  return card(
    [`${intervention.title} (${intervention.code})`, ...rows.map(([title, value]) => `${title}: ${value}`)].join('\n'),
    [
      heading(escapeMarkdown(intervention.title)),
      text(`${intervention.code} · ${intervention.stage}`, { subtle: true }),
      facts(rows),
    ],
    [refreshAction({ vy: 'status', kod: intervention.code })],
  );
}

function deadlineText(status: InterventionStatus): string {
  if (!status.invoices) {
    return 'ingen fakturering i detta skede';
  }
  const next = status.nextDeadline;
  return next === null ? 'inga fler frister' : `${quarterLabel(next)}: senast ${dayText(next.dueDate)}`;
}
