/**
 * The routes the Teams tab needs, over HTTP against the local SharePoint with the demo: the dev
 * sign-in picker (/api/personer), the member organisations, the portfolio overview scoped by who
 * is asking, the insats detail's people, organisation names, history and stage history, and the
 * kansli's settings screen — with the Graph requests each read costs, from the request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/domain/app-error.ts';
import { addDays } from '../../../src/domain/calendar/iso-date.ts';
import type { NewRequisition } from '../../../src/domain/entities/requisition.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { type ApiAnswer, type ApiHarness, startApiHarness } from './api-harness.ts';

type Person = {
  aadObjectId: string;
  name: string;
  group: string;
  roles: Array<{ role: string; interventionCode: string | null; memberOrg: string | null }>;
};
type Overview = {
  today: string;
  stages: Array<{ stage: string; count: number }>;
  years: Array<{ year: number; granted: number; invoiced: number }>;
  deadlines: Array<{ periodKey: string; code: string; dueDate: string; status: string }>;
  totals: { granted: number; invoiced: number };
};
type Detail = {
  people: Array<{ aadObjectId: string; name: string; role: string; memberOrg: string | null }>;
  members: Array<{ id: string; name: string }>;
  audit: Array<{ at: string; actorName: string | null; action: string; entityList: string; summary: string }>;
  stageHistory: Array<{ at: string; from: string; to: string; actorName: string | null }>;
};
type Log = { lastSeq: number; entries: Array<{ method: string; path: string; route: string; inBatch: boolean }> };

let api: ApiHarness;
let ids: Record<'NOVA' | 'ENTER' | 'SAMSYN', string>;
let notificationsListId: string;

beforeAll(async () => {
  api = await startApiHarness();
  const idOf = async (code: string) => (await api.repos.interventions.findByCode(code))?.id ?? '';
  ids = { NOVA: await idOf('NOVA'), ENTER: await idOf('ENTER'), SAMSYN: await idOf('SAMSYN') };
  // the outbox poller reads Utskick every 30 s on its own: its requests are not the route's
  const lists = (await (
    await fetch(`${api.app.localSharePointUrl}/v1.0/sites/root/lists`, { headers: { authorization: 'Bearer x' } })
  ).json()) as { value: Array<{ id: string; displayName: string }> };
  notificationsListId = lists.value.find((list) => list.displayName === 'Utskick')?.id ?? 'no such list';
}, 120_000);

afterAll(async () => {
  await api?.close();
});

/** the call and the Graph requests it made (HTTP requests; a $batch counts once) */
async function counted(
  as: PersonKey | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ answer: ApiAnswer; requests: number; routes: string[] }> {
  const base = `${api.app.localSharePointUrl}/_emulator/requests`;
  const before = ((await (await fetch(`${base}?limit=0`)).json()) as Log).lastSeq;
  const answer = await api.call(as, method, path, body);
  const log = (await (await fetch(`${base}?since=${before}&limit=10000`)).json()) as Log;
  const entries = log.entries.filter((entry) => !entry.inBatch && !entry.path.includes(notificationsListId));
  return { answer, requests: entries.length, routes: entries.map((entry) => entry.route) };
}

/** an open requisition row for a test, under a far-off year so it meets no real quarter */
async function openRow(code: keyof typeof ids, quarter: number, dueDate: string, status: 'Förväntad' | 'Avvisad') {
  const row: NewRequisition = {
    interventionId: ids[code],
    year: 2090,
    quarter,
    periodKey: `${code}-2090-Q${quarter}`,
    dueDate,
    status,
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  };
  return api.repos.requisitions.create(row);
}

describe('GET /api/personer (AUTH_MODE=dev)', () => {
  it('lists everyone who can sign in, once each, grouped kansli → … → projektledare, by name in each group', async () => {
    const { answer, requests } = await counted(null, 'GET', '/api/personer');
    expect(answer.status).toBe(200);
    const people = answer.body.personer as Person[];
    const groups = [
      'Kansli',
      'Styrelse',
      'Beredningsgrupp',
      'Firmatecknare',
      'Styrgrupp',
      'Projektledare och projektägare',
    ];
    expect([...new Set(people.map((person) => person.group))]).toEqual(groups);
    for (const group of groups) {
      const names = people.filter((person) => person.group === group).map((person) => person.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    }
    expect(new Set(people.map((person) => person.aadObjectId.toLowerCase())).size).toBe(people.length);
    const byName = (name: string) => people.find((person) => person.name === name);
    expect(people[0]?.group).toBe('Kansli');
    expect(byName('Karin Vallgren')).toMatchObject({
      group: 'Kansli',
      roles: [{ role: 'Förbundschef', interventionCode: null, memberOrg: null }],
    });
    expect(byName('Gunilla Axelsson')?.roles.map((role) => `${role.role} ${role.memberOrg}`)).toEqual([
      'Ordförande Region Kronoberg',
      'Styrelseledamot Region Kronoberg',
    ]);
    expect(byName('Emma Ström')).toMatchObject({
      group: 'Projektledare och projektägare',
      roles: [{ role: 'Projektledare', interventionCode: 'NOVA', memberOrg: 'Växjö kommun' }],
    });
    // a processledare who also leads an application is kansli first
    expect(byName('Sofia Lindahl')?.group).toBe('Kansli');
    expect(byName('Jenny Karlberg')?.group).toBe('Styrgrupp');
    // everyone listed can sign in as listed
    const ida = byName('Ida Wallin');
    expect(ida).toBeDefined();
    const me = await api.call(null, 'GET', '/api/me', undefined, { authorization: `Bearer dev:${ida?.aadObjectId}` });
    expect(me.status).toBe(200);
    // Roller, Insatser and Medlemmar, once each
    expect(requests).toBe(3);
  });
});

describe('GET /api/medlemmar', () => {
  it('gives any signed-in person the member organisations by name, and no one else', async () => {
    expect((await api.call(null, 'GET', '/api/medlemmar')).status).toBe(401);
    const answer = await api.call('emma.strom', 'GET', '/api/medlemmar');
    expect(answer.status).toBe(200);
    const members = answer.body.medlemmar as Array<{ id: string; name: string; orgType: string; active: boolean }>;
    expect(members).toHaveLength(7);
    expect(members.map((member) => member.name)).toEqual(
      [...members.map((member) => member.name)].sort((a, b) => a.localeCompare(b, 'sv')),
    );
    expect(members.find((member) => member.name === 'Region Kronoberg')).toMatchObject({
      orgType: 'Region',
      active: true,
    });
  });
});

describe('GET /api/oversikt', () => {
  it('shows the kansli and the board everything, a projektledare her own insats only', async () => {
    const today = ((await api.call('karin.vallgren', 'GET', '/api/oversikt')).body as Overview).today;
    await openRow('NOVA', 1, addDays(today, -10), 'Förväntad');
    await openRow('NOVA', 2, addDays(today, -45), 'Förväntad');
    // more than a year overdue: an anomaly for the register, not a deadline
    await openRow('NOVA', 4, addDays(today, -400), 'Förväntad');
    await openRow('NOVA', 3, addDays(today, 3), 'Avvisad');
    await openRow('ENTER', 1, addDays(today, 20), 'Förväntad');

    const karin = await counted('karin.vallgren', 'GET', '/api/oversikt');
    expect(karin.answer.status).toBe(200);
    const all = karin.answer.body as Overview;
    const insatser = (await api.repos.interventions.list()).length;
    expect(all.stages.reduce((sum, row) => sum + row.count, 0)).toBe(insatser);
    expect(all.stages).toHaveLength(15);
    const mine = (all.deadlines ?? []).filter((row) => row.periodKey.includes('-2090-'));
    expect(mine.map((row) => `${row.periodKey} ${row.status}`)).toEqual([
      'NOVA-2090-Q2 Förväntad',
      'NOVA-2090-Q1 Förväntad',
      'NOVA-2090-Q3 Avvisad',
      'ENTER-2090-Q1 Förväntad',
    ]);
    // the caller (1) and Insatser, Budgetposter, Rekvisitioner once each
    expect(karin.requests).toBeLessThanOrEqual(4);

    const board = (await api.call('gunilla.axelsson', 'GET', '/api/oversikt')).body as Overview;
    expect(board.totals).toEqual(all.totals);

    const emma = (await api.call('emma.strom', 'GET', '/api/oversikt')).body as Overview;
    expect(emma.stages.filter((row) => row.count > 0)).toEqual([{ stage: 'Pågående', count: 1 }]);
    expect(new Set(emma.deadlines.map((row) => row.code))).toEqual(new Set(['NOVA']));
    // her years are NOVA's own: its budget and its invoices that came in
    const novaLines = await api.repos.budgetLines.listByIntervention(ids.NOVA);
    const novaInvoiced = (await api.repos.requisitions.listByIntervention(ids.NOVA))
      .filter((row) => ['Inkommen', 'Granskad', 'Attesterad', 'Betald'].includes(row.status))
      .reduce((sum, row) => sum + (row.amount ?? 0), 0);
    expect(emma.totals).toEqual({
      granted: novaLines.reduce((sum, line) => sum + line.amount, 0),
      invoiced: novaInvoiced,
    });
    expect(emma.years.map((row) => row.year)).toEqual([...emma.years.map((row) => row.year)].sort());
    expect(all.totals.granted).toBeGreaterThan(emma.totals.granted);
  });

  it('answers 401 without a sign-in', async () => {
    expect((await api.call(null, 'GET', '/api/oversikt')).status).toBe(401);
  });
});

describe('the register view and the anomalies, read whole', () => {
  it('cost the same few Graph requests however many insatser there are (each list read once)', async () => {
    const insatser = (await api.repos.interventions.list()).length;
    expect(insatser).toBeGreaterThanOrEqual(10);
    for (const path of ['/api/register', '/api/avvikelser']) {
      const { answer, requests } = await counted('karin.vallgren', 'GET', path);
      expect(answer.status).toBe(200);
      // the caller, seven lists, two libraries' drive items: it was three requests per insats more
      expect(requests).toBeLessThanOrEqual(12);
      expect(requests).toBeLessThan(insatser * 3);
    }
  });
});

describe('GET /api/insatser/:id — people, organisations and history', () => {
  it('names the people and organisations of NOVA', async () => {
    const answer = await api.call('karin.vallgren', 'GET', `/api/insatser/${ids.NOVA}`);
    expect(answer.status).toBe(200);
    const detail = answer.body as unknown as Detail;
    expect(detail.people[0]).toMatchObject({ name: 'Emma Ström', role: 'Projektledare', memberOrg: 'Växjö kommun' });
    expect(detail.people.filter((person) => person.role === 'Styrgrupp').map((person) => person.name)).toEqual([
      'David Ekström',
      'Jenny Karlberg',
      'Nina Holmberg',
      'Sara Nyberg',
    ]);
    expect(detail.people.find((person) => person.role === 'Projektägare')?.name).toBe('Jenny Karlberg');
    const insats = answer.body.insats as { ownerOrgId: string; partnerOrgIds: string[] };
    expect(detail.members.map((member) => member.id)).toEqual([
      insats.ownerOrgId,
      ...insats.partnerOrgIds.filter((id) => id !== insats.ownerOrgId),
    ]);
    expect(detail.members.every((member) => member.name.length > 0)).toBe(true);
  });

  it('shows what happened to the insats, its approvals and its requisitions, newest first, without comments', async () => {
    const started = await api.call('karin.vallgren', 'POST', '/api/beslut', {
      insats: 'NOVA',
      subject: 'Budgetändring',
      summary: 'Flytta 10 000 kr från personal till kompetensutveckling.',
      change: {
        year: 2027,
        moves: [{ from: 'Personal', to: 'Kompetensutveckling', amount: 10_000 }],
        motivering: 'Handledning.',
      },
    });
    expect(started.status).toBe(201);
    const voted = await api.call('jenny.karlberg', 'POST', `/api/beslut/${String(started.body.approvalId)}/rost`, {
      decision: 'Godkänn',
      comment: 'Hemlig kommentar från styrgruppen',
    });
    expect(voted.status).toBe(200);
    const row = await expectedNovaQuarter();
    const registered = await api.call('emma.strom', 'POST', `/api/rekvisitioner/${row}/registrera`, {
      invoiceNumber: 'VK-TAB-1',
      amount: '12 500',
      specification: { Personal: '12 500' },
    });
    expect(registered.status).toBe(200);

    const { answer, requests, routes } = await counted('emma.strom', 'GET', `/api/insatser/${ids.NOVA}`);
    expect(answer.status).toBe(200);
    const detail = answer.body as unknown as Detail;
    expect(detail.audit.slice(0, 3).map((entry) => `${entry.summary} | ${entry.actorName}`)).toEqual([
      `Rekvisition ${row} registrerad (12\u00a0500\u00a0kr) | Emma Ström`,
      'Röst: Godkänn | Jenny Karlberg',
      'Beslut begärt: Budgetändring till styrgruppen | Karin Vallgren',
    ]);
    expect(detail.audit.map((entry) => entry.entityList)).toEqual(
      expect.arrayContaining(['Requisitions', 'Approvals']),
    );
    const times = detail.audit.map((entry) => entry.at);
    expect(times).toEqual([...times].sort().reverse());
    // the history says what happened, never what was written (the vote itself is under approvals)
    expect(JSON.stringify(detail.audit)).not.toContain('Hemlig kommentar');
    // the caller and the insats (2); its rows and the two lists at once (7, and a $batch per
    // library with files: NOVA's samarbetsavtal); then each approval's votes and AuditLog (one
    // query per twenty entity ids) at once. Without people and history NOVA took 14 (no approvals); now 11 plus one per approval.
    const approvals = (answer.body.approvals as unknown[]).length;
    const entities = 1 + approvals + (answer.body.requisitions as unknown[]).length;
    expect(requests, routes.join('\n')).toBeLessThanOrEqual(11 + approvals + Math.ceil(entities / 20));
  });

  it('derives the stage history from the insats’s own stage changes', async () => {
    const created = await api.call('emma.strom', 'POST', '/api/insatser', {
      title: 'Fliktest',
      code: 'FLIKTEST',
      stage: 'Idé',
    });
    expect(created.status).toBe(201);
    const id = (created.body.insats as { id: string }).id;
    expect((await api.call('emma.strom', 'POST', `/api/insatser/${id}/skede`, { till: 'Ansökan' })).status).toBe(200);
    expect((await api.call('emma.strom', 'PATCH', `/api/insatser/${id}`, { purpose: 'Syftet.' })).status).toBe(200);
    const detail = (await api.call('emma.strom', 'GET', `/api/insatser/${id}`)).body as unknown as Detail;
    expect(detail.stageHistory).toEqual([
      { at: expect.any(String), from: 'Idé', to: 'Ansökan', actorName: 'Emma Ström' },
    ]);
    expect(detail.audit.map((entry) => entry.summary)).toEqual([
      'Ändrat: syfte',
      'Skede: Idé → Ansökan',
      'Insatsen skapad som Idé',
    ]);
    expect(detail.people).toEqual([
      { aadObjectId: demoPerson('emma.strom').aadObjectId, name: 'Emma Ström', role: 'Projektledare', memberOrg: null },
    ]);
  });

  it('keeps a projektledare to her own insats', async () => {
    expect((await api.call('emma.strom', 'GET', `/api/insatser/${ids.ENTER}`)).status).toBe(403);
    expect((await api.call('emma.strom', 'GET', '/api/insatser/98765')).status).toBe(404);
  });
});

/** NOVA's expected row for Q4 2026 (the demo stops at Q3; a sweep may have made it already) */
async function expectedNovaQuarter(): Promise<string> {
  const periodKey = 'NOVA-2026-Q4';
  if ((await api.repos.requisitions.findByPeriodKey(periodKey)) === null) {
    try {
      await api.repos.requisitions.create({
        interventionId: ids.NOVA,
        year: 2026,
        quarter: 4,
        periodKey,
        dueDate: '2027-01-20',
        status: 'Förväntad',
        amount: null,
        specification: null,
        receivedDate: null,
        invoiceNumber: null,
      });
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT')) {
        throw error;
      }
    }
  }
  return periodKey;
}

describe('GET and PUT /api/installningar', () => {
  const settingsAudit = async () =>
    (await api.repos.auditLog.listByEntity('installningar')).filter((entry) => entry.entityList === 'Settings');

  it('shows the kansli and the board the settings in force; others get 403', async () => {
    const { answer, requests } = await counted('karin.vallgren', 'GET', '/api/installningar');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      installningar: {
        dueRule: { q1: '04-30', q2: '07-31', q3: '10-31', q4: '01-20' },
        reminderOffsets: [10, 5, 1],
        escalationOffset: 1,
        sendTime: '08:00',
        changeThresholdPercent: 10,
      },
      keys: { dueRule: 'faktura.forfalloregel', changeThresholdPercent: 'andring.grans-procent' },
      problems: [],
      mayEdit: true,
    });
    expect(requests).toBeLessThanOrEqual(2);
    const board = await api.call('gunilla.axelsson', 'GET', '/api/installningar');
    expect(board.status).toBe(200);
    expect(board.body.mayEdit).toBe(false);
    const emma = await api.call('emma.strom', 'GET', '/api/installningar');
    expect(emma.status).toBe(403);
    expect(emma.body.error?.message).toBe('Inställningarna visas för kansliet och styrelsen.');
  });

  it('refuses a bad body field by field in Swedish and stores nothing', async () => {
    const before = await api.repos.settings.getAll();
    const auditBefore = (await settingsAudit()).length;
    const bad = await api.call('mattias.ekholm', 'PUT', '/api/installningar', {
      dueRule: { q1: '02-30', q2: '07-31', q3: '10-31', q4: '01-20' },
      reminderOffsets: [10, 0],
      escalationOffset: 'en',
      sendTime: '8 på morgonen',
      changeThresholdPercent: 150,
      diarium: 'SFV',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('INVALID_INPUT');
    expect(bad.body.error?.message).toContain('Inställningarna är inte giltiga');
    expect(bad.body.error?.details?.fields).toMatchObject({
      'dueRule.q1': 'är ingen dag i året',
      'reminderOffsets.1': 'ska vara minst 1',
      sendTime: 'ska vara ett klockslag på formen TT:MM, t.ex. 08:00',
      changeThresholdPercent: 'ska vara en procentsats mellan 0 och 100, t.ex. 10',
      diarium: 'Fältet finns inte eller får inte ändras här.',
    });
    expect(bad.body.error?.details?.fields).toHaveProperty('escalationOffset');
    // one good field beside a bad one: still nothing
    const mixed = await api.call('mattias.ekholm', 'PUT', '/api/installningar', {
      sendTime: '07:00',
      escalationOffset: 0,
    });
    expect(mixed.status).toBe(400);
    expect(Object.keys(mixed.body.error?.details?.fields ?? {})).toEqual(['escalationOffset']);
    expect(await api.repos.settings.getAll()).toEqual(before);
    expect((await settingsAudit()).length).toBe(auditBefore);
  });

  it('lets the kansli change some keys: only those are written, with one audit row', async () => {
    const { answer, requests } = await counted('sofia.lindahl', 'PUT', '/api/installningar', {
      reminderOffsets: [1, 5, 10, 3],
      sendTime: '7.30',
      escalationOffset: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      changed: ['paminnelse.arbetsdagar-fore', 'paminnelse.klockslag'],
      installningar: { reminderOffsets: [10, 5, 3, 1], sendTime: '07:30', escalationOffset: 1 },
    });
    expect(await api.repos.settings.get('paminnelse.arbetsdagar-fore')).toBe('[10,5,3,1]');
    expect(await api.repos.settings.get('paminnelse.klockslag')).toBe('07:30');
    expect(await api.repos.settings.get('eskalering.arbetsdagar-efter')).toBe('1');
    const [row] = (await settingsAudit()).filter((entry) => entry.action === 'installningar.andrad');
    expect(row).toMatchObject({
      actorAadId: demoPerson('sofia.lindahl').aadObjectId,
      details: {
        changes: [
          { key: 'paminnelse.arbetsdagar-fore', from: '[10,5,1]', to: '[10,5,3,1]' },
          { key: 'paminnelse.klockslag', from: '08:00', to: '07:30' },
        ],
      },
    });
    // the caller, the settings, two keys (find + write each), the audit row
    expect(requests).toBeLessThanOrEqual(7);

    const again = await api.call('sofia.lindahl', 'PUT', '/api/installningar', { sendTime: '07:30' });
    expect(again.body.changed).toEqual([]);
    expect((await settingsAudit()).filter((entry) => entry.action === 'installningar.andrad')).toHaveLength(1);
    const read = await api.call('gunilla.axelsson', 'GET', '/api/installningar');
    expect(read.body.installningar).toMatchObject({ sendTime: '07:30', reminderOffsets: [10, 5, 3, 1] });
  });

  it('refuses the board (403, logged as nekad) and stores nothing', async () => {
    const before = await api.repos.settings.getAll();
    const refused = await api.call('gunilla.axelsson', 'PUT', '/api/installningar', { changeThresholdPercent: 20 });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('Bara kansliet kan ändra inställningarna.');
    expect(await api.repos.settings.getAll()).toEqual(before);
    expect((await settingsAudit()).map((entry) => `${entry.action} ${entry.actorAadId}`)).toContain(
      `nekad ${demoPerson('gunilla.axelsson').aadObjectId}`,
    );
    expect((await api.call('emma.strom', 'PUT', '/api/installningar', { sendTime: '09:00' })).status).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('documents the new routes, /api/personer without sign-in', async () => {
    const document = await api.call(null, 'GET', '/api/openapi.json');
    const paths = document.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/personer', '/api/medlemmar', '/api/oversikt', '/api/installningar']),
    );
    expect(Object.keys(paths['/api/installningar'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(paths['/api/personer']?.get?.security).toEqual([]);
    expect(JSON.stringify(paths['/api/insatser/{id}'])).toContain('stageHistory');
  });
});
