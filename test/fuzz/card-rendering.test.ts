/**
 * Every card the bot renders, with hostile text in every field a person types or a directory
 * holds (insats titles, summaries, comments, reasons, names, organisations, invoice numbers,
 * beslutsparagrafer, error messages that echo input): Markdown and HTML in them must come out as
 * text — no link, bold, italics or code that Teams would render from someone's typing. The chat's
 * own sentences that quote what someone wrote are checked the same way.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { renderApprovalCard } from '../../bot/cards/approval-card.ts';
import { approvalStartCard } from '../../bot/cards/approval-start-card.ts';
import { approvalsCard, delegationDecisionsCard } from '../../bot/cards/approvals-card.ts';
import { deadlinesCard } from '../../bot/cards/deadlines-card.ts';
import { myInterventionsCard } from '../../bot/cards/my-interventions-card.ts';
import { renderRequisitionCard } from '../../bot/cards/requisition-card.ts';
import { requisitionInboxCard } from '../../bot/cards/requisition-inbox-card.ts';
import { statusCard } from '../../bot/cards/status-card.ts';
import { escapeText, quote, unknownCommandText } from '../../bot/texts.ts';
import type { Intervention } from '../../src/domain/entities/intervention.ts';
import type { ApprovalView } from '../../src/services/approvals/approval-view.ts';
import type { RequisitionView } from '../../src/services/invoicing/requisition-view.ts';
import { EMPTY_APPLICATION_TEXTS } from '../fixtures/interventions.ts';
import { createFuzzer } from './support/fuzz-runner.ts';
import { hostileString } from './support/hostile.ts';
import { expectInertText, liveMarkup, MARKDOWN_MARKERS } from './support/inert-text.ts';

const fuzzer = createFuzzer(import.meta.url);
afterAll(() => fuzzer.save());

const NOW = new Date('2026-12-10T13:02:00Z');
const GUNILLA = '8ec5fd0f-b881-59d2-ae49-44aa221496fd';

/** hostile text with every marker in it, in random company (backslashes and all) */
const typed = fc
  .tuple(
    hostileString.map((text) => text.slice(0, 200)),
    fc.shuffledSubarray([...MARKDOWN_MARKERS], { minLength: 1 }),
    fc.constantFrom('', '\\', '\\\\', ' ', '\n- '),
  )
  .map(([noise, markers, glue]) => `${noise}${glue}${markers.join(glue)}${glue}`);

function intervention(title: string, decisionRef: string): Intervention {
  return {
    id: '1',
    etag: '"1"',
    title,
    code: 'NOVA',
    kind: 'Individinriktad',
    stage: 'Pågående',
    ownerOrgId: '7',
    partnerOrgIds: ['7'],
    projectLeaderAadId: null,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    grantedAmount: 1_065_500,
    decisionDate: '2025-11-20',
    decisionRef,
    diaryNumber: null,
    followUpRegistered: true,
    ...EMPTY_APPLICATION_TEXTS,
  };
}

/** a Samarbetsavtal's part of the view: none here (the agreements issue adds it) */
const NO_AGREEMENT = { agreement: null };

function approval(texts: readonly string[], status: ApprovalView['status']): ApprovalView {
  const [title = '', summary = '', name = '', comment = '', org = '', reason = ''] = texts;
  return {
    approvalId: '3',
    etag: '"3,1"',
    title,
    subject: 'Budgetändring',
    stage: 'Styrelse',
    rule: 'En per medlemsorganisation',
    status,
    dueDate: '2026-12-17',
    amount: 850_000,
    summary,
    requestedByName: name,
    intervention: { id: '8', code: 'SAMSYN', title },
    tabUrl: 'https://insatsnavet.example/?insats=8',
    recommendation: {
      stage: 'Beredningsgrupp',
      outcome: 'Godkänd',
      tally: { unit: 'personer', total: 7, approve: 5, reject: 1, abstain: 0, waiting: 1, needed: 4 },
      comments: [{ name, decision: 'Godkänn', comment }],
    },
    budgetChange: {
      year: 2027,
      moves: [{ from: 'Övrigt', to: 'Personal', amount: 40_000 }],
      minor: false,
      reasons: [reason],
    },
    planChange: { description: summary, minor: true },
    tally: { unit: 'organisationer', total: 7, approve: 3, reject: 1, abstain: 0, waiting: 3, needed: 4 },
    votes: [
      { name, orgName: org, decision: 'Godkänn', at: '2026-12-09T08:15:00Z', comment, counted: true, substitute: true },
    ],
    approverIds: [GUNILLA],
    viewer: {
      aadObjectId: GUNILLA,
      approver: { aadObjectId: GUNILLA, name, role: 'Styrelseledamot', memberOrgId: '2', substitute: false },
      myVote: null,
      awaited: status === 'Pågår',
      allowedDecisions: status === 'Pågår' ? ['Godkänn', 'Avslå', 'Avstår'] : [],
    },
    decidedAt: status === 'Pågår' ? null : '2026-12-10T12:00:00Z',
    nextStageTitle: status === 'Godkänd' ? org : null,
    delegationDecision: false,
    withdrawnReason: status === 'Återkallad' ? reason : null,
    ...NO_AGREEMENT,
  };
}

function requisition(texts: readonly string[], status: RequisitionView['status']): RequisitionView {
  const [title = '', invoiceNumber = '', reason = ''] = texts;
  return {
    requisitionId: '41',
    etag: '"7,3"',
    periodKey: 'NOVA-2027-Q1',
    interventionId: '1',
    code: 'NOVA',
    title,
    year: 2027,
    quarter: 1,
    periodText: 'kvartal 1 2027, januari–mars',
    dueDate: '2027-04-30',
    status,
    amount: 140_000,
    specification: { Personal: 140_000 },
    receivedDate: '2027-04-14',
    invoiceNumber,
    overBudget: true,
    budgetWarning: reason,
    rejectionReason: reason,
    budget: [{ category: 'Personal', granted: 400_000, invoiced: 280_000, remaining: 120_000 }],
    projectLeaderAadId: GUNILLA,
    viewerAadId: GUNILLA,
    viewerActions: status === 'Förväntad' || status === 'Avvisad' ? ['registrera'] : ['granska', 'avvisa'],
  };
}

const texts = fc.array(typed, { minLength: 6, maxLength: 6 });

describe('cards render typed text as text', () => {
  it('the approval card, in every status, with a notice and an error that echo input', async () => {
    await fuzzer.property(
      'render: approval card',
      fc.tuple(
        texts,
        fc.constantFrom('Pågår', 'Godkänd', 'Avslagen', 'Återkallad', 'Utgången') as fc.Arbitrary<
          ApprovalView['status']
        >,
      ),
      async ([values, status]) => {
        const view = approval(values, status);
        const card = renderApprovalCard(view, {
          notice: values[0] ?? '',
          error: values[1] ?? '',
          timeZone: 'Europe/Stockholm',
          now: NOW,
        });
        expectInertText(card, `approval card ${status}`);
        expectInertText(approvalsCard([view]), 'att besluta');
        expectInertText(delegationDecisionsCard([view], 'Europe/Stockholm'), 'delegationsbeslut');
      },
      400,
    );
  });

  it('the requisition card and the invoice inbox, with a form error that echoes input', async () => {
    await fuzzer.property(
      'render: requisition cards',
      fc.tuple(
        texts,
        fc.constantFrom('Förväntad', 'Inkommen', 'Avvisad', 'Betald') as fc.Arbitrary<RequisitionView['status']>,
      ),
      async ([values, status]) => {
        const view = requisition(values, status);
        const card = renderRequisitionCard(view, {
          notice: values[3] ?? '',
          error: { message: values[4] ?? '', fields: { fakturanummer: values[5] ?? '' } },
          entered: { fakturanummer: values[1] ?? '' },
        });
        expectInertText(card, `requisition card ${status}`);
        expectInertText(requisitionInboxCard([view]), 'fakturor');
      },
      300,
    );
  });

  it('the status card (title, beslutsparagraf, people, organisation), my insatser, deadlines, the start form', async () => {
    await fuzzer.property(
      'render: status, lists and start form',
      texts,
      async (values) => {
        const [title = '', ref = '', name = '', org = '', message = '', detail = ''] = values;
        const insats = intervention(title, ref);
        expectInertText(
          statusCard({
            intervention: insats,
            projectLeaders: [name],
            projectOwners: [name],
            ownerOrgName: org,
            invoices: true,
            nextDeadline: {
              year: 2027,
              quarter: 1,
              periodKey: 'NOVA-2027-Q1',
              dueDate: '2027-04-30',
              requisition: null,
            },
          }),
          'status card',
        );
        expectInertText(
          myInterventionsCard(name, [
            {
              id: '1',
              code: 'NOVA',
              title,
              stage: 'Pågående',
              roles: ['Projektledare'],
              startDate: null,
              endDate: null,
            },
          ]),
          'mina insatser',
        );
        expectInertText(
          deadlinesCard('mine', '2027-04-01', [
            {
              code: 'NOVA',
              title,
              deadline: { year: 2027, quarter: 1, periodKey: 'NOVA-2027-Q1', dueDate: '2027-04-30', requisition: null },
            },
          ]),
          'frister',
        );
        expectInertText(
          approvalStartCard({
            intervention: insats,
            defaultYear: 2027,
            entered: { sammanfattning: message },
            error: { message, details: [detail] },
          }),
          'start form',
        );
      },
      300,
    );
  });

  it('the chat sentences that quote what someone wrote', async () => {
    await fuzzer.property(
      'render: chat quotes',
      typed,
      async (text) => {
        for (const sentence of [unknownCommandText(text), `”${quote(text)}”`, escapeText(text)]) {
          if (liveMarkup(sentence, true).length > 0) {
            throw new Error(`live markup in ${JSON.stringify(sentence)}: ${liveMarkup(sentence, true).join('; ')}`);
          }
        }
      },
      500,
    );
  });
});
