import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import type { NewRequisition } from '../../../../src/domain/entities/requisition.ts';
import { SharePointConversationRepository } from '../../../../src/sharepoint/repositories/sharepoint-conversation-repository.ts';
import { SharePointInterventionRepository } from '../../../../src/sharepoint/repositories/sharepoint-intervention-repository.ts';
import { SharePointNotificationRepository } from '../../../../src/sharepoint/repositories/sharepoint-notification-repository.ts';
import { SharePointRequisitionRepository } from '../../../../src/sharepoint/repositories/sharepoint-requisition-repository.ts';
import { SharePointSettingsRepository } from '../../../../src/sharepoint/repositories/sharepoint-settings-repository.ts';
import { contextFor, novaFields, requisitionFields } from './repository-fixtures.ts';
import { listItem, ScriptedGraphClient } from './scripted-graph-client.ts';

const page = (...items: unknown[]) => ({ value: items });

describe('reading lists', () => {
  it('maps items to entities and skips rows a kansli edit broke, reporting each', async () => {
    const graph = new ScriptedGraphClient(() =>
      page(
        listItem(1, novaFields()),
        listItem(2, novaFields({ Code: 'ENTER', Stage: 'Pausad' })),
        listItem(3, novaFields({ Code: 'FIA', StartDate: 'i våras', GrantedAmount: -5 })),
      ),
    );
    const context = contextFor(graph, 'Interventions');
    const rows = await new SharePointInterventionRepository(context).list();

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: '1',
      code: 'NOVA',
      stage: 'Pågående',
      ownerOrgId: '7',
      partnerOrgIds: ['3', '7'],
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      decisionDate: '2024-10-17',
      followUpRegistered: true,
      kind: 'Individinriktad',
      background: null,
    });
    expect(rows[0]?.etag).toMatch(/^".+,1"$/);
    expect(context.reported.map((row) => [row.listKey, row.itemId])).toEqual([
      ['Interventions', '2'],
      ['Interventions', '3'],
    ]);
    expect(context.reported[0]?.issues.map((issue) => issue.field)).toEqual(['Stage']);
    expect(context.reported[1]?.issues.map((issue) => issue.field)).toEqual(['StartDate']);
  });

  it('reports a JSON column that is not JSON, and a JSON value the domain refuses', async () => {
    const graph = new ScriptedGraphClient(() =>
      page(
        listItem(
          1,
          requisitionFields({ Status: 'Betald', Amount: 118400, Specification: '{"Personal":100000,"Lokaler":18400}' }),
        ),
        listItem(2, requisitionFields({ PeriodKey: 'NOVA-2027-Q2', Specification: 'Personal: 100 000' })),
        listItem(3, requisitionFields({ PeriodKey: 'NOVA-2027-Q3', Specification: '{"Personal":-1}' })),
      ),
    );
    const context = contextFor(graph, 'Requisitions');
    const rows = await new SharePointRequisitionRepository(context).listByIntervention('5');

    expect(rows.map((row) => row.specification)).toEqual([{ Personal: 100000, Lokaler: 18400 }]);
    expect(context.reported.map((row) => row.itemId)).toEqual(['2', '3']);
    expect(context.reported.flatMap((row) => row.issues.map((issue) => issue.field))).toEqual([
      'Specification',
      'Specification',
    ]);
  });

  it('queries indexed columns only, with an encoded filter and no Prefer header', async () => {
    const graph = new ScriptedGraphClient(() => page());
    await new SharePointRequisitionRepository(contextFor(graph, 'Requisitions')).listByStatusDueBefore(
      'Förväntad',
      '2027-04-30',
    );
    const call = graph.calls[0];
    expect(call?.method).toBe('GET');
    expect(call?.headers).toBeUndefined();
    const [path, query] = (call?.path ?? '').split('?');
    expect(path).toMatch(/^\/sites\/[^/]+\/lists\/list-Requisitions\/items$/);
    const params = new URLSearchParams(query);
    expect(params.get('$filter')).toBe("fields/Status eq 'Förväntad' and fields/DueDate le '2027-04-30T00:00:00Z'");
    expect(params.get('expand')).toMatch(/^fields\(select=Title,.*InterventionLookupId.*\)$/);
    expect(params.get('expand')).toContain('Specification');
  });

  it('asks for several stages in one request', async () => {
    const graph = new ScriptedGraphClient(() => page(listItem(1, novaFields())));
    const repository = new SharePointInterventionRepository(contextFor(graph, 'Interventions'));
    expect(await repository.listByStages([])).toEqual([]);
    expect(graph.calls).toHaveLength(0);
    await repository.listByStages(['Avtal', 'Pågående']);
    const params = new URLSearchParams((graph.calls[0]?.path ?? '').split('?')[1]);
    expect(params.get('$filter')).toBe("(fields/Stage eq 'Avtal' or fields/Stage eq 'Pågående')");
  });

  it('finds by id, null when missing, and refuses to return a broken row', async () => {
    const graph = new ScriptedGraphClient((call) => {
      if (call.path.includes('/items/1?')) {
        return listItem(1, novaFields());
      }
      if (call.path.includes('/items/2?')) {
        return listItem(2, novaFields({ Stage: 'Pausad' }));
      }
      throw new AppError('NOT_FOUND', 'itemNotFound');
    });
    const context = contextFor(graph, 'Interventions');
    const repository = new SharePointInterventionRepository(context);
    expect((await repository.findById('1'))?.code).toBe('NOVA');
    expect(await repository.findById('99')).toBeNull();
    expect(await repository.findById('not-an-id')).toBeNull();
    await expect(repository.findById('2')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    expect(context.reported.map((row) => row.itemId)).toEqual(['2']);
  });
});

const newRequisition: NewRequisition = {
  interventionId: '5',
  year: 2027,
  quarter: 1,
  periodKey: 'NOVA-2027-Q1',
  dueDate: '2027-04-30',
  status: 'Inkommen',
  amount: 118400,
  specification: { Personal: 100000, Lokaler: 10000, Material: 8400 },
  receivedDate: '2027-04-22',
  invoiceNumber: '2027-0113',
};

describe('writing', () => {
  it('creates with Graph field shapes: dates at midnight UTC, lookups as ids, JSON as text, a Title', async () => {
    const graph = new ScriptedGraphClient((call) => {
      const fields = Reflect.get(Object(call.body), 'fields') as Record<string, unknown>;
      return listItem(12, { ...fields, InterventionLookupId: '5', DueDate: fields.DueDate });
    });
    const created = await new SharePointRequisitionRepository(contextFor(graph, 'Requisitions')).create(newRequisition);

    expect(graph.calls[0]?.body).toEqual({
      fields: {
        Title: 'NOVA-2027-Q1',
        InterventionLookupId: 5,
        Year: 2027,
        Quarter: 1,
        PeriodKey: 'NOVA-2027-Q1',
        DueDate: '2027-04-30T00:00:00Z',
        Status: 'Inkommen',
        Amount: 118400,
        Specification: '{"Personal":100000,"Lokaler":10000,"Material":8400}',
        ReceivedDate: '2027-04-22T00:00:00Z',
        InvoiceNumber: '2027-0113',
      },
    });
    expect(created).toMatchObject({ ...newRequisition, id: '12' });
  });

  it('writes a multi lookup with its collection annotation', async () => {
    const graph = new ScriptedGraphClient(() => ({ ...novaFields(), '@odata.etag': '"x,2"' }));
    await new SharePointInterventionRepository(contextFor(graph, 'Interventions')).update('1', {
      partnerOrgIds: ['3', '7', '9'],
    });
    expect(graph.calls[0]?.body).toEqual({
      'PartnerOrgsLookupId@odata.type': 'Collection(Edm.Int32)',
      PartnerOrgsLookupId: [3, 7, 9],
    });
  });

  it('refuses invalid input before calling Graph', async () => {
    const graph = new ScriptedGraphClient(() => ({}));
    const repository = new SharePointRequisitionRepository(contextFor(graph, 'Requisitions'));
    await expect(repository.create({ ...newRequisition, periodKey: 'nova 2027' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(repository.update('1', { quarter: 5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(graph.calls).toHaveLength(0);
  });

  it('turns a duplicate PeriodKey into CONFLICT with a Swedish message', async () => {
    const graph = new ScriptedGraphClient(() => {
      throw new AppError('CONFLICT', 'Graph POST failed with 409', { details: { status: 409 } });
    });
    const error = await new SharePointRequisitionRepository(contextFor(graph, 'Requisitions'))
      .create(newRequisition)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'CONFLICT', userMessage: 'Det finns redan en rekvisition för den perioden.' });
  });

  it('patches only the changed fields, with If-Match, and returns the new etag', async () => {
    const graph = new ScriptedGraphClient(() => ({
      '@odata.etag': '"abc,4"',
      id: '8',
      ...requisitionFields({ Status: 'Attesterad' }),
    }));
    const updated = await new SharePointRequisitionRepository(contextFor(graph, 'Requisitions')).update(
      '8',
      { status: 'Attesterad' },
      { etag: '"abc,3"' },
    );
    expect(graph.calls[0]).toMatchObject({
      method: 'PATCH',
      body: { Status: 'Attesterad' },
      headers: { 'If-Match': '"abc,3"' },
    });
    expect(graph.calls[0]?.path).toMatch(/\/items\/8\/fields$/);
    expect(updated).toMatchObject({ id: '8', etag: '"abc,4"', status: 'Attesterad', dueDate: '2027-04-30' });
  });

  it('lets a stale etag surface as PRECONDITION_FAILED', async () => {
    const graph = new ScriptedGraphClient(() => {
      throw new AppError('PRECONDITION_FAILED', 'Graph PATCH failed with 412');
    });
    await expect(
      new SharePointRequisitionRepository(contextFor(graph, 'Requisitions')).update(
        '8',
        { status: 'Betald' },
        { etag: '"abc,1"' },
      ),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('creates many rows in one batch call and reports each failure in place', async () => {
    let next = 20;
    const graph = new ScriptedGraphClient((call) => {
      const fields = Reflect.get(Object(call.body), 'fields') as Record<string, unknown>;
      if (fields.PeriodKey === 'NOVA-2027-Q2') {
        throw new AppError('CONFLICT', 'duplicate');
      }
      next += 1;
      return listItem(next, { ...fields, InterventionLookupId: String(fields.InterventionLookupId) });
    });
    const results = await new SharePointRequisitionRepository(contextFor(graph, 'Requisitions')).createMany([
      newRequisition,
      { ...newRequisition, periodKey: 'NOVA-2027-Q2', quarter: 2 },
      { ...newRequisition, periodKey: 'bad key' },
      { ...newRequisition, periodKey: 'NOVA-2027-Q3', quarter: 3 },
    ]);
    expect(results.map((result) => (result.ok ? result.value.periodKey : result.error.code))).toEqual([
      'NOVA-2027-Q1',
      'CONFLICT',
      'INVALID_INPUT',
      'NOVA-2027-Q3',
    ]);
    expect(graph.calls.every((call) => call.method === 'POST')).toBe(true);
    expect(graph.calls).toHaveLength(3);
  });
});

describe('notifications.claim', () => {
  const notification = {
    title: 'Påminnelse NOVA Q1',
    key: 'req:NOVA-2027-Q1:T-5',
    kind: 'Påminnelse' as const,
    recipientAadId: '4f1c2a9e-8d3b-5c6a-9e7f-0a1b2c3d4e5f',
    status: 'Väntar' as const,
    attempts: 0,
    activityId: null,
    conversationId: null,
    lastError: null,
    notBefore: '2027-04-23T06:00:00Z',
  };
  const stored = {
    Title: notification.title,
    Key: notification.key,
    Kind: 'Påminnelse',
    RecipientAadId: notification.recipientAadId,
    Status: 'Skickad',
    Attempts: 1,
    NotBefore: notification.notBefore,
  };

  it('claims a free key', async () => {
    const graph = new ScriptedGraphClient(() => listItem(4, { ...stored, Status: 'Väntar', Attempts: 0 }));
    const result = await new SharePointNotificationRepository(contextFor(graph, 'Notifications')).claim(notification);
    expect(result).toMatchObject({ claimed: true, notification: { id: '4', status: 'Väntar' } });
  });

  it('returns the existing row when the key is taken', async () => {
    const graph = new ScriptedGraphClient((call) => {
      if (call.method === 'POST') {
        throw new AppError('CONFLICT', 'duplicate Key');
      }
      return page(listItem(3, stored));
    });
    const result = await new SharePointNotificationRepository(contextFor(graph, 'Notifications')).claim(notification);
    expect(result).toMatchObject({ claimed: false, existing: { id: '3', status: 'Skickad', attempts: 1 } });
    const params = new URLSearchParams((graph.calls[1]?.path ?? '').split('?')[1]);
    expect(params.get('$filter')).toBe("fields/Key eq 'req:NOVA-2027-Q1:T-5'");
  });
});

describe('settings', () => {
  it('reads all settings, first row per key, leaving out empty values; set patches or creates', async () => {
    const rows = [
      listItem(1, { Title: 'paminnelse.klockslag', Value: '08:00' }),
      listItem(2, { Title: 'andring.grans-kr', Value: '50000' }),
      listItem(3, { Title: 'paminnelse.klockslag', Value: '09:00' }),
      listItem(4, { Title: 'tom' }),
    ];
    const graph = new ScriptedGraphClient((call) => {
      if (call.method === 'GET') {
        return page(...rows);
      }
      const written = (call.method === 'POST' ? Reflect.get(Object(call.body), 'fields') : call.body) as object;
      return call.method === 'POST'
        ? listItem(9, { ...written })
        : { '@odata.etag': '"s,2"', Title: 'andring.grans-kr', ...written };
    });
    const settings = new SharePointSettingsRepository(contextFor(graph, 'Settings'));
    expect(await settings.getAll()).toEqual({ 'paminnelse.klockslag': '08:00', 'andring.grans-kr': '50000' });
    expect(await settings.get('tom')).toBeNull();

    await settings.set('andring.grans-kr', '75000');
    await settings.set('andring.grans-kr', '50000');
    await settings.set('ny', 'x');
    const writes = graph.calls.filter((call) => call.method !== 'GET');
    expect(writes.map((call) => [call.method, call.path.split('/').slice(-2).join('/'), call.body])).toEqual([
      ['PATCH', '2/fields', { Value: '75000' }],
      ['POST', 'list-Settings/items', { fields: { Title: 'ny', Value: 'x' } }],
    ]);
  });
});

describe('conversations', () => {
  const conversation = {
    title: 'Karin Vallgren',
    key: '29a4e0e7-7f3e-5d0e-8b1a-3a8f0f4f7c11',
    scope: 'personal' as const,
    reference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' },
    active: true,
  };

  it('upserts by key and lists the active ones in memory', async () => {
    const existing = listItem(6, {
      Title: 'Karin',
      Key: conversation.key,
      Scope: 'personal',
      Reference: '{"conversation":{"id":"a:0"}}',
      Active: false,
    });
    const graph = new ScriptedGraphClient((call) => {
      if (call.method === 'PATCH') {
        return { ...(existing.fields as object), Active: true, Reference: JSON.stringify(conversation.reference) };
      }
      return page(existing);
    });
    const repository = new SharePointConversationRepository(contextFor(graph, 'Conversations'));
    const upserted = await repository.upsert(conversation);
    expect(upserted).toMatchObject({ id: '6', active: true, reference: conversation.reference });
    expect(graph.calls.map((call) => call.method)).toEqual(['GET', 'PATCH']);
    expect(await repository.listActive()).toEqual([]);
    const listCall = graph.calls.at(-1);
    expect(listCall?.path).not.toContain('$filter');
  });
});
