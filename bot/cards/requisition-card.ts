/**
 * One quarterly invoice (rekvisition) as one person sees it: what is asked of them, the facts, the
 * year's budget per post, and — for whoever may act now — the registration form or the workflow
 * buttons. Every variant refreshes itself for its viewer (`refresh.userIds`), so a card opened a
 * week later shows the row's current status, not the one it was sent with.
 */
import { formatKr } from '../../src/domain/format.ts';
import { formatKronorExact, parseKronor } from '../../src/domain/invoicing/kronor-input.ts';
import type { RequisitionAction } from '../../src/domain/invoicing/requisition-workflow.ts';
import type { RequisitionStatus } from '../../src/domain/vocabulary.ts';
import type { RequisitionMessageKind } from '../../src/services/invoicing/invoicing-deps.ts';
import type { RequisitionView } from '../../src/services/invoicing/requisition-view.ts';
import {
  type AdaptiveCard,
  type CardElement,
  card,
  escapeMarkdown,
  facts,
  heading,
  nameWithCode,
  text,
} from './card-kit.ts';
import { dayText } from './period-text.ts';

export const REQUISITION_VIEW_VERB = 'rekvisition.visa';
export const REQUISITION_REGISTER_VERB = 'rekvisition.registrera';
export const REQUISITION_STATUS_VERB = 'rekvisition.status';
/** the inbox list (`fakturor`), refreshed */
export const REQUISITION_LIST_VERB = 'rekvisition.lista';

/** the ids of the form's inputs; the budget posts use their category name (`Personal` …) */
export const REQUISITION_FIELDS = {
  invoiceNumber: 'fakturanummer',
  receivedDate: 'inkom',
  total: 'total',
  reason: 'skal',
} as const;

export type RequisitionCardOptions = {
  readonly kind?: RequisitionMessageKind;
  readonly workingDaysLeft?: number;
  /** a refused registration: the message and, per input id, what is wrong with it */
  readonly error?: { readonly message: string; readonly fields?: Readonly<Record<string, string>> };
  /** what the user typed, keyed by input id, put back into the inputs when the card returns */
  readonly entered?: Readonly<Record<string, string>>;
  /** what just happened, shown first: "Fakturan är registrerad 14:02." */
  readonly notice?: string;
  /** a notice that reports a refusal (the row changed, a wrong status) is shown as a warning */
  readonly noticeTone?: 'good' | 'attention';
};

export type RequisitionCard = AdaptiveCard & {
  readonly refresh: {
    readonly action: {
      readonly type: 'Action.Execute';
      readonly verb: string;
      readonly data: { readonly periodKey: string; readonly kind?: RequisitionMessageKind };
    };
    readonly userIds: readonly string[];
  };
};

/** the services name the reason's field `skäl`; `skal` is the input's id */
const REASON_FIELDS: readonly string[] = [REQUISITION_FIELDS.reason, 'skäl', 'reason'];

/** the buttons of the workflow steps after registration, in workflow order */
const STEP_BUTTONS: ReadonlyArray<readonly [RequisitionAction, string]> = [
  ['granska', 'Granskad'],
  ['attestera', 'Attestera'],
  ['betala', 'Markera som betald'],
];

/** who acts next, for someone who can only read */
const WAITING_FOR: Readonly<Record<RequisitionStatus, string>> = {
  Förväntad: 'Väntar på att insatsen registrerar fakturan.',
  Inkommen: 'Väntar på ekonomens granskning.',
  Granskad: 'Väntar på förbundschefens attest.',
  Attesterad: 'Väntar på att ekonomen markerar fakturan som betald.',
  Betald: 'Fakturan är betald. Inget mer återstår.',
  Avvisad: 'Väntar på att insatsen registrerar en rättad faktura.',
};

/** the statuses in which each kind of message still describes the row; otherwise a neutral heading */
const KIND_STATUSES: Readonly<Record<RequisitionMessageKind, readonly RequisitionStatus[]>> = {
  reminder: ['Förväntad', 'Avvisad'],
  'overdue-projektledare': ['Förväntad', 'Avvisad'],
  'overdue-ekonom': ['Förväntad', 'Avvisad'],
  'to-review': ['Inkommen'],
  'to-attest': ['Granskad'],
  'to-pay': ['Attesterad'],
  rejected: ['Avvisad'],
};

/** `kvartal 1 2027` */
export function shortPeriod(view: Pick<RequisitionView, 'year' | 'quarter'>): string {
  return `kvartal ${view.quarter} ${view.year}`;
}

/** the heading and, when useful, a line under it; also the message's summary and text fallback */
export function requisitionHeadline(
  view: RequisitionView,
  kind: RequisitionMessageKind | undefined,
  workingDaysLeft?: number,
): { readonly title: string; readonly subtitle: string | null } {
  const period = shortPeriod(view);
  const due = dayText(view.dueDate);
  const current = kind !== undefined && KIND_STATUSES[kind].includes(view.status) ? kind : undefined;
  switch (current) {
    case 'reminder':
      return {
        title: `Påminnelse: fakturan för ${period} ska vara inne ${due}`,
        subtitle: `${view.code}: ${daysLeftText(workingDaysLeft)}`,
      };
    case 'overdue-projektledare':
      return {
        title: `Fakturan för ${period} är försenad`,
        subtitle: `${view.code}: sista dag var ${due}. Registrera fakturan så snart den är klar.`,
      };
    case 'overdue-ekonom':
      return {
        title: `Försenad faktura: ${view.code}, ${period}`,
        subtitle: `Sista dag var ${due} och fakturan har inte registrerats. Projektledaren får samtidigt ett förseningsbesked i Teams.`,
      };
    case 'to-review':
      return { title: `Ny faktura att granska: ${view.code}, ${period}`, subtitle: null };
    case 'to-attest':
      return { title: `Faktura att attestera: ${view.code}, ${period}`, subtitle: 'Ekonomen har granskat fakturan.' };
    case 'to-pay':
      return {
        title: `Faktura att betala: ${view.code}, ${period}`,
        subtitle: 'Förbundschefen har attesterat fakturan.',
      };
    case 'rejected':
      return { title: `Fakturan för ${period} är avvisad`, subtitle: `${view.code}: registrera en rättad faktura.` };
    default:
      return { title: `Faktura ${view.code}, ${period}`, subtitle: `Status: ${view.status}` };
  }
}

function daysLeftText(workingDaysLeft: number | undefined): string {
  if (workingDaysLeft === undefined) {
    return 'registrera fakturan här när den är klar.';
  }
  if (workingDaysLeft <= 0) {
    return 'sista dagen är i dag.';
  }
  return workingDaysLeft === 1 ? 'om 1 arbetsdag.' : `om ${workingDaysLeft} arbetsdagar.`;
}

export function renderRequisitionCard(view: RequisitionView, options: RequisitionCardOptions = {}): RequisitionCard {
  const headline = requisitionHeadline(view, options.kind, options.workingDaysLeft);
  const body: CardElement[] = [];
  if (options.notice !== undefined) {
    const color = options.noticeTone === 'attention' ? 'Attention' : 'Good';
    body.push({ type: 'TextBlock', text: escapeMarkdown(options.notice), wrap: true, weight: 'Bolder', color });
  }
  body.push(heading(headline.title));
  if (headline.subtitle !== null) {
    body.push(text(headline.subtitle, { subtle: true }));
  }
  body.push(facts(factRows(view)));
  if (view.status === 'Avvisad' && view.rejectionReason !== null) {
    body.push(attentionBox('Skäl till avvisningen', view.rejectionReason));
  }
  if (view.overBudget) {
    body.push(
      attentionBox(
        // once the ekonom has reviewed it, the overdraft is known and accepted: say so, do not keep alarming
        view.status === 'Inkommen' ? 'Över budget – ekonomen behöver titta på fakturan' : 'Över budget',
        view.budgetWarning ?? 'En budgetpost överskrids.',
      ),
    );
  }
  if (view.budget.length > 0) {
    body.push(budgetTable(view));
  }

  const actions: CardElement[] = [];
  const can = (action: RequisitionAction): boolean => view.viewerActions.includes(action);
  if (can('registrera')) {
    body.push(...registrationForm(view, options));
    actions.push({
      type: 'Action.Execute',
      title: 'Registrera fakturan',
      verb: REQUISITION_REGISTER_VERB,
      data: { periodKey: view.periodKey, etag: view.etag },
      style: 'positive',
    });
  } else if (options.error !== undefined) {
    // the reason's message goes under the reason field, when the card has one
    const shownByField = can('avvisa') ? REASON_FIELDS : [];
    const others = Object.entries(options.error.fields ?? {}).filter(([field]) => !shownByField.includes(field));
    body.push(
      errorBlock(
        options.error.message,
        others.map(([, message]) => message),
      ),
    );
  }
  for (const [action, title] of STEP_BUTTONS) {
    if (can(action)) {
      actions.push(stepButton(view, action, title, 'none'));
    }
  }
  if (can('avvisa')) {
    const fields = options.error?.fields ?? {};
    const reasonError = REASON_FIELDS.map((field) => fields[field]).find((message) => message !== undefined);
    body.push({
      type: 'Input.Text',
      id: REQUISITION_FIELDS.reason,
      label: 'Skäl (krävs för att avvisa)',
      isMultiline: true,
      maxLength: 2000,
      placeholder: 'Vad behöver insatsen rätta?',
      ...(options.entered?.[REQUISITION_FIELDS.reason] === undefined
        ? {}
        : { value: options.entered[REQUISITION_FIELDS.reason] }),
      separator: true,
    });
    if (reasonError !== undefined) {
      body.push(fieldError(reasonError));
    }
    actions.push(stepButton(view, 'avvisa', 'Avvisa', 'auto'));
  }
  // Avvisa is a way out, not the next step: whoever can only send it back still waits for someone
  if (view.viewerActions.every((action) => action === 'avvisa')) {
    body.push(text(WAITING_FOR[view.status], { separator: true }));
  }

  const base = card(fallbackText(view, headline), body, actions);
  return {
    ...base,
    refresh: {
      // the kind keeps a reminder a reminder when reopened; it gives way once the status moves on
      action: {
        type: 'Action.Execute',
        verb: REQUISITION_VIEW_VERB,
        data:
          options.kind === undefined
            ? { periodKey: view.periodKey }
            : { periodKey: view.periodKey, kind: options.kind },
      },
      userIds: [view.viewerAadId],
    },
  };
}

function factRows(view: RequisitionView): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [
    ['Insats', nameWithCode(view.code, view.title)],
    ['Period', view.periodText],
    ['Sista dag', dayText(view.dueDate)],
    ['Status', view.status],
  ];
  if (view.invoiceNumber !== null) {
    rows.push(['Fakturanummer', view.invoiceNumber]);
  }
  if (view.amount !== null) {
    rows.push(['Belopp', formatKronorExact(view.amount)]);
  }
  if (view.receivedDate !== null) {
    rows.push(['Inkom', view.receivedDate]);
  }
  // facts() escapes the values: a title or invoice number must not turn into formatting
  return rows;
}

function attentionBox(title: string, message: string): CardElement {
  return {
    type: 'Container',
    style: 'attention',
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: title, wrap: true, weight: 'Bolder', color: 'Attention' },
      { type: 'TextBlock', text: escapeMarkdown(message), wrap: true },
    ],
  };
}

/** post / beviljat / fakturerat / kvar for the year, and this invoice's amount per post once it has one */
function budgetTable(view: RequisitionView): CardElement {
  const withInvoice = view.specification !== null;
  const headers = ['Post', 'Beviljat', 'Fakturerat', 'Kvar', ...(withInvoice ? ['Denna faktura'] : [])];
  const rows = view.budget.map((position) => [
    position.category,
    formatKr(position.granted),
    formatKr(position.invoiced),
    formatKr(position.remaining),
    ...(withInvoice ? [formatKronorExact(view.specification?.[position.category] ?? 0)] : []),
  ]);
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(`Budget ${view.year}`, { bold: true }),
      text('Fakturerat räknar andra registrerade fakturor samma år, inte den här.', { subtle: true }),
      {
        type: 'Table',
        firstRowAsHeader: true,
        showGridLines: false,
        columns: headers.map((_, index) => ({ width: index === 0 ? 3 : 2 })),
        rows: [headers, ...rows].map((cells, rowIndex) => ({
          type: 'TableRow',
          ...(rowIndex === 0 ? { style: 'emphasis' } : {}),
          cells: cells.map((value, cellIndex) => ({
            type: 'TableCell',
            items: [
              {
                type: 'TextBlock',
                text: value,
                wrap: true,
                ...(rowIndex === 0 ? { weight: 'Bolder' } : {}),
                ...(cellIndex > 0 ? { horizontalAlignment: 'Right' } : {}),
              },
            ],
          })),
        })),
      },
    ],
  };
}

function registrationForm(view: RequisitionView, options: RequisitionCardOptions): CardElement[] {
  const fieldErrors = options.error?.fields ?? {};
  const entered = options.entered ?? {};
  const inputIds = new Set<string>([
    REQUISITION_FIELDS.invoiceNumber,
    REQUISITION_FIELDS.receivedDate,
    REQUISITION_FIELDS.total,
    ...view.budget.map((position) => position.category),
  ]);
  const elements: CardElement[] = [
    text('Fakturan ska innehålla', { bold: true, separator: true }),
    text(
      [
        `- insatsens namn (${escapeMarkdown(nameWithCode(view.code, view.title))})`,
        `- perioden (${view.periodText})`,
        '- specifikation per budgetpost, med faktiska kostnader',
      ].join('\n'),
    ),
    text('Registrera fakturan', { bold: true, separator: true }),
  ];
  if (options.error !== undefined) {
    // errors for inputs the card has are shown under them; the rest here
    const others = Object.entries(fieldErrors)
      .filter(([field]) => !inputIds.has(field))
      .map(([, message]) => message);
    elements.push(errorBlock(options.error.message, others));
  }
  const withError = (id: string, input: CardElement): CardElement[] => {
    const message = fieldErrors[id];
    return message === undefined ? [input] : [input, fieldError(message)];
  };
  const invoiceNumber = entered[REQUISITION_FIELDS.invoiceNumber] ?? view.invoiceNumber ?? undefined;
  elements.push(
    ...withError(REQUISITION_FIELDS.invoiceNumber, {
      type: 'Input.Text',
      id: REQUISITION_FIELDS.invoiceNumber,
      label: 'Fakturanummer',
      isRequired: true,
      errorMessage: 'Ange fakturans nummer.',
      maxLength: 100,
      ...(invoiceNumber === undefined ? {} : { value: invoiceNumber }),
    }),
  );
  const received = entered[REQUISITION_FIELDS.receivedDate] ?? view.receivedDate ?? undefined;
  elements.push(
    ...withError(REQUISITION_FIELDS.receivedDate, {
      type: 'Input.Date',
      id: REQUISITION_FIELDS.receivedDate,
      label: 'Fakturan kom in (tomt: i dag)',
      ...(received === undefined || received === '' ? {} : { value: received }),
    }),
  );
  for (const position of view.budget) {
    const value = numberValue(entered[position.category]) ?? view.specification?.[position.category];
    elements.push(
      ...withError(position.category, {
        type: 'Input.Number',
        id: position.category,
        label: `${position.category} (kvar ${formatKr(position.remaining)})`,
        min: 0,
        errorMessage: 'Ange ett belopp i kronor, 0 eller mer.',
        ...(value === undefined ? {} : { value }),
      }),
    );
  }
  const total = numberValue(entered[REQUISITION_FIELDS.total]) ?? view.amount ?? undefined;
  elements.push(
    ...withError(REQUISITION_FIELDS.total, {
      type: 'Input.Number',
      id: REQUISITION_FIELDS.total,
      label: 'Totalt belopp (kr), summan av posterna',
      isRequired: true,
      min: 0,
      errorMessage: 'Ange fakturans totala belopp i kronor.',
      ...(total === undefined ? {} : { value: total }),
    }),
  );
  return elements;
}

/** an Input.Number holds a number: `12 500`, `12500,50` or `12 500 kr` as typed come back as one */
function numberValue(raw: string | undefined): number | undefined {
  return raw === undefined ? undefined : (parseKronor(raw) ?? undefined);
}

function errorBlock(message: string, details: readonly string[]): CardElement {
  return {
    type: 'Container',
    style: 'attention',
    items: [
      { type: 'TextBlock', text: escapeMarkdown(message), wrap: true, weight: 'Bolder', color: 'Attention' },
      ...details.map((detail) => ({ type: 'TextBlock', text: escapeMarkdown(detail), wrap: true, spacing: 'None' })),
    ],
  };
}

function fieldError(message: string): CardElement {
  return {
    type: 'TextBlock',
    text: escapeMarkdown(message),
    wrap: true,
    color: 'Attention',
    spacing: 'None',
    size: 'Small',
  };
}

function stepButton(
  view: RequisitionView,
  action: RequisitionAction,
  title: string,
  inputs: 'auto' | 'none',
): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb: REQUISITION_STATUS_VERB,
    data: { periodKey: view.periodKey, etag: view.etag, action },
    // only Avvisa sends the reason; the other steps must not be blocked by the reason field
    associatedInputs: inputs === 'auto' ? 'auto' : 'none',
    ...(action === 'avvisa' ? { style: 'destructive' } : {}),
  };
}

function fallbackText(view: RequisitionView, headline: { title: string; subtitle: string | null }): string {
  return [
    headline.title,
    headline.subtitle,
    `${nameWithCode(view.code, view.title)}, ${view.periodText}. Sista dag ${dayText(view.dueDate)}. Status: ${view.status}.`,
    view.amount === null ? null : `Belopp ${formatKronorExact(view.amount)}.`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}
