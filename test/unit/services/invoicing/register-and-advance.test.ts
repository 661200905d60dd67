import { beforeEach, describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../../../src/domain/app-error.ts';
import { overdueKey, reminderKey } from '../../../../src/domain/invoicing/reminder-plan.ts';
import { advanceRequisition } from '../../../../src/services/invoicing/advance-requisition.ts';
import { registerRequisition } from '../../../../src/services/invoicing/register-requisition.ts';
import { aad } from '../bot-queries/demo-fixture.ts';
import { type InvoicingFixture, invoicingFixture, OPEN_QUARTER } from './invoicing-fixture.ts';

const EMMA = aad('emma.strom');
const MATTIAS = aad('mattias.ekholm');
const KARIN = aad('karin.vallgren');
const GUNILLA = aad('gunilla.axelsson');
const SOFIA = aad('sofia.lindahl');
/** projektledare of ENTER: no role in NOVA */
const ROBERT = aad('robert.sjolund');
/** a second ekonom and an acting förbundschef who is also ekonom, for separation of duties */
const ANNA = 'aaaaaaaa-1111-4111-8111-000000000001';
const OLLE = 'aaaaaaaa-1111-4111-8111-000000000002';

/** an invoice within NOVA's 2026 budget, typed as a Swede would */
const INVOICE = {
  invoiceNumber: ' VK-2026-00912 ',
  amount: '110 500,50 kr',
  specification: { Personal: '100 000', Lokaler: '10\u00a0500,50', Material: '' },
};

let f: InvoicingFixture;

beforeEach(async () => {
  f = await invoicingFixture();
});

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

async function auditActions(): Promise<string[]> {
  const row = await f.openQuarter();
  return (await f.demo.auditLog.listByEntity(row.id))
    .filter((entry) => entry.entityList === 'Requisitions')
    .map((entry) => `${entry.action} ${entry.actorAadId}`);
}

async function addKansli(
  aadObjectId: string,
  name: string,
  roles: ('Ekonom' | 'Förbundschef')[],
  validTo: string | null = null,
) {
  for (const role of roles) {
    await f.demo.roleAssignments.create({
      name,
      aadObjectId,
      email: null,
      role,
      memberOrgId: null,
      interventionId: null,
      validFrom: '2020-01-01',
      validTo,
    });
  }
}

describe('registering a quarter’s invoice', () => {
  it('stores the invoice as Inkommen, logs it and asks the ekonom to review it', async () => {
    const view = await registerRequisition(f.deps, EMMA, 'nova-2026-q4', INVOICE);

    const row = await f.openQuarter();
    expect(row).toMatchObject({
      status: 'Inkommen',
      amount: 110_500.5,
      specification: { Personal: 100_000, Lokaler: 10_500.5 },
      receivedDate: '2026-11-24',
      invoiceNumber: 'VK-2026-00912',
      overBudget: false,
      budgetWarning: null,
      rejectionReason: null,
    });
    expect(view).toMatchObject({ periodKey: OPEN_QUARTER, status: 'Inkommen', viewerAadId: EMMA, viewerActions: [] });
    expect(view.etag).toBe(row.etag);
    expect(await auditActions()).toEqual([`rekvisition.registrerad ${EMMA}`]);
    const [entry] = await f.demo.auditLog.listByEntity(row.id);
    expect(entry?.details).toMatchObject({
      periodKey: OPEN_QUARTER,
      from: 'Förväntad',
      to: 'Inkommen',
      amount: 110_500.5,
    });

    expect(f.sentTo('mattias.ekholm')).toEqual([`to-review ${OPEN_QUARTER} Inkommen [granska,avvisa]`]);
    expect(f.sent).toHaveLength(1);
    expect(f.sent[0]?.request).toMatchObject({
      key: `req:${OPEN_QUARTER}:to-review:${entry?.id}:${MATTIAS}`,
      kind: 'Information',
      recipientAadId: MATTIAS,
    });
  });

  it('flags an overdrawn budget post for the ekonom instead of refusing the invoice', async () => {
    await registerRequisition(f.deps, EMMA, OPEN_QUARTER, {
      invoiceNumber: 'VK-1',
      amount: 300_000,
      specification: { Personal: 300_000 },
    });

    const row = await f.openQuarter();
    expect(row.status).toBe('Inkommen');
    expect(row.overBudget).toBe(true);
    expect(row.budgetWarning).toMatch(/^Personal: .* över det som återstår/);
    expect(f.sent[0]?.shown.view).toMatchObject({ overBudget: true, budgetWarning: row.budgetWarning });
  });

  it('refuses a total that is not the sum of the posts, naming both, and stores nothing', async () => {
    const before = await f.openQuarter();
    const error = await refusal(
      registerRequisition(f.deps, EMMA, OPEN_QUARTER, {
        invoiceNumber: 'VK-1',
        amount: '300 000',
        specification: { Personal: '290 000', Lokaler: '8 000' },
      }),
    );

    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.fields).toEqual({
      total: 'Totalen 300\u00a0000\u00a0kr stämmer inte med summan av posterna 298\u00a0000\u00a0kr.',
    });
    expect(error.userMessage).toContain('Totalen 300\u00a0000\u00a0kr stämmer inte');
    expect(await f.openQuarter()).toEqual(before);
    expect(await auditActions()).toEqual([]);
    expect(f.sent).toEqual([]);
  });

  it('gives one Swedish message per bad field at once', async () => {
    const error = await refusal(
      registerRequisition(f.deps, EMMA, OPEN_QUARTER, {
        invoiceNumber: '',
        receivedDate: '2026-11-25',
        amount: '12,345',
        specification: { Personal: '-5', Resor: '100' },
      }),
    );

    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details?.fields).toEqual({
      fakturanummer: '"Fakturanummer" måste fyllas i.',
      inkom: 'Fakturan kan inte ha kommit in 2026-11-25: det är i framtiden (i dag är det 2026-11-24).',
      total: 'Totalen får ha högst två decimaler (ören).',
      Personal: 'Personal får inte vara negativt.',
      Resor:
        '"Resor" är ingen budgetpost. Budgetposterna är Personal, Lokaler, Kompetensutveckling, Utvärdering, Material, Övrigt.',
    });
    expect((await f.openQuarter()).status).toBe('Förväntad');
  });

  it('refuses a date before the quarter began, a personnummer in the invoice number and an empty specification', async () => {
    const error = await refusal(
      registerRequisition(f.deps, EMMA, OPEN_QUARTER, {
        invoiceNumber: 'faktura 19811218-9876',
        receivedDate: '2024-12-31',
        amount: 0,
        specification: { Personal: 0 },
      }),
    );

    const fields = (error.details?.fields ?? {}) as Record<string, string>;
    expect(Object.keys(fields).sort()).toEqual(['fakturanummer', 'inkom', 'specifikation']);
    expect(error.userMessage).not.toContain('19811218');
    expect(fields.inkom).toContain('långt före kvartalet (2026-10-01). Stämmer året?');
  });

  it('refuses a quarter that is already registered', async () => {
    const error = await refusal(registerRequisition(f.deps, EMMA, 'NOVA-2026-Q3', INVOICE));

    expect(error.code).toBe('INVALID_STATE');
    expect(error.userMessage).toBe(
      'Rekvisitionen har status Inkommen; den kan bara bli Inkommen från Förväntad eller Avvisad.',
    );
  });

  it('refuses an outsider, logs the refusal and stores nothing', async () => {
    const before = await f.openQuarter();
    // a board member holds no role that registers; a projektledare of another insats none in this one
    for (const [outsider, message] of [
      [GUNILLA, 'Bara insatsens projektledare eller projektägare, eller kansliet kan göra det.'],
      [ROBERT, 'Du har ingen roll i den här insatsen.'],
    ] as const) {
      const error = await refusal(registerRequisition(f.deps, outsider, OPEN_QUARTER, INVOICE));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.userMessage).toBe(message);
    }

    expect(await f.openQuarter()).toEqual(before);
    expect(await auditActions()).toEqual([`nekad ${GUNILLA}`, `nekad ${ROBERT}`]);
    expect(f.sent).toEqual([]);
  });

  it('lets the kansli register on the insats’s behalf', async () => {
    const view = await registerRequisition(f.deps, SOFIA, OPEN_QUARTER, INVOICE);

    expect(view.status).toBe('Inkommen');
    expect(await auditActions()).toEqual([`rekvisition.registrerad ${SOFIA}`]);
  });

  it('answers a stale etag with PRECONDITION_FAILED and keeps the newer row', async () => {
    const read = await f.openQuarter();
    // the kansli moves the due day in SharePoint meanwhile
    await f.demo.requisitions.update(read.id, { dueDate: '2027-01-19' });

    const error = await refusal(registerRequisition(f.deps, EMMA, OPEN_QUARTER, { ...INVOICE, etag: read.etag }));

    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.userMessage).toContain('har ändrats sedan du läste den');
    expect(await f.openQuarter()).toMatchObject({ status: 'Förväntad', dueDate: '2027-01-19' });
    expect(await auditActions()).toEqual([]);
  });

  it('updates the reminder and overdue cards already sent, so they stop asking for the invoice', async () => {
    for (const key of [reminderKey(OPEN_QUARTER, 10), reminderKey(OPEN_QUARTER, 5), overdueKey(OPEN_QUARTER)]) {
      await f.demo.notifications.claim({
        title: key,
        key,
        kind: 'Påminnelse',
        recipientAadId: EMMA,
        status: 'Skickad',
        attempts: 1,
        activityId: 'a1',
        conversationId: null,
        lastError: null,
        notBefore: '2026-11-20T07:00:00Z',
        payload: null,
      });
    }

    await registerRequisition(f.deps, EMMA, OPEN_QUARTER, INVOICE);

    const byKey = Object.fromEntries(f.updated.map((entry) => [entry.key, entry.shown]));
    expect(Object.keys(byKey).sort()).toEqual(
      [reminderKey(OPEN_QUARTER, 10), reminderKey(OPEN_QUARTER, 5), overdueKey(OPEN_QUARTER)].sort(),
    );
    expect(byKey[reminderKey(OPEN_QUARTER, 5)]).toMatchObject({
      kind: 'reminder',
      workingDaysLeft: 5,
      view: { status: 'Inkommen', viewerAadId: EMMA, invoiceNumber: 'VK-2026-00912' },
    });
    expect(byKey[overdueKey(OPEN_QUARTER)]).toMatchObject({
      kind: 'overdue-projektledare',
      view: { status: 'Inkommen' },
    });
  });

  it('keeps the registration when the message to the ekonom cannot be sent', async () => {
    f.failNotify(true);

    const view = await registerRequisition(f.deps, EMMA, OPEN_QUARTER, INVOICE);

    expect(view.status).toBe('Inkommen');
    expect((await f.openQuarter()).status).toBe('Inkommen');
    expect(f.logs.some((line) => line.level === 'warn' && line.message.includes('requisition message'))).toBe(true);
  });
});

describe('the review chain', () => {
  it('runs Inkommen → Granskad → Attesterad → Betald with each step logged and the next person told', async () => {
    // an ekonom whose post has ended hears nothing
    await addKansli(ANNA, 'Anna Före', ['Ekonom'], '2025-12-31');
    await registerRequisition(f.deps, EMMA, OPEN_QUARTER, INVOICE);

    const reviewed = await advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, { action: 'granska' });
    expect(reviewed).toMatchObject({ status: 'Granskad', viewerActions: ['avvisa'] });
    expect(f.sentTo('karin.vallgren')).toEqual([`to-attest ${OPEN_QUARTER} Granskad [attestera,avvisa]`]);
    // Mattias's "granska" card now shows the invoice reviewed
    expect(f.updated.map((entry) => entry.shown)).toEqual([
      expect.objectContaining({
        kind: 'to-review',
        view: expect.objectContaining({ status: 'Granskad', viewerAadId: MATTIAS }),
      }),
    ]);

    const attested = await advanceRequisition(f.deps, KARIN, 'Nova-2026-Q4', { action: 'attestera' });
    expect(attested.status).toBe('Attesterad');

    const paid = await advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, { action: 'betala' });
    expect(paid).toMatchObject({ status: 'Betald', viewerActions: [] });
    expect((await f.openQuarter()).status).toBe('Betald');

    expect(await auditActions()).toEqual([
      `rekvisition.registrerad ${EMMA}`,
      `rekvisition.granskad ${MATTIAS}`,
      `rekvisition.attesterad ${KARIN}`,
      `rekvisition.betald ${MATTIAS}`,
    ]);
    expect(f.sentTo('mattias.ekholm')).toEqual([
      `to-review ${OPEN_QUARTER} Inkommen [granska,avvisa]`,
      `to-pay ${OPEN_QUARTER} Attesterad [betala]`,
    ]);
    expect(f.sentTo('emma.strom')).toEqual([]);
    expect(f.sent.map((entry) => entry.request.recipientAadId)).not.toContain(ANNA);
  });

  it('refuses a step out of order or by the wrong role', async () => {
    await registerRequisition(f.deps, EMMA, OPEN_QUARTER, INVOICE);

    const early = await refusal(advanceRequisition(f.deps, KARIN, OPEN_QUARTER, { action: 'attestera' }));
    expect(early.code).toBe('INVALID_STATE');
    const wrongRole = await refusal(advanceRequisition(f.deps, EMMA, OPEN_QUARTER, { action: 'granska' }));
    expect(wrongRole).toMatchObject({ code: 'FORBIDDEN', userMessage: 'Bara ekonomen kan göra det.' });
    const unknown = await refusal(advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, { action: 'radera' }));
    expect(unknown.details?.fields).toEqual({ åtgärd: 'Åtgärden ska vara granska, attestera, betala eller avvisa.' });

    expect((await f.openQuarter()).status).toBe('Inkommen');
    expect(await auditActions()).toEqual([`rekvisition.registrerad ${EMMA}`, `nekad ${EMMA}`]);
  });

  it('does not let whoever registered the invoice review or attest it, nor the reviewer attest it', async () => {
    await addKansli(ANNA, 'Anna Ekonom', ['Ekonom']);
    await addKansli(OLLE, 'Olle Tf', ['Ekonom', 'Förbundschef']);

    // the ekonom registers on the insats's behalf: another ekonom must review
    await registerRequisition(f.deps, MATTIAS, OPEN_QUARTER, INVOICE);
    expect(f.sent.map((entry) => entry.request.recipientAadId).sort()).toEqual([ANNA, OLLE].sort());
    const selfReview = await refusal(advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, { action: 'granska' }));
    expect(selfReview).toMatchObject({
      code: 'FORBIDDEN',
      userMessage: 'Den som registrerade fakturan får inte också granska den.',
    });

    await advanceRequisition(f.deps, OLLE, OPEN_QUARTER, { action: 'granska' });
    // the reviewer is also förbundschef, but may not attest what they reviewed: only Karin is asked
    expect(
      f.sent.filter((entry) => entry.shown.kind === 'to-attest').map((entry) => entry.request.recipientAadId),
    ).toEqual([KARIN]);
    const selfAttest = await refusal(advanceRequisition(f.deps, OLLE, OPEN_QUARTER, { action: 'attestera' }));
    expect(selfAttest.userMessage).toBe('Den som granskade fakturan får inte också attestera den.');

    await advanceRequisition(f.deps, KARIN, OPEN_QUARTER, { action: 'attestera' });
    expect((await f.openQuarter()).status).toBe('Attesterad');
    expect(await auditActions()).toEqual([
      `rekvisition.registrerad ${MATTIAS}`,
      `nekad ${MATTIAS}`,
      `rekvisition.granskad ${OLLE}`,
      `nekad ${OLLE}`,
      `rekvisition.attesterad ${KARIN}`,
    ]);
  });

  it('does not let the förbundschef attest an invoice she registered', async () => {
    await registerRequisition(f.deps, KARIN, OPEN_QUARTER, INVOICE);
    await advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, { action: 'granska' });

    const error = await refusal(advanceRequisition(f.deps, KARIN, OPEN_QUARTER, { action: 'attestera' }));

    expect(error.userMessage).toBe('Den som registrerade fakturan får inte också attestera den.');
    expect((await f.openQuarter()).status).toBe('Granskad');
  });

  it('sends an invoice back only with a reason, tells the projektledare, and takes a corrected one', async () => {
    await registerRequisition(f.deps, EMMA, OPEN_QUARTER, {
      invoiceNumber: 'VK-1',
      amount: 300_000,
      specification: { Personal: 300_000 },
    });

    const noReason = await refusal(
      advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, { action: 'avvisa', reason: ' ' }),
    );
    expect(noReason.code).toBe('INVALID_INPUT');
    expect(noReason.details?.fields).toHaveProperty('skäl');
    expect((await f.openQuarter()).status).toBe('Inkommen');

    const rejected = await advanceRequisition(f.deps, MATTIAS, OPEN_QUARTER, {
      action: 'avvisa',
      reason: 'Personalkostnaden överstiger budgeten; skicka en rättad faktura.',
    });
    expect(rejected.status).toBe('Avvisad');
    expect(await f.openQuarter()).toMatchObject({
      status: 'Avvisad',
      rejectionReason: 'Personalkostnaden överstiger budgeten; skicka en rättad faktura.',
    });
    expect(f.sentTo('emma.strom')).toEqual([`rejected ${OPEN_QUARTER} Avvisad [registrera]`]);
    expect(f.sent.at(-1)?.shown.view.rejectionReason).toContain('Personalkostnaden');

    const corrected = await registerRequisition(f.deps, EMMA, OPEN_QUARTER, {
      ...INVOICE,
      invoiceNumber: 'VK-2',
      etag: rejected.etag,
    });
    expect(corrected.status).toBe('Inkommen');
    expect(await f.openQuarter()).toMatchObject({
      invoiceNumber: 'VK-2',
      rejectionReason: null,
      overBudget: false,
      budgetWarning: null,
    });
    expect(f.sentTo('mattias.ekholm')).toEqual([
      `to-review ${OPEN_QUARTER} Inkommen [granska,avvisa]`,
      `to-review ${OPEN_QUARTER} Inkommen [granska,avvisa]`,
    ]);
    expect(new Set(f.sent.map((entry) => entry.request.key)).size).toBe(f.sent.length);
    expect(await auditActions()).toEqual([
      `rekvisition.registrerad ${EMMA}`,
      `rekvisition.avvisad ${MATTIAS}`,
      `rekvisition.registrerad ${EMMA}`,
    ]);
  });
});
