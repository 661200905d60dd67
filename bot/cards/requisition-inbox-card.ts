/**
 * `fakturor`: the invoices waiting for the person — to register, to review, to attest, to pay —
 * one row each with a button that opens the invoice's own card.
 */
import { formatKronorExact } from '../../src/domain/invoicing/kronor-input.ts';
import type { RequisitionAction } from '../../src/domain/invoicing/requisition-workflow.ts';
import type { RequisitionView } from '../../src/services/invoicing/requisition-view.ts';
import { type AdaptiveCard, type CardElement, card, escapeMarkdown, heading, nameWithCode, text } from './card-kit.ts';
import { dayText } from './period-text.ts';
import { REQUISITION_LIST_VERB, REQUISITION_VIEW_VERB, shortPeriod } from './requisition-card.ts';

/** rows shown at most; a longer inbox says how many more there are (the card stays small) */
const MAX_ROWS = 25;

export function requisitionInboxCard(items: readonly RequisitionView[]): AdaptiveCard {
  const shown = items.slice(0, MAX_ROWS);
  const intro =
    items.length === 0
      ? 'Inga fakturor väntar på dig just nu.'
      : items.length === 1
        ? '1 faktura väntar på dig.'
        : `${items.length} fakturor väntar på dig.`;
  const first = (item: RequisitionView): string => `${nameWithCode(item.code, item.title)}, ${shortPeriod(item)}`;
  const second = (item: RequisitionView): string =>
    [
      item.status,
      item.amount === null ? null : formatKronorExact(item.amount),
      `sista dag ${dayText(item.dueDate)}`,
      item.viewerActions.length === 0 ? null : `att göra: ${actionsText(item.viewerActions)}`,
      item.overBudget ? 'över budget' : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  const rows: CardElement[] = shown.map((item, index) => ({
    type: 'Container',
    ...(index > 0 ? { separator: true, spacing: 'Medium' } : {}),
    items: [
      text(escapeMarkdown(first(item)), { bold: true }),
      text(second(item), { subtle: true }),
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: `Öppna ${item.code} ${shortPeriod(item)}`,
            verb: REQUISITION_VIEW_VERB,
            data: { periodKey: item.periodKey },
          },
        ],
      },
    ],
  }));
  const more =
    items.length > shown.length ? [text(`… och ${items.length - shown.length} till.`, { subtle: true })] : [];
  return card(
    ['Fakturor', intro, ...items.map((item) => `${first(item)} – ${second(item)}`)].join('\n'),
    [heading('Fakturor'), text(intro, { subtle: true }), ...rows, ...more],
    [{ type: 'Action.Execute', title: 'Uppdatera', verb: REQUISITION_LIST_VERB, data: {} }],
  );
}

function actionsText(actions: readonly RequisitionAction[]): string {
  // Avvisa is an alternative to the step, not a step of its own
  const steps = actions.filter((action) => action !== 'avvisa');
  return (steps.length > 0 ? steps : actions).join(', ');
}
