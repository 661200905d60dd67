/**
 * The approvals API over HTTP against the real local SharePoint, on the demo förbund: Karin asks
 * for a budget change of NOVA, its styrgrupp votes, a minor change goes to Karin herself (a
 * delegationsbeslut the board can read), a larger one to the styrelse; the budget lines change
 * only when the last body approves. Outsiders get 403 with an audit row, bad bodies 400 per field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type ApiAnswer, type ApiHarness, startApiHarness } from './api-harness.ts';

const STYRGRUPP_NOVA: readonly PersonKey[] = ['jenny.karlberg', 'david.ekstrom', 'sara.nyberg', 'nina.holmberg'];
/** one per member organisation: the ledamot, except Region Kronoberg where the ersättare votes */
const BOARD_MAJORITY: readonly PersonKey[] = ['lars.hedstrom', 'camilla.noren', 'henrik.blom', 'tomas.wikstrom'];

let api: ApiHarness;
let novaId: string;

beforeAll(async () => {
  api = await startApiHarness();
  novaId = (await api.repos.interventions.findByCode('NOVA'))?.id ?? '';
}, 120_000);

afterAll(async () => {
  await api?.close();
});

async function budget2027(): Promise<Record<string, number>> {
  const lines = await api.repos.budgetLines.listByIntervention(novaId);
  return Object.fromEntries(lines.filter((line) => line.year === 2027).map((line) => [line.category, line.amount]));
}

function change(amount: number) {
  return {
    insats: 'NOVA',
    subject: 'Budgetändring',
    summary: `Flytta ${amount} kr från personal till ${amount > 82_000 ? 'material' : 'kompetensutveckling'}.`,
    change: {
      year: 2027,
      moves: [{ from: 'Personal', to: amount > 82_000 ? 'Material' : 'Kompetensutveckling', amount }],
      motivering: 'Handledning och utrustning.',
    },
  };
}

async function vote(as: PersonKey, id: string, decision = 'Godkänn'): Promise<ApiAnswer> {
  return api.call(as, 'POST', `/api/beslut/${id}/rost`, { decision });
}

function view(answer: ApiAnswer): Record<string, unknown> {
  return answer.body.view as Record<string, unknown>;
}

describe('a budget change through the API', () => {
  it('minor: styrgrupp (Alla) → förbundschefen on delegation; the budget lines change once she approves', async () => {
    const before = await budget2027();
    const started = await api.call('karin.vallgren', 'POST', '/api/beslut', change(40_000));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ stage: 'Styrgrupp', rule: 'Alla', status: 'Pågår', amount: 40_000 });
    const firstId = String(started.body.approvalId);
    // a card for each of the four styrgrupp members went to the outbox
    for (const member of STYRGRUPP_NOVA) {
      const key = `approval:${firstId}:card:${demoPerson(member).aadObjectId.toLowerCase()}`;
      expect(await api.repos.notifications.findByKey(key)).not.toBeNull();
    }

    for (const member of STYRGRUPP_NOVA.slice(0, 3)) {
      expect(view(await vote(member, firstId))).toMatchObject({ status: 'Pågår' });
    }
    const last = await vote('nina.holmberg', firstId);
    expect(last.status).toBe(200);
    expect(view(last)).toMatchObject({ status: 'Godkänd', nextStageTitle: 'förbundschefen' });

    const mine = await api.call('karin.vallgren', 'GET', '/api/beslut');
    const items = mine.body.items as Array<Record<string, unknown>>;
    const second = items.find((item) => item.stage === 'Förbundschef');
    expect(second).toMatchObject({ rule: 'Först svarande', viewer: { awaited: true } });
    expect(await budget2027()).toEqual(before);

    const decided = await vote('karin.vallgren', String(second?.approvalId));
    expect(view(decided)).toMatchObject({ status: 'Godkänd', delegationDecision: true });
    expect(await budget2027()).toEqual({
      ...before,
      Personal: (before.Personal ?? 0) - 40_000,
      Kompetensutveckling: (before.Kompetensutveckling ?? 0) + 40_000,
    });
    const delegated = await api.call('gunilla.axelsson', 'GET', '/api/delegationsbeslut');
    expect((delegated.body.items as Array<Record<string, unknown>>).map((item) => item.approvalId)).toContain(
      second?.approvalId,
    );
  });

  it('major: styrgrupp → styrelsen, one vote per member organisation, an ersättare counted', async () => {
    const before = await budget2027();
    const started = await api.call('sofia.lindahl', 'POST', '/api/beslut', change(100_000));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ budgetChange: { minor: false } });
    const firstId = String(started.body.approvalId);
    for (const member of STYRGRUPP_NOVA) {
      await vote(member, firstId);
    }
    const boardRow = (await api.repos.approvals.listByIntervention(novaId)).find((row) => row.previousId === firstId);
    expect(boardRow).toMatchObject({ stage: 'Styrelse', rule: 'En per medlemsorganisation', status: 'Pågår' });
    const boardId = boardRow?.id ?? '';

    for (const member of BOARD_MAJORITY.slice(0, 3)) {
      expect(view(await vote(member, boardId))).toMatchObject({ status: 'Pågår' });
    }
    const decided = await vote('tomas.wikstrom', boardId);
    expect(view(decided)).toMatchObject({ status: 'Godkänd', tally: { unit: 'organisationer', approve: 4, total: 7 } });
    expect(await budget2027()).toEqual({
      ...before,
      Personal: (before.Personal ?? 0) - 100_000,
      Material: (before.Material ?? 0) + 100_000,
    });
    // Gunilla (ledamot, REGION) votes after the decision: closed, nothing stored
    const late = await vote('gunilla.axelsson', boardId, 'Avslå');
    expect(late.body.result).toBe('closed');
    expect(await api.repos.votes.listByApproval(boardId)).toHaveLength(4);
  });
});

describe('refusals', () => {
  it('403 for someone not entitled, with an AuditLog row; 400 per field; 404; a repeated vote changes nothing', async () => {
    const emma = await api.call('emma.strom', 'POST', '/api/beslut', change(10_000));
    expect(emma.status).toBe(403);
    expect(emma.body.error).toMatchObject({ code: 'FORBIDDEN', message: 'Bara kansliet kan begära ett beslut.' });

    const bad = await api.call('karin.vallgren', 'POST', '/api/beslut', { insats: 'NOVA', subject: 'Budgetändring' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('Sammanfattning');

    const started = await api.call('karin.vallgren', 'POST', '/api/beslut', {
      insats: 'NOVA',
      subject: 'Planändring',
      summary: 'Träffarna flyttas till torsdagar.',
      plan: { beskrivning: 'Träffarna flyttas till torsdagar.', mindre: true },
    });
    expect(started.status).toBe(201);
    const id = String(started.body.approvalId);

    const outsider = await vote('emma.strom', id);
    expect(outsider.status).toBe(403);
    const refusals = (await api.repos.auditLog.listByEntity(id)).filter((entry) => entry.action === 'nekad');
    expect(refusals).toEqual([expect.objectContaining({ actorAadId: demoPerson('emma.strom').aadObjectId })]);

    expect((await vote('jenny.karlberg', id)).body.result).toBe('recorded');
    const again = await vote('jenny.karlberg', id, 'Avslå');
    expect(again.status).toBe(200);
    expect(again.body.result).toBe('already-voted');
    expect((await api.repos.votes.listByApproval(id)).map((row) => row.decision)).toEqual(['Godkänn']);

    expect((await api.call('karin.vallgren', 'GET', '/api/beslut/98765')).status).toBe(404);
    expect((await api.call('emma.strom', 'GET', '/api/delegationsbeslut')).status).toBe(403);
    expect((await api.call('jenny.karlberg', 'POST', `/api/beslut/${id}/aterkalla`, { reason: 'Nej' })).status).toBe(
      403,
    );
    const withdrawn = await api.call('karin.vallgren', 'POST', `/api/beslut/${id}/aterkalla`, {
      reason: 'Tas upp i höst i stället.',
    });
    expect(withdrawn.body).toMatchObject({ status: 'Återkallad', withdrawnReason: 'Tas upp i höst i stället.' });
  });

  it('the OpenAPI document lists the approval routes', async () => {
    const document = await api.call(null, 'GET', '/api/openapi.json');
    expect(Object.keys(document.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/beslut', '/api/beslut/{id}', '/api/beslut/{id}/rost', '/api/delegationsbeslut']),
    );
  });
});
