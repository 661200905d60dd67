/**
 * What the fuzz suite (test/fuzz/) found in the approvals API, each pinned by the input that found
 * it: a personnummer in `{ reason }` was answered "Skriv varför ärendet återkallas." (the guard's
 * message was lost in a union), as was a reason too long; a body that was a list or of the wrong
 * type was answered in English ("Invalid input: expected object, received array"); a plan's
 * description and a budget change's motivering were checked by the free-text guard but stored as
 * sent, control characters and bidi overrides included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

let api: ApiHarness;
let openApprovalId = '';

beforeAll(async () => {
  api = await startApiHarness();
  const open = await api.repos.approvals.listByStatus('Pågår');
  openApprovalId = open[0]?.id ?? '';
  expect(openApprovalId).not.toBe('');
});

afterAll(async () => {
  await api?.close();
});

describe('withdrawing an approval', () => {
  it('with a personnummer in { reason } is refused with the guard’s message (found by: {"reason":"19000101-0008"})', async () => {
    const answer = await api.call('karin.vallgren', 'POST', `/api/beslut/${openApprovalId}/aterkalla`, {
      reason: '19000101-0008',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toContain('personnummer');
    expect((await api.repos.approvals.findById(openApprovalId))?.status).toBe('Pågår');
  });

  it('with a reason too long says how long it may be, not to write one', async () => {
    const answer = await api.call('karin.vallgren', 'POST', `/api/beslut/${openApprovalId}/aterkalla`, {
      reason: 'x'.repeat(1001),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toMatch(/högst 1\s000 tecken/);
  });

  it('without a reason, or with one of the wrong type, asks for one', async () => {
    for (const body of [{}, { reason: 12 }, []]) {
      const answer = await api.call('karin.vallgren', 'POST', `/api/beslut/${openApprovalId}/aterkalla`, body);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.message).toBe('Skriv varför ärendet återkallas.');
    }
    const blank = await api.call('karin.vallgren', 'POST', `/api/beslut/${openApprovalId}/aterkalla`, { reason: '  ' });
    expect(blank.body.error?.message).toBe('"Skäl" måste fyllas i.');
  });
});

describe('the approvals API answers in Swedish', () => {
  it.each([
    ['POST', '/api/beslut', []],
    ['POST', '/api/beslut', { insats: 12, subject: 'Planändring', summary: ['x'] }],
    ['POST', '/api/beslut', { insats: 'NOVA', subject: 'Budgetändring', summary: 'x', change: [] }],
    ['POST', '/api/beslut', { insats: 'NOVA', subject: 'Planändring', summary: 'x', plan: 'x' }],
    ['POST', '/api/beslut/1/rost', []],
    ['POST', '/api/beslut/1/rost', { decision: 'Godkänn', comment: 12 }],
  ])('%s %s %j', async (method, path, body) => {
    const answer = await api.call('karin.vallgren', method, path, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).not.toMatch(/invalid input|expected|received/i);
  });
});

describe('a lookup by a code that is half a character', () => {
  it('is a 404, not a 500 (found by: POST /api/beslut {"insats":"\\ud800", …} — encodeURIComponent threw building the $filter)', async () => {
    const answer = await api.call('karin.vallgren', 'POST', '/api/beslut', {
      insats: '\ud800',
      subject: 'Ansökan',
      summary: 'Ändrad plan för höstens grupper',
    });
    expect(answer.status).toBe(404);
    const insats = await api.call('karin.vallgren', 'GET', `/api/insatser?sok=${encodeURIComponent('x')}`);
    expect(insats.status).toBe(200);
  });
});

describe('a new matter’s texts are stored as the guard made them', () => {
  it('a plan’s description without control characters or bidi overrides', async () => {
    const answer = await api.call('karin.vallgren', 'POST', '/api/beslut', {
      insats: 'NOVA',
      subject: 'Planändring',
      summary: 'Ändrad plan för hösten',
      plan: { beskrivning: 'Träffarna\u0000 flyttas\u202e till torsdagar\ud800', mindre: true },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect((answer.body.planChange as { description: string }).description).toBe('Träffarna flyttas till torsdagar');
  });
});
