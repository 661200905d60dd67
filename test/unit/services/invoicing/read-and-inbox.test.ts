import { describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../../../src/domain/app-error.ts';
import { advanceRequisition } from '../../../../src/services/invoicing/advance-requisition.ts';
import { getRequisitionForViewer } from '../../../../src/services/invoicing/get-requisition.ts';
import { listRequisitionInbox } from '../../../../src/services/invoicing/list-requisition-inbox.ts';
import { registerRequisition } from '../../../../src/services/invoicing/register-requisition.ts';
import { aad } from '../bot-queries/demo-fixture.ts';
import { invoicingFixture, OPEN_QUARTER } from './invoicing-fixture.ts';

const INVOICE = { invoiceNumber: 'VK-9', amount: '12 000', specification: { Personal: '12 000' } };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('one requisition as one person sees it', () => {
  it('finds the quarter however it is typed and shows the budget and what the viewer may do', async () => {
    const f = await invoicingFixture();

    const view = await getRequisitionForViewer(f.deps, aad('emma.strom'), '  nova-2026-q4 ');

    expect(view).toMatchObject({
      periodKey: OPEN_QUARTER,
      code: 'NOVA',
      status: 'Förväntad',
      dueDate: '2027-01-20',
      periodText: 'kvartal 4 2026, oktober–december',
      viewerActions: ['registrera'],
    });
    const personal = view.budget.find((position) => position.category === 'Personal');
    expect(personal?.granted).toBe(680_000);
    expect(personal?.remaining).toBe(680_000 - (personal?.invoiced ?? 0));
    expect(personal?.invoiced).toBeGreaterThan(0);
  });

  it('lets the styrgrupp, the kansli and the board read it, with no buttons for those who may not act', async () => {
    const f = await invoicingFixture();

    for (const reader of ['jenny.karlberg', 'david.ekstrom', 'elin.forsberg', 'gunilla.axelsson'] as const) {
      const view = await getRequisitionForViewer(f.deps, aad(reader), OPEN_QUARTER);
      expect(view.periodKey).toBe(OPEN_QUARTER);
    }
    expect((await getRequisitionForViewer(f.deps, aad('david.ekstrom'), OPEN_QUARTER)).viewerActions).toEqual([]);
    expect((await getRequisitionForViewer(f.deps, aad('gunilla.axelsson'), OPEN_QUARTER)).viewerActions).toEqual([]);
  });

  it('refuses someone with no role in the insats, and says plainly when there is no such quarter', async () => {
    const f = await invoicingFixture();

    const outsider = await refusal(getRequisitionForViewer(f.deps, aad('robert.sjolund'), OPEN_QUARTER));
    expect(outsider.code).toBe('FORBIDDEN');

    const missing = await refusal(getRequisitionForViewer(f.deps, aad('emma.strom'), 'nova-2027-q9'));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', userMessage: 'Det finns ingen rekvisition NOVA-2027-Q9.' });
    const garbage = await refusal(getRequisitionForViewer(f.deps, aad('emma.strom'), "NOVA' or 1 eq 1"));
    expect(garbage.code).toBe('NOT_FOUND');
  });

  it('does not offer "granska" to the ekonom who registered the invoice', async () => {
    const f = await invoicingFixture();
    await registerRequisition(f.deps, aad('mattias.ekholm'), OPEN_QUARTER, INVOICE);

    const view = await getRequisitionForViewer(f.deps, aad('mattias.ekholm'), OPEN_QUARTER);

    expect(view.viewerActions).toEqual(['avvisa']);
  });
});

describe('the invoicing inbox', () => {
  it('shows the projektledare the quarters due within 30 days or sent back, soonest first', async () => {
    const early = await invoicingFixture();
    expect((await listRequisitionInbox(early.deps, aad('emma.strom'))).items).toEqual([]);

    const f = await invoicingFixture('2027-01-05T09:00:00Z');
    const { items } = await listRequisitionInbox(f.deps, aad('emma.strom'));
    expect(items.map((item) => `${item.periodKey} ${item.status} ${item.viewerActions.join(',')}`)).toEqual([
      `${OPEN_QUARTER} Förväntad registrera`,
    ]);

    await registerRequisition(f.deps, aad('emma.strom'), OPEN_QUARTER, INVOICE);
    expect((await listRequisitionInbox(f.deps, aad('emma.strom'))).items).toEqual([]);
    await advanceRequisition(f.deps, aad('mattias.ekholm'), OPEN_QUARTER, { action: 'avvisa', reason: 'Fel period' });
    const sentBack = (await listRequisitionInbox(f.deps, aad('emma.strom'))).items;
    expect(sentBack.map((item) => [item.periodKey, item.status, item.rejectionReason])).toEqual([
      [OPEN_QUARTER, 'Avvisad', 'Fel period'],
    ]);
  });

  it('shows the ekonom what to review and to pay, and the förbundschef what to attest', async () => {
    const f = await invoicingFixture();

    const ekonom = (await listRequisitionInbox(f.deps, aad('mattias.ekholm'))).items;
    // the demo: NOVA and FIA Q3 2026 came in, ENTER and HFE Q3 2026 are attested
    expect(ekonom.map((item) => `${item.periodKey} ${item.status} ${item.viewerActions.join(',')}`).sort()).toEqual([
      'ENTER-2026-Q3 Attesterad betala',
      'FIA-2026-Q3 Inkommen granska,avvisa',
      'HFE-2026-Q3 Attesterad betala',
      'NOVA-2026-Q3 Inkommen granska,avvisa',
    ]);
    expect(ekonom.map((item) => item.dueDate)).toEqual([...ekonom.map((item) => item.dueDate)].sort());
    expect((await listRequisitionInbox(f.deps, aad('karin.vallgren'))).items).toEqual([]);

    await advanceRequisition(f.deps, aad('mattias.ekholm'), 'NOVA-2026-Q3', { action: 'granska' });
    const chef = (await listRequisitionInbox(f.deps, aad('karin.vallgren'))).items;
    expect(chef.map((item) => `${item.periodKey} ${item.viewerActions.join(',')}`)).toEqual([
      'NOVA-2026-Q3 attestera,avvisa',
    ]);
  });

  it('has nothing for a board member or a styrgrupp member, and never reads the whole register', async () => {
    const f = await invoicingFixture('2027-01-05T09:00:00Z');
    f.demo.interventions.list = () => Promise.reject(new Error('the inbox must not list every insats'));

    expect((await listRequisitionInbox(f.deps, aad('gunilla.axelsson'))).items).toEqual([]);
    expect((await listRequisitionInbox(f.deps, aad('david.ekstrom'))).items).toEqual([]);
  });
});
