/**
 * The invoicing API over HTTP against the real local SharePoint: Emma registers NOVA's open
 * quarter, Mattias reviews, Karin attests, Mattias pays; the board may not register; bad bodies
 * answer 400 per field; a stale eTag answers 412; every step leaves its AuditLog row and its
 * outbox row for the next person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/domain/app-error.ts';
import type { Requisition } from '../../../src/domain/entities/requisition.ts';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

const OPEN = 'NOVA-2026-Q4';
const EMMA = demoPerson('emma.strom').aadObjectId;
const MATTIAS = demoPerson('mattias.ekholm').aadObjectId;
const KARIN = demoPerson('karin.vallgren').aadObjectId;
const GUNILLA = demoPerson('gunilla.axelsson').aadObjectId;

let api: ApiHarness;

/**
 * An expected (Förväntad) row of NOVA. The demo's requisitions stop at Q3 2026; the app's sweep
 * may have added later quarters already, so take the row when it is there.
 */
async function expectedRow(quarter: { year: number; quarter: number; dueDate: string }): Promise<Requisition> {
  const periodKey = `NOVA-${quarter.year}-Q${quarter.quarter}`;
  const existing = await api.repos.requisitions.findByPeriodKey(periodKey);
  if (existing !== null) {
    return existing;
  }
  const nova = await api.repos.interventions.findByCode('NOVA');
  if (nova === null) {
    throw new Error('the demo has no NOVA');
  }
  try {
    return await api.repos.requisitions.create({
      interventionId: nova.id,
      year: quarter.year,
      quarter: quarter.quarter,
      periodKey,
      dueDate: quarter.dueDate,
      status: 'Förväntad',
      amount: null,
      specification: null,
      receivedDate: null,
      invoiceNumber: null,
    });
  } catch (error) {
    // the sweep created it in between
    const raced =
      isAppError(error) && error.code === 'CONFLICT' ? await api.repos.requisitions.findByPeriodKey(periodKey) : null;
    if (raced === null) {
      throw error;
    }
    return raced;
  }
}

function openQuarter(): Promise<Requisition> {
  return expectedRow({ year: 2026, quarter: 4, dueDate: '2027-01-20' });
}

async function auditOf(requisitionId: string): Promise<string[]> {
  return (await api.repos.auditLog.listByEntity(requisitionId))
    .filter((entry) => entry.entityList === 'Requisitions')
    .map((entry) => `${entry.action} ${entry.actorAadId}`);
}

beforeAll(async () => {
  api = await startApiHarness();
}, 60_000);

afterAll(async () => {
  await api?.close();
});

describe('the invoicing API', () => {
  it('carries NOVA’s open quarter from registration to payment', async () => {
    const row = await openQuarter();

    const before = await api.call('emma.strom', 'GET', '/api/rekvisitioner/nova-2026-q4');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ periodKey: OPEN, status: 'Förväntad', viewerActions: ['registrera'] });

    const registered = await api.call('emma.strom', 'POST', `/api/rekvisitioner/${OPEN}/registrera`, {
      invoiceNumber: 'VK-2026-00912',
      receivedDate: '2026-11-20',
      amount: '110 500,50 kr',
      specification: { Personal: '100 000', Lokaler: '10 500,50' },
      etag: before.body.etag,
    });
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({
      status: 'Inkommen',
      amount: 110_500.5,
      specification: { Personal: 100_000, Lokaler: 10_500.5 },
      receivedDate: '2026-11-20',
      invoiceNumber: 'VK-2026-00912',
      overBudget: false,
      viewerActions: [],
    });

    const inbox = await api.call('mattias.ekholm', 'GET', '/api/rekvisitioner');
    expect(inbox.status).toBe(200);
    const items = inbox.body.items as Array<{ periodKey: string; viewerActions: string[] }>;
    expect(items.find((item) => item.periodKey === OPEN)?.viewerActions).toEqual(['granska', 'avvisa']);

    const reviewed = await api.call('mattias.ekholm', 'POST', `/api/rekvisitioner/${OPEN}/status`, {
      action: 'granska',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('Granskad');

    // the reviewer may not attest, and is not förbundschef anyway; Karin attests
    const attested = await api.call('karin.vallgren', 'POST', `/api/rekvisitioner/${OPEN}/status`, {
      action: 'attestera',
    });
    expect(attested.status).toBe(200);
    expect(attested.body.status).toBe('Attesterad');

    const paid = await api.call('mattias.ekholm', 'POST', `/api/rekvisitioner/${OPEN}/status`, { action: 'betala' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'Betald', viewerActions: [] });

    expect((await api.repos.requisitions.findByPeriodKey(OPEN))?.status).toBe('Betald');
    const audit = await auditOf(row.id);
    expect(audit).toEqual([
      `rekvisition.registrerad ${EMMA}`,
      `rekvisition.granskad ${MATTIAS}`,
      `rekvisition.attesterad ${KARIN}`,
      `rekvisition.betald ${MATTIAS}`,
    ]);
    // each step's message to the next person is in the outbox (not delivered: nobody has installed the bot)
    const entries = (await api.repos.auditLog.listByEntity(row.id)).filter(
      (entry) => entry.entityList === 'Requisitions',
    );
    const [registration, review, attest] = entries;
    for (const [key, recipient] of [
      [`req:${OPEN}:to-review:${registration?.id}:${MATTIAS}`, MATTIAS],
      [`req:${OPEN}:to-attest:${review?.id}:${KARIN}`, KARIN],
      [`req:${OPEN}:to-pay:${attest?.id}:${MATTIAS}`, MATTIAS],
    ] as const) {
      expect((await api.repos.notifications.findByKey(key))?.recipientAadId.toLowerCase()).toBe(
        recipient.toLowerCase(),
      );
    }
  });

  it('refuses the board registering an invoice (403), logs the refusal and stores nothing', async () => {
    const other = await api.call('emma.strom', 'GET', '/api/rekvisitioner/NOVA-2026-Q3');
    expect(other.status).toBe(200);

    const refused = await api.call('gunilla.axelsson', 'POST', '/api/rekvisitioner/NOVA-2026-Q3/status', {
      action: 'granska',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('Bara ekonomen kan göra det.');

    const row = await openQuarter();
    const registering = await api.call('gunilla.axelsson', 'POST', `/api/rekvisitioner/${OPEN}/registrera`, {
      invoiceNumber: 'X-1',
      amount: 1,
      specification: { Övrigt: 1 },
    });
    expect(registering.status).toBe(403);
    expect(registering.body.error?.code).toBe('FORBIDDEN');
    expect((await auditOf(row.id)).at(-1)).toBe(`nekad ${GUNILLA}`);
    expect((await api.repos.requisitions.findByPeriodKey('NOVA-2026-Q3'))?.status).toBe('Inkommen');
  });

  it('answers bad bodies with 400 and a Swedish message per field, and never 500', async () => {
    const q3 = await api.repos.requisitions.findByPeriodKey('FIA-2026-Q3');
    const target = await expectedRow({ year: 2027, quarter: 4, dueDate: '2028-01-20' });

    const mismatch = await api.call('emma.strom', 'POST', '/api/rekvisitioner/NOVA-2027-Q4/registrera', {
      invoiceNumber: 'VK-1',
      receivedDate: '2025-12-31',
      amount: '300 000',
      specification: { Personal: '290 000', Lokaler: '8 000' },
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error?.details?.fields).toEqual({
      total: 'Totalen 300\u00a0000\u00a0kr stämmer inte med summan av posterna 298\u00a0000\u00a0kr.',
      inkom: 'Fakturan kan inte ha kommit in 2025-12-31: det är långt före kvartalet (2027-10-01). Stämmer året?',
    });
    expect(mismatch.body.error?.message).toContain('Fakturan kunde inte registreras');

    const unknownPost = await api.call('emma.strom', 'POST', '/api/rekvisitioner/nova-2027-q4/registrera', {
      invoiceNumber: 'VK-1',
      amount: 5,
      specification: { Resor: 5 },
    });
    expect(unknownPost.status).toBe(400);
    expect(unknownPost.body.error?.details?.fields).toMatchObject({
      Resor: expect.stringContaining('ingen budgetpost'),
    });

    for (const body of [null, 'text', [1, 2], { amount: { nested: true } }, { specification: 'Personal' }]) {
      const answer = await api.call('emma.strom', 'POST', '/api/rekvisitioner/NOVA-2027-Q4/registrera', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('INVALID_INPUT');
    }
    const noReason = await api.call('mattias.ekholm', 'POST', '/api/rekvisitioner/FIA-2026-Q3/status', {
      action: 'avvisa',
    });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error?.details?.fields ?? {})).toEqual(['skäl']);

    expect((await api.repos.requisitions.findByPeriodKey('NOVA-2027-Q4'))?.etag).toBe(target.etag);
    expect((await api.repos.requisitions.findByPeriodKey('FIA-2026-Q3'))?.etag).toBe(q3?.etag);
  });

  it('answers 404 for a quarter that does not exist, 409 for a step out of order and 412 for a stale etag', async () => {
    const missing = await api.call('emma.strom', 'GET', '/api/rekvisitioner/nova-2027-q9');
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toBe('Det finns ingen rekvisition NOVA-2027-Q9.');
    const garbage = await api.call('emma.strom', 'GET', `/api/rekvisitioner/${encodeURIComponent("x' or 1 eq 1")}`);
    expect(garbage.status).toBe(404);

    const early = await api.call('karin.vallgren', 'POST', '/api/rekvisitioner/FIA-2026-Q3/status', {
      action: 'attestera',
    });
    expect(early.status).toBe(409);

    const fia = await api.call('mattias.ekholm', 'GET', '/api/rekvisitioner/FIA-2026-Q3');
    const row = await api.repos.requisitions.findByPeriodKey('FIA-2026-Q3');
    // the kansli edits the row in SharePoint after Mattias opened it
    await api.repos.requisitions.update(row?.id ?? '', { invoiceNumber: 'AK-2026-00999' });
    const stale = await api.call(
      'mattias.ekholm',
      'POST',
      '/api/rekvisitioner/FIA-2026-Q3/status',
      { action: 'granska' },
      { 'if-match': String(fia.body.etag) },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error?.message).toContain('har ändrats sedan du läste den');
    expect((await api.repos.requisitions.findByPeriodKey('FIA-2026-Q3'))?.status).toBe('Inkommen');
  });

  it('describes the routes in the OpenAPI document', async () => {
    const document = await api.call('emma.strom', 'GET', '/api/openapi.json');
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/api/rekvisitioner',
        '/api/rekvisitioner/{periodKey}',
        '/api/rekvisitioner/{periodKey}/registrera',
        '/api/rekvisitioner/{periodKey}/status',
      ]),
    );
    expect(paths['/api/rekvisitioner/{periodKey}/registrera']?.post).toMatchObject({
      requestBody: {
        content: { 'application/json': { schema: { required: ['invoiceNumber', 'amount', 'specification'] } } },
      },
      responses: expect.objectContaining({ '412': expect.anything() }),
    });
  });
});
