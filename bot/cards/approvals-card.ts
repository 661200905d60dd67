/**
 * The approval lists: `att besluta` (what waits for the person's vote, then the open matters they
 * asked for) and `delegationsbeslut` (the förbundschef's minor decisions, for the board). Every
 * entry has an "Öppna" button that turns the list into that approval's card.
 */
import type { Role } from '../../src/domain/vocabulary.ts';
import type { ApprovalView } from '../../src/services/approvals/approval-view.ts';
import { APPROVAL_VIEW_VERB, outcomeText, STAGE_WORDS } from './approval-card.ts';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  escapeMarkdown,
  heading,
  nameWithCode,
  refreshAction,
  text,
} from './card-kit.ts';
import { dayText } from './period-text.ts';

const VOTES_AS: Partial<Record<Role, string>> = {
  Styrelseledamot: 'ledamot i styrelsen',
  Styrelseersättare: 'ersättare i styrelsen',
  Ordförande: 'ledamot i styrelsen',
  Beredningsgrupp: 'medlem i beredningsgruppen',
  Förbundschef: 'förbundschef',
  Styrgrupp: 'medlem i styrgruppen',
  Firmatecknare: 'firmatecknare',
};

function titleOf(view: ApprovalView): string {
  return view.intervention === null ? view.title : nameWithCode(view.intervention.code, view.title);
}

function votedText(view: ApprovalView): string {
  const { tally } = view;
  const voted = tally.approve + tally.reject + tally.abstain;
  const unit = tally.unit === 'organisationer' ? 'organisationer' : 'personer';
  return voted === 0 ? 'inga röster ännu' : `${voted} av ${tally.total} ${unit} har röstat`;
}

/** one entry: a bold title, a subtle line, and the button that opens the approval's card */
function entry(view: ApprovalView, second: string, index: number): CardElement {
  return {
    type: 'Container',
    ...(index > 0 ? { separator: true, spacing: 'Medium' } : {}),
    items: [
      text(escapeMarkdown(titleOf(view)), { bold: true }),
      text(escapeMarkdown(second), { subtle: true }),
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: 'Öppna',
            verb: APPROVAL_VIEW_VERB,
            data: { approvalId: view.approvalId },
          },
        ],
      },
    ],
  };
}

function awaitingLine(view: ApprovalView): string {
  const role = view.viewer.approver?.role;
  return [
    `${view.stage} (${view.rule.toLowerCase()})`,
    view.dueDate === null ? null : `senast ${dayText(view.dueDate)}`,
    role === undefined ? null : `du röstar som ${VOTES_AS[role] ?? role.toLowerCase()}`,
    votedText(view),
  ]
    .filter((part) => part !== null)
    .join(' · ');
}

function requestedLine(view: ApprovalView): string {
  return [
    `hos ${STAGE_WORDS[view.stage]}`,
    view.dueDate === null ? null : `svar senast ${dayText(view.dueDate)}`,
    votedText(view),
  ]
    .filter((part) => part !== null)
    .join(' · ');
}

/** `att besluta`: the approvals awaiting the person's vote, then the open ones they asked for */
export function approvalsCard(items: readonly ApprovalView[]): AdaptiveCard {
  const awaiting = items.filter((view) => view.viewer.awaited);
  const requested = items.filter((view) => !view.viewer.awaited);
  const intro =
    awaiting.length === 0
      ? 'Inga beslutsärenden väntar på din röst just nu.'
      : awaiting.length === 1
        ? '1 ärende väntar på din röst.'
        : `${awaiting.length} ärenden väntar på din röst.`;
  const body: CardElement[] = [
    heading('Att besluta'),
    text(intro, { subtle: true }),
    ...awaiting.map((view, index) => entry(view, awaitingLine(view), index)),
  ];
  if (requested.length > 0) {
    body.push(
      text('Pågående ärenden du har begärt', { bold: true, separator: true }),
      ...requested.map((view, index) => entry(view, requestedLine(view), index)),
    );
  }
  const fallback = [
    'Att besluta',
    intro,
    ...awaiting.map((view) => `${titleOf(view)} – ${awaitingLine(view)}`),
    ...requested.map((view) => `${titleOf(view)} – ${requestedLine(view)}`),
  ].join('\n');
  return card(fallback, body, [refreshAction({ vy: 'att-besluta' })]);
}

/** `delegationsbeslut`: the förbundschef's decisions on delegation, newest first */
export function delegationDecisionsCard(items: readonly ApprovalView[], timeZone: string): AdaptiveCard {
  const sorted = [...items].sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
  const intro =
    sorted.length === 0
      ? 'Inga delegationsbeslut att anmäla.'
      : sorted.length === 1
        ? '1 beslut som förbundschefen har fattat på delegation. Det anmäls till styrelsen.'
        : `${sorted.length} beslut som förbundschefen har fattat på delegation. De anmäls till styrelsen.`;
  const line = (view: ApprovalView): string => `${view.subject} · ${outcomeText(view, timeZone) ?? view.status}`;
  return card(['Delegationsbeslut', intro, ...sorted.map((view) => `${titleOf(view)} – ${line(view)}`)].join('\n'), [
    heading('Delegationsbeslut'),
    text(intro, { subtle: true }),
    ...sorted.map((view, index) => entry(view, line(view), index)),
  ]);
}
