/**
 * The SharePoint repositories against the local SharePoint on a freshly provisioned site:
 * round trips through Graph field shapes, finders on indexed columns (the emulator refuses any
 * other filter, as SharePoint does), unique keys → CONFLICT, stale eTags → PRECONDITION_FAILED,
 * and rows broken by a kansli edit skipped and reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewIntervention } from '../../../src/domain/entities/intervention.ts';
import type { NewRequisition } from '../../../src/domain/entities/requisition.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import type { RowIssue } from '../../../src/sharepoint/repositories/invalid-row.ts';
import type { ListKey } from '../../../src/sharepoint/schema.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

const LEADER = '3f0c8a52-6b1e-5d47-9a2c-81e4f0b7d613';
const OTHER = '9b7e2d14-0c5a-5f83-8e61-2a4d9c0f7b35';

let sp: LocalSharePointForTests;
let repos: Repositories;
let listIds: Record<ListKey, string>;
const reported: Array<{ listKey: ListKey; itemId: string; issues: readonly RowIssue[] }> = [];
const memberIds: string[] = [];

function intervention(code: string, overrides: Partial<NewIntervention> = {}): NewIntervention {
  return {
    title: `Insats ${code}`,
    code,
    kind: 'Individinriktad',
    stage: 'Pågående',
    ownerOrgId: memberIds[0] ?? null,
    partnerOrgIds: memberIds.slice(0, 2),
    projectLeaderAadId: LEADER,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    grantedAmount: 2_460_000,
    decisionDate: '2024-11-21',
    decisionRef: '§ 50',
    // DiaryNumber is unique: one per insats
    diaryNumber: `SFV 2024/${code}`,
    followUpRegistered: true,
    purpose: 'Att unga vuxna ska närma sig arbete eller studier.',
    background: null,
    goals: '90 deltagare; 35 % av kvinnorna och 35 % av männen går vidare.',
    targetGroup: null,
    methods: null,
    staffing: null,
    anchoring: null,
    implementationPlan: null,
    ...overrides,
  };
}

function requisition(interventionId: string, year: number, quarter: number, code = 'NOVA'): NewRequisition {
  return {
    interventionId,
    year,
    quarter,
    periodKey: `${code}-${year}-Q${quarter}`,
    dueDate: quarter === 4 ? `${year + 1}-01-20` : `${year}-${['04-30', '07-31', '10-30'][quarter - 1]}`,
    status: 'Förväntad',
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  };
}

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const provisioned = await provisionSchema(sp.graph, sp.siteId);
  listIds = provisioned.listIds;
  repos = createRepositories(
    sp.graph,
    { siteId: sp.siteId, listIds, driveIds: provisioned.driveIds },
    { onInvalidRow: (listKey, itemId, issues) => reported.push({ listKey, itemId, issues }) },
  );
  const created = await repos.members.createMany([
    { name: 'Växjö kommun', orgType: 'Kommun', financingSharePct: 17.5, active: true },
    { name: 'Arbetsförmedlingen', orgType: 'Stat', financingSharePct: 25, active: true },
    { name: 'Region Kronoberg', orgType: 'Region', financingSharePct: 25, active: true },
  ]);
  for (const result of created) {
    if (!result.ok) {
      throw result.error;
    }
    memberIds.push(result.value.id);
  }
});

afterAll(async () => {
  await sp.close();
});

describe('members', () => {
  it('lists what was created and updates with an eTag; a stale eTag is refused', async () => {
    const members = await repos.members.list();
    expect(members.map((member) => member.name)).toEqual(['Växjö kommun', 'Arbetsförmedlingen', 'Region Kronoberg']);
    const vaxjo = members[0];
    if (vaxjo === undefined) {
      throw new Error('no member');
    }
    expect(vaxjo).toMatchObject({ orgType: 'Kommun', financingSharePct: 17.5, active: true });
    const updated = await repos.members.update(vaxjo.id, { financingSharePct: 17.25 }, { etag: vaxjo.etag });
    expect(updated.financingSharePct).toBe(17.25);
    expect(updated.etag).not.toBe(vaxjo.etag);
    await expect(repos.members.update(vaxjo.id, { active: false }, { etag: vaxjo.etag })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect((await repos.members.list())[0]?.active).toBe(true);
  });
});

describe('interventions', () => {
  it('round-trips every column, the multi lookup included', async () => {
    const created = await repos.interventions.create(intervention('NOVA'));
    expect(created).toMatchObject({ ...intervention('NOVA'), id: expect.any(String), etag: expect.any(String) });
    const read = await repos.interventions.findById(created.id);
    expect(read).toEqual(created);
    expect(read?.partnerOrgIds).toEqual(memberIds.slice(0, 2));

    const widened = await repos.interventions.update(created.id, { partnerOrgIds: memberIds }, { etag: created.etag });
    expect(widened.partnerOrgIds).toEqual(memberIds);
    expect((await repos.interventions.findByCode('NOVA'))?.partnerOrgIds).toEqual(memberIds);
    const cleared = await repos.interventions.update(created.id, { partnerOrgIds: [], purpose: null });
    expect(cleared).toMatchObject({ partnerOrgIds: [], purpose: null });
  });

  it('refuses a second insats with the same code, and a stale eTag', async () => {
    await expect(repos.interventions.create(intervention('NOVA'))).rejects.toMatchObject({ code: 'CONFLICT' });
    const nova = await repos.interventions.findByCode('NOVA');
    if (nova === null) {
      throw new Error('no NOVA');
    }
    const moved = await repos.interventions.update(nova.id, { stage: 'Avslutas' }, { etag: nova.etag });
    await expect(repos.interventions.update(nova.id, { stage: 'Avbruten' }, { etag: nova.etag })).rejects.toMatchObject(
      {
        code: 'PRECONDITION_FAILED',
      },
    );
    expect((await repos.interventions.findById(nova.id))?.stage).toBe('Avslutas');
    await repos.interventions.update(nova.id, { stage: 'Pågående' }, { etag: moved.etag });
  });

  it('finds by indexed Code, Stage, ProjectLeaderAadId and EndDate', async () => {
    await repos.interventions.createMany([
      intervention('ENTER', { endDate: '2026-12-31', projectLeaderAadId: OTHER }),
      intervention('SAMSYN', { stage: 'Förslag till styrelsen', grantedAmount: null, endDate: '2028-12-31' }),
      intervention('STEGTIN', { stage: 'Inkommen', grantedAmount: null, projectLeaderAadId: null, endDate: null }),
    ]);
    const codes = (rows: Array<{ code: string }>) => rows.map((row) => row.code).sort();
    expect(await repos.interventions.findByCode('nope')).toBeNull();
    expect(await repos.interventions.findById('9999')).toBeNull();
    expect(codes(await repos.interventions.listByStages(['Pågående']))).toEqual(['ENTER', 'NOVA']);
    expect(codes(await repos.interventions.listByStages(['Inkommen', 'Förslag till styrelsen']))).toEqual([
      'SAMSYN',
      'STEGTIN',
    ]);
    expect(codes(await repos.interventions.listByProjectLeader(LEADER))).toEqual(['NOVA', 'SAMSYN']);
    expect(codes(await repos.interventions.listEndingOnOrBefore('2026-12-31'))).toEqual(['ENTER']);
    expect(codes(await repos.interventions.listEndingOnOrBefore('2027-12-31'))).toEqual(['ENTER', 'NOVA']);
    expect(await repos.interventions.list()).toHaveLength(4);
  });
});

describe('role assignments', () => {
  it('finds by person, role and insats, and deletes', async () => {
    const nova = await repos.interventions.findByCode('NOVA');
    const base = {
      name: 'Emma Ström',
      aadObjectId: LEADER,
      email: 'emma.strom@vaxjo.example',
      memberOrgId: memberIds[0] ?? null,
      validFrom: '2025-01-01',
      validTo: null,
    };
    const [leader, steering, board] = await Promise.all([
      repos.roleAssignments.create({ ...base, role: 'Projektledare', interventionId: nova?.id ?? null }),
      repos.roleAssignments.create({
        ...base,
        aadObjectId: OTHER,
        name: 'David Ekström',
        role: 'Styrgrupp',
        interventionId: nova?.id ?? null,
      }),
      repos.roleAssignments.create({
        ...base,
        aadObjectId: OTHER,
        name: 'David Ekström',
        role: 'Styrelseledamot',
        interventionId: null,
      }),
    ]);
    expect(leader).toMatchObject({
      role: 'Projektledare',
      interventionId: nova?.id,
      validFrom: '2025-01-01',
      validTo: null,
    });
    const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id).sort();
    expect(ids(await repos.roleAssignments.listByAadObjectId(OTHER))).toEqual(ids([steering, board]));
    expect(ids(await repos.roleAssignments.listByRole('Styrelseledamot'))).toEqual([board.id]);
    expect(ids(await repos.roleAssignments.listByIntervention(nova?.id ?? ''))).toEqual(ids([leader, steering]));

    const ended = await repos.roleAssignments.update(board.id, { validTo: '2026-12-31' }, { etag: board.etag });
    expect(ended.validTo).toBe('2026-12-31');
    await expect(repos.roleAssignments.delete(board.id, { etag: board.etag })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await repos.roleAssignments.delete(board.id, { etag: ended.etag });
    expect(ids(await repos.roleAssignments.listByRole('Styrelseledamot'))).toEqual([]);
  });
});

describe('budget lines', () => {
  it('are read per insats, updated and deleted', async () => {
    const nova = await repos.interventions.findByCode('NOVA');
    const enter = await repos.interventions.findByCode('ENTER');
    const results = await repos.budgetLines.createMany([
      { interventionId: nova?.id ?? '', year: 2025, category: 'Personal', amount: 680_000 },
      { interventionId: nova?.id ?? '', year: 2025, category: 'Lokaler', amount: 60_000 },
      { interventionId: enter?.id ?? '', year: 2026, category: 'Personal', amount: 640_000 },
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const lines = await repos.budgetLines.listByIntervention(nova?.id ?? '');
    expect(lines.map((line) => [line.year, line.category, line.amount])).toEqual([
      [2025, 'Personal', 680_000],
      [2025, 'Lokaler', 60_000],
    ]);
    const lokaler = lines[1];
    if (lokaler === undefined) {
      throw new Error('no line');
    }
    expect((await repos.budgetLines.update(lokaler.id, { amount: 55_000 })).amount).toBe(55_000);
    await repos.budgetLines.delete(lokaler.id);
    expect(await repos.budgetLines.listByIntervention(nova?.id ?? '')).toHaveLength(1);
    expect(await repos.budgetLines.list()).toHaveLength(2);
  });
});

describe('requisitions', () => {
  it('have a unique PeriodKey, and the sweep finds rows by Status and DueDate', async () => {
    const nova = await repos.interventions.findByCode('NOVA');
    const id = nova?.id ?? '';
    const results = await repos.requisitions.createMany([
      requisition(id, 2026, 4),
      requisition(id, 2027, 1),
      requisition(id, 2027, 2),
      requisition(id, 2027, 1),
    ]);
    expect(results.map((result) => (result.ok ? result.value.periodKey : result.error.code))).toEqual([
      'NOVA-2026-Q4',
      'NOVA-2027-Q1',
      'NOVA-2027-Q2',
      'CONFLICT',
    ]);
    await expect(repos.requisitions.create(requisition(id, 2027, 2))).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: 'Det finns redan en rekvisition för den perioden.',
    });

    const q1 = await repos.requisitions.findByPeriodKey('NOVA-2027-Q1');
    expect(q1).toMatchObject({ dueDate: '2027-04-30', status: 'Förväntad', specification: null });
    const received = await repos.requisitions.update(
      q1?.id ?? '',
      {
        status: 'Inkommen',
        amount: 118_400,
        specification: { Personal: 100_000, Lokaler: 10_000, Material: 8_400 },
        receivedDate: '2027-04-22',
        invoiceNumber: 'VK-2027-00113',
      },
      { etag: q1?.etag },
    );
    expect(received).toMatchObject({
      status: 'Inkommen',
      specification: { Personal: 100_000, Lokaler: 10_000, Material: 8_400 },
    });

    const due = async (date: string) =>
      (await repos.requisitions.listByStatusDueBefore('Förväntad', date)).map((row) => row.periodKey).sort();
    expect(await due('2027-01-19')).toEqual([]);
    expect(await due('2027-01-20')).toEqual(['NOVA-2026-Q4']);
    expect(await due('2027-12-31')).toEqual(['NOVA-2026-Q4', 'NOVA-2027-Q2']);
    expect(await repos.requisitions.findByPeriodKey("NOVA-2027-Q1' or fields/Status eq 'Förväntad")).toBeNull();
    expect(await repos.requisitions.listByIntervention(id)).toHaveLength(3);
  });

  it('skips and reports a row whose JSON a kansli edit broke', async () => {
    const enter = await repos.interventions.findByCode('ENTER');
    const row = await repos.requisitions.create({
      ...requisition(enter?.id ?? '', 2026, 3, 'ENTER'),
      status: 'Attesterad',
      amount: 100,
      specification: { Personal: 100 },
    });
    await sp.graph.patch(`/sites/${sp.siteId}/lists/${listIds.Requisitions}/items/${row.id}/fields`, {
      Specification: 'Personal 100 kr, se bilaga',
    });
    reported.length = 0;
    expect(await repos.requisitions.listByIntervention(enter?.id ?? '')).toEqual([]);
    expect(reported).toEqual([
      {
        listKey: 'Requisitions',
        itemId: row.id,
        issues: [{ field: 'Specification', message: expect.stringMatching(/JSON/) }],
      },
    ]);
    expect(await repos.requisitions.findByPeriodKey('ENTER-2026-Q3')).toBeNull();
  });
});

describe('approvals and votes', () => {
  it('store the payload as JSON, find by Status, DueDate and insats, and refuse a stale decision', async () => {
    const nova = await repos.interventions.findByCode('NOVA');
    const approval = await repos.approvals.create({
      title: 'Budgetändring NOVA 2027',
      interventionId: nova?.id ?? null,
      subject: 'Budgetändring',
      stage: 'Styrgrupp',
      rule: 'Alla',
      status: 'Pågår',
      dueDate: '2027-02-15',
      requestedByAadId: LEADER,
      amount: 10_000,
      payload: { from: 'Material', to: 'Övrigt', amount: 10_000, year: 2027 },
      previousId: null,
    });
    expect(await repos.approvals.findById(approval.id)).toEqual(approval);
    expect((await repos.approvals.listByStatus('Pågår')).map((row) => row.id)).toEqual([approval.id]);
    expect(await repos.approvals.listByStatusDueBefore('Pågår', '2027-02-14')).toEqual([]);
    expect(await repos.approvals.listByStatusDueBefore('Pågår', '2027-02-15')).toHaveLength(1);
    expect(await repos.approvals.listByIntervention(nova?.id ?? '')).toHaveLength(1);

    const next = await repos.approvals.create({
      ...approval,
      stage: 'Förbundschef',
      rule: 'Först svarande',
      previousId: approval.id,
    });
    expect(next.previousId).toBe(approval.id);
    const decided = await repos.approvals.update(approval.id, { status: 'Godkänd' }, { etag: approval.etag });
    await expect(
      repos.approvals.update(approval.id, { status: 'Avslagen' }, { etag: approval.etag }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect((await repos.approvals.findById(approval.id))?.status).toBe(decided.status);
  });

  it('count one vote per voter: a repeated vote is a CONFLICT', async () => {
    const [approval] = await repos.approvals.listByStatus('Pågår');
    const id = approval?.id ?? '';
    const vote = {
      approvalId: id,
      voterAadId: OTHER,
      onBehalfOfOrgId: memberIds[1] ?? null,
      decision: 'Godkänn' as const,
      comment: null,
      voteKey: `${id}:${OTHER}`,
    };
    const created = await repos.votes.create(vote);
    expect(created).toMatchObject(vote);
    await expect(repos.votes.create({ ...vote, decision: 'Avslå' })).rejects.toMatchObject({
      code: 'CONFLICT',
      userMessage: 'Du har redan röstat i det här ärendet.',
    });
    expect(await repos.votes.listByApproval(id)).toHaveLength(1);
    expect((await repos.votes.findByVoteKey(vote.voteKey))?.id).toBe(created.id);
    expect((await repos.votes.update(created.id, { comment: 'Bra förslag' })).comment).toBe('Bra förslag');
  });
});

describe('notifications and conversations', () => {
  const notification = {
    title: 'Påminnelse: faktura NOVA Q1 2027',
    key: 'req:NOVA-2027-Q1:T-5',
    kind: 'Påminnelse' as const,
    recipientAadId: LEADER,
    status: 'Väntar' as const,
    attempts: 0,
    activityId: null,
    conversationId: null,
    lastError: null,
    notBefore: '2027-04-23T06:00:00Z',
  };

  it('claim a key once; the second claimer gets the existing row', async () => {
    const first = await repos.notifications.claim(notification);
    const second = await repos.notifications.claim({ ...notification, title: 'en annan instans' });
    expect(first.claimed).toBe(true);
    expect(second).toMatchObject({ claimed: false, existing: { key: notification.key, title: notification.title } });
    if (!first.claimed) {
      throw new Error('not claimed');
    }
    expect(await repos.notifications.listDue('Väntar', '2027-04-23T05:59:59Z')).toEqual([]);
    expect(await repos.notifications.listDue('Väntar', '2027-04-23T06:00:00Z')).toHaveLength(1);
    const sent = await repos.notifications.update(
      first.notification.id,
      { status: 'Skickad', attempts: 1, activityId: '1:abc' },
      { etag: first.notification.etag },
    );
    expect(sent).toMatchObject({ status: 'Skickad', attempts: 1, notBefore: notification.notBefore });
    expect(await repos.notifications.listDue('Väntar', '2030-01-01T00:00:00Z')).toEqual([]);
    expect(await repos.notifications.listByRecipient(LEADER)).toHaveLength(1);
    expect((await repos.notifications.findByKey(notification.key))?.status).toBe('Skickad');
  });

  it('upsert conversations by key and list the active ones', async () => {
    const reference = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/emea/', channelId: 'msteams' };
    const created = await repos.conversations.upsert({
      title: 'Emma Ström',
      key: LEADER,
      scope: 'personal',
      reference,
      active: true,
    });
    const again = await repos.conversations.upsert({
      title: 'Emma Ström',
      key: LEADER,
      scope: 'personal',
      reference: { ...reference, conversation: { id: 'a:2' } },
      active: true,
    });
    expect(again.id).toBe(created.id);
    expect(again.reference).toEqual({ ...reference, conversation: { id: 'a:2' } });
    await repos.conversations.upsert({
      title: 'Kanal',
      key: '19:abc@thread.tacv2',
      scope: 'channel',
      reference,
      active: false,
    });
    expect((await repos.conversations.listActive()).map((row) => row.key)).toEqual([LEADER]);
    await repos.conversations.update(created.id, { active: false });
    expect(await repos.conversations.listActive()).toEqual([]);
  });
});

describe('meetings, audit log and settings', () => {
  it('list meetings in a date range, earliest first', async () => {
    await repos.meetings.createMany([
      { title: 'Styrelsemöte', body: 'Styrelse', interventionId: null, date: '2027-02-25', papersDue: '2027-02-18' },
      { title: 'Konstituerande', body: 'Styrelse', interventionId: null, date: '2027-01-28', papersDue: '2027-01-21' },
      { title: 'VP 2027', body: 'Styrelse', interventionId: null, date: '2026-11-26', papersDue: null },
    ]);
    const titles = async (from: string, to: string) =>
      (await repos.meetings.listBetween(from, to)).map((row) => row.title);
    expect(await titles('2027-01-01', '2027-12-31')).toEqual(['Konstituerande', 'Styrelsemöte']);
    expect(await titles('2026-11-26', '2027-01-28')).toEqual(['VP 2027', 'Konstituerande']);
  });

  it('append audit entries and read them by entity and time', async () => {
    const at = ['2027-01-10T09:00:00Z', '2027-01-10T09:05:00Z', '2027-01-11T10:00:00Z'];
    await repos.auditLog.append({
      at: at[2] ?? '',
      actorAadId: LEADER,
      action: 'vote',
      entityList: 'Approvals',
      entityId: '7',
      details: null,
    });
    await repos.auditLog.append({
      at: at[0] ?? '',
      actorAadId: OTHER,
      action: 'stage',
      entityList: 'Interventions',
      entityId: '7',
      details: { from: 'Beredning', to: 'Förslag till styrelsen' },
    });
    await repos.auditLog.append({
      at: at[1] ?? '',
      actorAadId: OTHER,
      action: 'stage',
      entityList: 'Interventions',
      entityId: '8',
      details: null,
    });
    const byEntity = await repos.auditLog.listByEntity('7');
    expect(byEntity.map((entry) => entry.at)).toEqual([at[0], at[2]]);
    expect(byEntity[0]?.details).toEqual({ from: 'Beredning', to: 'Förslag till styrelsen' });
    expect((await repos.auditLog.listSince('2027-01-10T09:05:00Z')).map((entry) => entry.entityId)).toEqual(['8', '7']);
    expect(
      Object.keys(repos.auditLog).concat(Object.getOwnPropertyNames(Object.getPrototypeOf(repos.auditLog))),
    ).not.toContain('update');
  });

  it('read the provisioned settings and set new values', async () => {
    const all = await repos.settings.getAll();
    expect(all['paminnelse.klockslag']).toBe('08:00');
    await repos.settings.set('paminnelse.klockslag', '09:00');
    await repos.settings.set('demo.flagga', 'ja');
    expect(await repos.settings.get('paminnelse.klockslag')).toBe('09:00');
    expect(await repos.settings.get('demo.flagga')).toBe('ja');
    expect(await repos.settings.get('finns.inte')).toBeNull();
  });
});
