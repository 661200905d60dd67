// @vitest-environment happy-dom
/**
 * The requisition card: every kind × status × viewer's actions parses in the Adaptive Cards
 * renderer without problems, shows what the invoice must contain and the budget, offers the form
 * or the buttons the viewer may use, and comes back with what the user typed and what was wrong.
 */
import { describe, expect, it } from 'vitest';
import type { CardElement, JsonValue } from '../../../bot/cards/card-kit.ts';
import { renderRequisitionCard } from '../../../bot/cards/requisition-card.ts';
import { requisitionInboxCard } from '../../../bot/cards/requisition-inbox-card.ts';
import { createInvoicingMessages } from '../../../bot/cards/requisition-messages.ts';
import type { RequisitionAction } from '../../../src/domain/invoicing/requisition-workflow.ts';
import { REQUISITION_STATUSES, type RequisitionStatus } from '../../../src/domain/vocabulary.ts';
import type { RequisitionMessageKind } from '../../../src/services/invoicing/invoicing-deps.ts';
import type { RequisitionView } from '../../../src/services/invoicing/requisition-view.ts';
import { cardProblems } from './card-problems.ts';

const EMMA = '177b73fb-9471-586a-8734-7a3f7a305478';

const expected: RequisitionView = {
  requisitionId: '41',
  etag: '"7,3"',
  periodKey: 'NOVA-2027-Q1',
  interventionId: '1',
  code: 'NOVA',
  title: 'NOVA – nya vägar för unga vuxna',
  year: 2027,
  quarter: 1,
  periodText: 'kvartal 1 2027, januari–mars',
  dueDate: '2027-04-30',
  status: 'Förväntad',
  amount: null,
  specification: null,
  receivedDate: null,
  invoiceNumber: null,
  overBudget: false,
  budgetWarning: null,
  rejectionReason: null,
  budget: [
    { category: 'Personal', granted: 400_000, invoiced: 280_000, remaining: 120_000 },
    { category: 'Lokaler', granted: 60_000, invoiced: 45_000, remaining: 15_000 },
  ],
  projectLeaderAadId: EMMA,
  viewerAadId: EMMA,
  viewerActions: ['registrera'],
};

const registered: RequisitionView = {
  ...expected,
  status: 'Inkommen',
  amount: 140_000,
  specification: { Personal: 125_000, Lokaler: 15_000 },
  receivedDate: '2027-04-14',
  invoiceNumber: 'F-2027-001',
  overBudget: true,
  budgetWarning: 'Personal: 5 000 kr över det som återstår (120 000 kr).',
  viewerActions: [],
};

const KINDS: ReadonlyArray<RequisitionMessageKind | undefined> = [
  undefined,
  'reminder',
  'overdue-projektledare',
  'overdue-ekonom',
  'to-review',
  'to-attest',
  'to-pay',
  'rejected',
];

const ACTIONS_BY_STATUS: Readonly<Record<RequisitionStatus, ReadonlyArray<readonly RequisitionAction[]>>> = {
  Förväntad: [[], ['registrera']],
  Inkommen: [[], ['granska', 'avvisa']],
  Granskad: [[], ['attestera', 'avvisa']],
  Attesterad: [[], ['betala']],
  Betald: [[]],
  Avvisad: [[], ['registrera']],
};

function viewIn(status: RequisitionStatus, viewerActions: readonly RequisitionAction[]): RequisitionView {
  const base = status === 'Förväntad' ? expected : registered;
  return {
    ...base,
    status,
    viewerActions,
    rejectionReason: status === 'Avvisad' ? 'Specifikationen saknar *Lokaler*.' : null,
  };
}

/** every element and action of a card, depth first */
function elementsOf(value: JsonValue | CardElement): Array<{ readonly [key: string]: JsonValue }> {
  if (Array.isArray(value)) {
    return value.flatMap((item: JsonValue) => elementsOf(item));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  const object = value as { readonly [key: string]: JsonValue };
  const own = typeof object.type === 'string' ? [object] : [];
  return [...own, ...Object.values(object).flatMap((inner) => elementsOf(inner))];
}

function inputs(card: object): Map<string, { readonly [key: string]: JsonValue }> {
  return new Map(
    elementsOf(card as CardElement)
      .filter((element) => typeof element.type === 'string' && element.type.startsWith('Input.'))
      .map((element) => [String(element.id), element]),
  );
}

function buttons(card: object): Array<{ readonly [key: string]: JsonValue }> {
  return elementsOf(card as CardElement).filter((element) => element.type === 'Action.Execute');
}

describe('renderRequisitionCard', () => {
  const cases = KINDS.flatMap((kind) =>
    REQUISITION_STATUSES.flatMap((status) =>
      ACTIONS_BY_STATUS[status].map((actions) => [kind ?? 'ingen', status, actions.join('+') || 'läsa', kind, actions]),
    ),
  ) as Array<[string, RequisitionStatus, string, RequisitionMessageKind | undefined, RequisitionAction[]]>;

  it.each(cases)('kind %s, status %s, viewer may %s: parses without problems, refreshes for the viewer', (...args) => {
    const [, status, , kind, actions] = args;
    const card = renderRequisitionCard(viewIn(status, actions), {
      ...(kind === undefined ? {} : { kind }),
      workingDaysLeft: 5,
    });
    expect(cardProblems(card)).toEqual([]);
    expect(card.version).toBe('1.5');
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: 'rekvisition.visa',
        data: kind === undefined ? { periodKey: 'NOVA-2027-Q1' } : { periodKey: 'NOVA-2027-Q1', kind },
      },
      userIds: [EMMA],
    });
    expect(JSON.stringify(card).length).toBeLessThan(28_000 / 2);
    for (const button of buttons(card)) {
      expect(typeof button.verb).toBe('string');
    }
  });

  it('a reminder names the period, the due day with its weekday and the working days left', () => {
    const card = renderRequisitionCard(expected, { kind: 'reminder', workingDaysLeft: 5 });
    const json = JSON.stringify(card);
    expect(json).toContain('Påminnelse: fakturan för kvartal 1 2027 ska vara inne fredag 2027-04-30');
    expect(json).toContain('om 5 arbetsdagar');
    expect(json).toContain('NOVA – nya vägar för unga vuxna');
    expect(json).toContain('kvartal 1 2027, januari–mars');
    expect(json).toContain('Fakturan ska innehålla');
    expect(json).toContain('specifikation per budgetpost');
    expect(card.fallbackText).toContain('Påminnelse: fakturan för kvartal 1 2027 ska vara inne fredag 2027-04-30');
    expect(JSON.stringify(renderRequisitionCard(expected, { kind: 'reminder', workingDaysLeft: 1 }))).toContain(
      'om 1 arbetsdag.',
    );
  });

  it('the form has the invoice number, the received day, one amount per budget post with what remains, and the total', () => {
    const card = renderRequisitionCard(expected, { kind: 'reminder', workingDaysLeft: 10 });
    const fields = inputs(card);
    expect([...fields.keys()]).toEqual(['fakturanummer', 'inkom', 'Personal', 'Lokaler', 'total']);
    expect(fields.get('fakturanummer')).toMatchObject({ type: 'Input.Text', isRequired: true, label: 'Fakturanummer' });
    expect(fields.get('inkom')?.type).toBe('Input.Date');
    expect(fields.get('Personal')).toMatchObject({
      type: 'Input.Number',
      label: 'Personal (kvar 120\u00a0000\u00a0kr)',
    });
    expect(fields.get('total')).toMatchObject({ type: 'Input.Number', isRequired: true });
    expect(buttons(card).filter((button) => button.verb !== 'rekvisition.visa')).toEqual([
      expect.objectContaining({
        title: 'Registrera fakturan',
        verb: 'rekvisition.registrera',
        data: { periodKey: 'NOVA-2027-Q1', etag: '"7,3"' },
      }),
    ]);
  });

  it('comes back with what the user typed and each field’s error', () => {
    const card = renderRequisitionCard(expected, {
      error: {
        message: 'Fakturan kunde inte registreras.',
        fields: {
          total: 'Totalen (150 000 kr) är inte summan av posterna (140 000 kr).',
          Övrigt: 'Posten saknar budget.',
        },
      },
      entered: {
        fakturanummer: 'F-17',
        inkom: '2027-04-14',
        Personal: '125 000',
        Lokaler: '15000,50',
        total: '150 000',
      },
    });
    expect(cardProblems(card)).toEqual([]);
    const fields = inputs(card);
    expect(fields.get('fakturanummer')?.value).toBe('F-17');
    expect(fields.get('inkom')?.value).toBe('2027-04-14');
    expect(fields.get('Personal')?.value).toBe(125_000);
    expect(fields.get('Lokaler')?.value).toBe(15_000.5);
    expect(fields.get('total')?.value).toBe(150_000);
    const json = JSON.stringify(card);
    expect(json).toContain('Fakturan kunde inte registreras.');
    expect(json).toContain('Totalen (150 000 kr) är inte summan av posterna (140 000 kr).');
    // a field the form does not have is still reported
    expect(json).toContain('Posten saknar budget.');
  });

  it('shows the registered invoice, the budget table and the over-budget warning to a reader', () => {
    const card = renderRequisitionCard(registered, {});
    const json = JSON.stringify(card);
    expect(json).toContain('F-2027-001');
    expect(json).toContain('140\u00a0000\u00a0kr');
    expect(json).toContain('2027-04-14');
    expect(json).toContain('Budget 2027');
    expect(json).toContain('Denna faktura');
    expect(json).toContain('Över budget');
    expect(json).toContain('Personal: 5 000 kr över det som återstår');
    expect(json).toContain('"style":"attention"');
    expect(json).toContain('Väntar på ekonomens granskning.');
    expect(inputs(card).size).toBe(0);
    expect(buttons(card).filter((button) => button.verb !== 'rekvisition.visa')).toEqual([]);
  });

  it('gives the ekonom Granskad and Avvisa with a reason field; only Avvisa sends the reason', () => {
    const card = renderRequisitionCard({ ...registered, viewerActions: ['granska', 'avvisa'] }, { kind: 'to-review' });
    const json = JSON.stringify(card);
    expect(json).toContain('Ny faktura att granska: NOVA, kvartal 1 2027');
    expect(inputs(card).get('skal')).toMatchObject({ isMultiline: true, label: 'Skäl (krävs för att avvisa)' });
    const steps = buttons(card).filter((button) => button.verb === 'rekvisition.status');
    expect(
      steps.map((button) => [button.title, (button.data as { action: string }).action, button.associatedInputs]),
    ).toEqual([
      ['Granskad', 'granska', 'none'],
      ['Avvisa', 'avvisa', 'auto'],
    ]);
    expect(steps[1]?.style).toBe('destructive');
    expect(steps[0]?.data).toEqual({ periodKey: 'NOVA-2027-Q1', etag: '"7,3"', action: 'granska' });
  });

  it('shows the rejection reason, and the notice after an action', () => {
    const card = renderRequisitionCard(viewIn('Avvisad', ['registrera']), {
      kind: 'rejected',
      notice: 'Fakturan är avvisad 14:02.',
    });
    const json = JSON.stringify(card);
    expect(card.body[0]).toMatchObject({ text: 'Fakturan är avvisad 14:02.' });
    expect(json).toContain('Skäl till avvisningen');
    expect(json).toContain('Specifikationen saknar \\\\*Lokaler\\\\*.');
    // the form comes back filled with the rejected invoice, to correct
    expect(inputs(card).get('Personal')?.value).toBe(125_000);
  });

  it('tells someone who can only send the invoice back who acts next', () => {
    const card = renderRequisitionCard(viewIn('Granskad', ['avvisa']), {});
    expect(JSON.stringify(card)).toContain('Väntar på förbundschefens attest.');
    expect(JSON.stringify(renderRequisitionCard(viewIn('Granskad', ['attestera', 'avvisa']), {}))).not.toContain(
      'Väntar på',
    );
  });

  it('a message kind that no longer fits the status gives the neutral heading', () => {
    const card = renderRequisitionCard(registered, { kind: 'reminder', workingDaysLeft: 5 });
    expect(JSON.stringify(card)).not.toContain('Påminnelse');
    expect(JSON.stringify(card)).toContain('Faktura NOVA, kvartal 1 2027');
  });
});

describe('createInvoicingMessages', () => {
  it('sends the card with a preview line and the card’s own fallback, not the headline twice', () => {
    const message = createInvoicingMessages().requisitionMessage({
      kind: 'reminder',
      view: expected,
      workingDaysLeft: 5,
    });
    expect(message.summary).toBe('NOVA: Påminnelse: fakturan för kvartal 1 2027 ska vara inne fredag 2027-04-30');
    expect(message.text).toBeUndefined();
    expect(message.card).toMatchObject({ type: 'AdaptiveCard', refresh: { userIds: [EMMA] } });
    expect(String(message.card?.fallbackText)).toContain('kvartal 1 2027');
    const review = createInvoicingMessages().requisitionMessage({
      kind: 'to-review',
      view: { ...registered, viewerActions: ['granska', 'avvisa'] },
    });
    expect(review.summary).toBe('Ny faktura att granska: NOVA, kvartal 1 2027');
    expect(cardProblems(review.card)).toEqual([]);
  });
});

describe('requisitionInboxCard', () => {
  it('lists each invoice with what the person is to do and a button opening its card', () => {
    const card = requisitionInboxCard([
      { ...registered, viewerActions: ['granska', 'avvisa'] },
      { ...expected, periodKey: 'NOVA-2027-Q2', quarter: 2, periodText: 'kvartal 2 2027, april–juni' },
    ]);
    expect(cardProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('2 fakturor väntar på dig.');
    expect(json).toContain('NOVA – nya vägar för unga vuxna, kvartal 1 2027');
    expect(json).toContain(
      'Inkommen · 140\u00a0000\u00a0kr · sista dag fredag 2027-04-30 · att göra: granska · över budget',
    );
    const opens = buttons(card).filter((button) => button.verb === 'rekvisition.visa');
    expect(opens.map((button) => button.data)).toEqual([{ periodKey: 'NOVA-2027-Q1' }, { periodKey: 'NOVA-2027-Q2' }]);
    expect(JSON.stringify(requisitionInboxCard([]))).toContain('Inga fakturor väntar på dig just nu.');
  });
});
