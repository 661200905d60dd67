/**
 * One contract, two implementations: every behaviour below runs against the SharePoint
 * repositories on the local SharePoint and against the in-memory fakes (test/fakes), so use-case
 * tests written with the fakes can trust them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewIntervention } from '../../../src/domain/entities/intervention.ts';
import type { NewRequisition } from '../../../src/domain/entities/requisition.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { createInMemoryRepositories } from '../../fakes/in-memory-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../fixtures/interventions.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

const AAD = '5a1d3c7e-2b4f-5e60-8a9b-0c1d2e3f4a5b';

let sp: LocalSharePointForTests;

beforeAll(async () => {
  sp = await useLocalSharePoint();
});

afterAll(async () => {
  await sp.close();
});

const implementations: Array<[string, () => Promise<Repositories>]> = [
  ['in-memory fakes', async () => createInMemoryRepositories()],
  [
    'SharePoint repositories',
    async () => {
      const siteId = await sp.createSite();
      const provisioned = await provisionSchema(sp.graph, siteId);
      return createRepositories(sp.graph, { siteId, listIds: provisioned.listIds, driveIds: provisioned.driveIds });
    },
  ],
];

function newIntervention(code: string): NewIntervention {
  return {
    title: code,
    code,
    kind: 'Strukturell',
    stage: 'Pågående',
    ownerOrgId: null,
    partnerOrgIds: [],
    projectLeaderAadId: AAD,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    grantedAmount: 300_000,
    decisionDate: null,
    decisionRef: null,
    diaryNumber: null,
    followUpRegistered: false,
    ...EMPTY_APPLICATION_TEXTS,
  };
}

function newRequisition(interventionId: string, quarter: number, dueDate: string): NewRequisition {
  return {
    interventionId,
    year: 2027,
    quarter,
    periodKey: `INSKAT-2027-Q${quarter}`,
    dueDate,
    status: 'Förväntad',
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  };
}

describe.each(implementations)('%s', (_name, create) => {
  let repos: Repositories;

  beforeAll(async () => {
    repos = await create();
  });

  it('enforce unique keys with CONFLICT and eTags with PRECONDITION_FAILED', async () => {
    const created = await repos.interventions.create(newIntervention('INSKAT'));
    await expect(repos.interventions.create(newIntervention('INSKAT'))).rejects.toMatchObject({ code: 'CONFLICT' });
    const updated = await repos.interventions.update(created.id, { stage: 'Avslutas' }, { etag: created.etag });
    expect(updated.etag).not.toBe(created.etag);
    await expect(
      repos.interventions.update(created.id, { stage: 'Avbruten' }, { etag: created.etag }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(repos.interventions.update('9999', { stage: 'Avbruten' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await repos.interventions.findById('9999')).toBeNull();
    await expect(repos.interventions.create({ ...newIntervention('x'), code: 'gemener' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('find requisitions due on or before a date, and report duplicates per row in bulk', async () => {
    const intervention = await repos.interventions.findByCode('INSKAT');
    const id = intervention?.id ?? '';
    const results = await repos.requisitions.createMany([
      newRequisition(id, 1, '2027-04-30'),
      newRequisition(id, 2, '2027-07-30'),
      newRequisition(id, 1, '2027-04-30'),
    ]);
    expect(results.map((result) => result.ok || result.error.code)).toEqual([true, true, 'CONFLICT']);
    const keys = async (date: string) =>
      (await repos.requisitions.listByStatusDueBefore('Förväntad', date)).map((row) => row.periodKey);
    expect(await keys('2027-04-29')).toEqual([]);
    expect(await keys('2027-04-30')).toEqual(['INSKAT-2027-Q1']);
    expect(await keys('2027-12-31')).toEqual(['INSKAT-2027-Q1', 'INSKAT-2027-Q2']);
    expect(await repos.requisitions.findByPeriodKey('INSKAT-2027-Q3')).toBeNull();
    expect((await repos.requisitions.list()).map((row) => row.periodKey).sort()).toEqual([
      'INSKAT-2027-Q1',
      'INSKAT-2027-Q2',
    ]);
  });

  it('let exactly one claimer own a notification key', async () => {
    const notification = {
      title: 'Påminnelse',
      key: 'req:INSKAT-2027-Q1:T-10',
      kind: 'Påminnelse' as const,
      recipientAadId: AAD,
      status: 'Väntar' as const,
      attempts: 0,
      activityId: null,
      conversationId: null,
      lastError: null,
      notBefore: '2027-04-16T06:00:00Z',
    };
    const [first, second] = await Promise.all([
      repos.notifications.claim(notification),
      repos.notifications.claim(notification),
    ]);
    expect([first.claimed, second.claimed].sort()).toEqual([false, true]);
    expect(await repos.notifications.listDue('Väntar', '2027-04-16T06:00:00Z')).toHaveLength(1);
    expect(await repos.notifications.listDue('Väntar', '2027-04-16T05:59:59Z')).toHaveLength(0);
  });

  it('refuse a repeated vote', async () => {
    const approval = await repos.approvals.create({
      title: 'Ansökan',
      interventionId: null,
      subject: 'Ansökan',
      stage: 'Styrelse',
      rule: 'En per medlemsorganisation',
      status: 'Pågår',
      dueDate: null,
      requestedByAadId: null,
      amount: null,
      payload: { note: 'x' },
      previousId: null,
    });
    const vote = {
      approvalId: approval.id,
      voterAadId: AAD,
      onBehalfOfOrgId: null,
      decision: 'Godkänn' as const,
      comment: null,
      voteKey: `${approval.id}:${AAD}`,
    };
    await repos.votes.create(vote);
    await expect(repos.votes.create(vote)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await repos.votes.listByApproval(approval.id)).toHaveLength(1);
    expect((await repos.approvals.findById(approval.id))?.payload).toEqual({ note: 'x' });
  });

  it('list meetings and audit entries in order, bounds included', async () => {
    await repos.meetings.create({
      title: 'B',
      body: 'Styrelse',
      interventionId: null,
      date: '2027-02-25',
      papersDue: null,
    });
    await repos.meetings.create({
      title: 'A',
      body: 'Styrelse',
      interventionId: null,
      date: '2027-01-28',
      papersDue: null,
    });
    await repos.meetings.create({
      title: 'C',
      body: 'Styrelse',
      interventionId: null,
      date: '2027-03-01',
      papersDue: null,
    });
    expect((await repos.meetings.listBetween('2027-01-28', '2027-02-25')).map((row) => row.title)).toEqual(['A', 'B']);

    for (const [at, entityId] of [
      ['2027-01-02T10:00:00Z', '1'],
      ['2027-01-01T10:00:00Z', '1'],
      ['2027-01-03T10:00:00Z', '2'],
    ] as const) {
      await repos.auditLog.append({
        at,
        actorAadId: AAD,
        action: 'test',
        entityList: 'Interventions',
        entityId,
        details: null,
      });
    }
    expect((await repos.auditLog.listByEntity('1')).map((entry) => entry.at)).toEqual([
      '2027-01-01T10:00:00Z',
      '2027-01-02T10:00:00Z',
    ]);
    expect((await repos.auditLog.listSince('2027-01-02T10:00:00Z')).map((entry) => entry.entityId)).toEqual(['1', '2']);
    expect((await repos.auditLog.listByEntities(['2', '1', '7'])).map((entry) => entry.at)).toEqual([
      '2027-01-01T10:00:00Z',
      '2027-01-02T10:00:00Z',
      '2027-01-03T10:00:00Z',
    ]);
    expect(await repos.auditLog.listByEntities([])).toEqual([]);
    // more ids than one query takes: the chunks are read and merged in order
    const many = Array.from({ length: 45 }, (_, index) => String(index + 100));
    await repos.auditLog.append({
      at: '2027-01-04T10:00:00Z',
      actorAadId: AAD,
      action: 'test',
      entityList: 'Approvals',
      entityId: '144',
      details: null,
    });
    expect((await repos.auditLog.listByEntities(['1', ...many])).map((entry) => entry.entityId)).toEqual([
      '1',
      '1',
      '144',
    ]);
  });

  it('upsert conversations and settings by key', async () => {
    const conversation = { title: 'x', key: AAD, scope: 'personal' as const, reference: { a: 1 }, active: true };
    const first = await repos.conversations.upsert(conversation);
    const second = await repos.conversations.upsert({ ...conversation, reference: { a: 2 } });
    expect(second.id).toBe(first.id);
    expect((await repos.conversations.listActive()).map((row) => row.reference)).toEqual([{ a: 2 }]);

    await repos.settings.set('kontrakt.nyckel', 'ett');
    await repos.settings.set('kontrakt.nyckel', 'två');
    expect(await repos.settings.get('kontrakt.nyckel')).toBe('två');
    expect((await repos.settings.getAll())['kontrakt.nyckel']).toBe('två');
  });

  it('keep library files with conflict behaviours, versions and eTagged metadata', async () => {
    const intervention = await repos.interventions.findByCode('INSKAT');
    const upload = {
      folder: 'INSKAT',
      name: 'Avtal?.pdf',
      content: new TextEncoder().encode('%PDF-1.7 v1'),
      contentType: 'application/pdf',
      fields: { interventionId: intervention?.id ?? null, agreementStatus: 'Utkast' as const },
      conflictBehavior: 'fail' as const,
    };
    const file = await repos.agreements.upload(upload);
    expect(file).toMatchObject({ name: 'Avtal_.pdf', folder: 'INSKAT', agreementStatus: 'Utkast' });
    await expect(repos.agreements.upload(upload)).rejects.toMatchObject({ code: 'CONFLICT' });
    const replaced = await repos.agreements.upload({
      ...upload,
      content: new TextEncoder().encode('%PDF-1.7 v2'),
      fields: {},
      conflictBehavior: 'replace',
    });
    expect(replaced.driveItemId).toBe(file.driveItemId);
    expect(new TextDecoder().decode(await repos.agreements.download(file.driveItemId))).toBe('%PDF-1.7 v2');
    expect((await repos.agreements.versions(file.driveItemId)).length).toBeGreaterThanOrEqual(2);
    const renamed = await repos.agreements.upload({ ...upload, conflictBehavior: 'rename' });
    expect(renamed.name).not.toBe(file.name);
    expect(await repos.agreements.listByIntervention(intervention?.id ?? '')).toHaveLength(2);
    // the whole library: the same two files (and no folder), whatever the insats
    const all = await repos.agreements.list();
    expect(all.filter((listed) => listed.interventionId === intervention?.id)).toHaveLength(2);
    expect(all.every((listed) => listed.name.endsWith('.pdf'))).toBe(true);
    await expect(
      repos.agreements.updateFields(file.driveItemId, { agreementStatus: 'Signerat' }, { etag: file.etag }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const signed = await repos.agreements.updateFields(file.driveItemId, { agreementStatus: 'Signerat' });
    expect(signed.agreementStatus).toBe('Signerat');
  });
});
