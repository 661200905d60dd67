/**
 * The notifier end to end over HTTP: the SharePoint repositories on the local SharePoint, the
 * real botbuilder sender on an anonymous CloudAdapter, and a fake Bot Connector that records
 * what the bot posts and answers 429, 403, 502 … on demand.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotAdapter } from '../../../bot/create-bot-adapter.ts';
import { createBotFrameworkSender } from '../../../bot/proactive/bot-framework-sender.ts';
import { FixedClock } from '../../../src/domain/clock.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { createNotifier, type Notifier } from '../../../src/services/notifications/create-notifier.ts';
import type { NotifierLogger } from '../../../src/services/notifications/notifier-deps.ts';
import type { NotifyRequest } from '../../../src/services/notifications/notify.ts';
import type { ProactiveSender } from '../../../src/services/notifications/proactive-sender.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';
import { type FakeBotConnector, startFakeBotConnector } from './fake-bot-connector.ts';

const LEASE_MS = 120_000;

let sp: LocalSharePointForTests;
let connector: FakeBotConnector;
/** two app instances: two repositories objects (and Graph clients) over the same site */
let instanceA: Repositories;
let instanceB: Repositories;
let sender: ProactiveSender;
const turnErrors: string[] = [];
let clock: FixedClock;
let sleeps: number[];
let people = 0;

const logger: NotifierLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const provisioned = await provisionSchema(sp.graph, sp.siteId);
  const site = { siteId: sp.siteId, listIds: provisioned.listIds, driveIds: provisioned.driveIds };
  instanceA = createRepositories(sp.graph, site);
  instanceB = createRepositories(sp.client(), site);
  connector = await startFakeBotConnector();
  const adapter = createBotAdapter(
    { appId: undefined, appPassword: undefined, tenantId: undefined },
    { error: (_payload, message) => turnErrors.push(message) },
  );
  sender = createBotFrameworkSender(adapter, '');
});

afterAll(async () => {
  await connector?.close();
  await sp?.close();
});

beforeEach(() => {
  connector.reset();
  turnErrors.length = 0;
  // each test at its own day, so rows of one test are never due in another
  people += 1;
  clock = new FixedClock(`2027-05-${String(people).padStart(2, '0')}T06:00:00Z`);
  sleeps = [];
});

function notifier(
  repositories: Repositories,
  instanceId: string,
  overrides: { sender?: ProactiveSender } = {},
): Notifier {
  return createNotifier({
    notifications: repositories.notifications,
    conversations: repositories.conversations,
    sender: overrides.sender ?? sender,
    clock,
    logger,
    instanceId,
    // waits move the clock instead of taking time; the figures are asserted
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.advance(ms);
    },
    random: () => 0.5,
  });
}

/** a recipient with the bot installed: their Conversations row points at the fake connector */
async function installedRecipient(): Promise<{ aadId: string; conversationId: string }> {
  const aadId = `00000000-0000-4000-8000-${String(people).padStart(12, '0')}`;
  const conversationId = `a:personal-${people}`;
  await instanceA.conversations.upsert({
    title: `Mottagare ${people}`,
    key: aadId,
    scope: 'personal',
    reference: connector.reference(conversationId, aadId),
    active: true,
  });
  return { aadId, conversationId };
}

function request(recipientAadId: string, overrides: Partial<NotifyRequest> = {}): NotifyRequest {
  return {
    key: `req:TEST-2027-Q${people}:T-5`,
    kind: 'Påminnelse',
    title: 'Påminnelse om rekvisition',
    recipientAadId,
    message: {
      text: 'Rekvisitionen ska vara inne **30 april**.',
      summary: 'Rekvisition Q1',
      card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Rekvisition Q1' }] },
    },
    ...overrides,
  };
}

describe('notifier over HTTP', () => {
  it('takes a row from Väntar to Skickad with the activity id the connector gave', async () => {
    const { aadId, conversationId } = await installedRecipient();
    const key = request(aadId).key;
    const statusDuringSend: Array<string | undefined> = [];
    connector.respondWith(async () => {
      statusDuringSend.push((await instanceA.notifications.findByKey(key))?.status);
      return undefined;
    });

    const result = await notifier(instanceA, 'a').notify(request(aadId));

    expect(result.outcome).toBe('sent');
    expect(statusDuringSend).toEqual(['Väntar']);
    const [posted] = connector.requests;
    expect(connector.requests).toHaveLength(1);
    expect(posted).toMatchObject({ method: 'POST', conversationId, activityId: undefined, status: 201 });
    expect(posted?.activity).toMatchObject({
      type: 'message',
      text: 'Rekvisitionen ska vara inne **30 april**.',
      summary: 'Rekvisition Q1',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }],
    });
    expect(posted?.activity.replyToId).toBeUndefined();
    expect(await instanceA.notifications.findByKey(key)).toMatchObject({
      status: 'Skickad',
      attempts: 1,
      activityId: posted?.assignedId,
      conversationId,
      payload: { conversationKey: aadId },
    });
  });

  it('sends once through a 429: waits the Retry-After, then the connector accepts it', async () => {
    const { aadId, conversationId } = await installedRecipient();
    connector.script(conversationId, { status: 429, retryAfterSeconds: 1 });

    const result = await notifier(instanceA, 'a').notify(request(aadId));

    expect(result).toMatchObject({ outcome: 'sent', notification: { status: 'Skickad', attempts: 2 } });
    expect(connector.requests.map((entry) => entry.status)).toEqual([429, 201]);
    expect(connector.delivered()).toHaveLength(1);
    expect(sleeps).toEqual([1_000]);
  });

  it('retries a 502 with backoff', async () => {
    const { aadId, conversationId } = await installedRecipient();
    connector.script(conversationId, { status: 502 });
    const result = await notifier(instanceA, 'a').notify(request(aadId));
    expect(result.outcome).toBe('sent');
    expect(connector.requests.map((entry) => entry.status)).toEqual([502, 201]);
    expect(sleeps).toEqual([750]);
  });

  it('reports a connector that cannot be reached as status 0 and leaves the row for a later run', async () => {
    const { aadId } = await installedRecipient();
    const closed = await startFakeBotConnector();
    await closed.close();
    await instanceA.conversations.upsert({
      title: 'Mottagare utan nät',
      key: aadId,
      scope: 'personal',
      reference: closed.reference(`a:unreachable-${people}`, aadId),
      active: true,
    });
    const result = await notifier(instanceA, 'a').notify(request(aadId));
    // backoff (0.75 s, 1.5 s … 24 s) until the next wait would outlast the lease
    expect(result).toMatchObject({ outcome: 'rescheduled', notification: { status: 'Väntar', attempts: 7 } });
    expect(sleeps).toEqual([750, 1_500, 3_000, 6_000, 12_000, 24_000]);
    const row = await instanceA.notifications.findByKey(request(aadId).key);
    expect(row?.lastError).toContain('Teams gick inte att nå');
    expect(row?.lastError).toContain('ECONNREFUSED');
  });

  it('marks the conversation inactive on 403 and posts nothing else (no apology from onTurnError)', async () => {
    const { aadId, conversationId } = await installedRecipient();
    connector.script(conversationId, { status: 403 });

    const result = await notifier(instanceA, 'a').notify(request(aadId));

    expect(result).toMatchObject({ outcome: 'failed', notification: { status: 'Misslyckad', attempts: 1 } });
    const row = await instanceA.notifications.findByKey(request(aadId).key);
    expect(row?.lastError).toContain('403');
    expect(row?.lastError).toContain('BotNotInConversationRoster');
    expect((await instanceA.conversations.findByKey(aadId))?.active).toBe(false);
    expect(connector.requests).toHaveLength(1);
    expect(turnErrors).toEqual([]);
  });

  it('two instances racing on one key: the connector receives exactly one message', async () => {
    const { aadId } = await installedRecipient();
    const results = await Promise.all([
      notifier(instanceA, 'a').notify(request(aadId)),
      notifier(instanceB, 'b').notify(request(aadId)),
    ]);
    expect(results.map((result) => result.outcome).sort()).toEqual(['duplicate', 'sent']);
    expect(connector.delivered()).toHaveLength(1);
  });

  it('two instances running sendPending on one pending row: one message', async () => {
    const { aadId } = await installedRecipient();
    const notBefore = new Date(clock.now().getTime() + 60_000).toISOString();
    expect((await notifier(instanceA, 'a').notify(request(aadId, { notBefore }))).outcome).toBe('scheduled');
    clock.advance(60_000);
    const reports = await Promise.all([notifier(instanceA, 'a').sendPending(), notifier(instanceB, 'b').sendPending()]);
    expect(reports.map((report) => report.sent).sort()).toEqual([0, 1]);
    expect(connector.delivered()).toHaveLength(1);
  });

  it('a crash between claim and send is sent once by sendPending after the lease', async () => {
    const { aadId } = await installedRecipient();
    const crashing: ProactiveSender = {
      send: () => Promise.reject(new Error('process killed')),
      update: () => Promise.reject(new Error('process killed')),
    };
    await expect(notifier(instanceA, 'a', { sender: crashing }).notify(request(aadId))).rejects.toThrow();
    expect(connector.requests).toHaveLength(0);
    const survivor = notifier(instanceB, 'b');
    expect((await survivor.sendPending()).due).toBe(0);
    clock.advance(LEASE_MS);
    expect(await survivor.sendPending()).toMatchObject({ due: 1, sent: 1 });
    clock.advance(LEASE_MS);
    expect((await survivor.sendPending()).due).toBe(0);
    expect(connector.delivered()).toHaveLength(1);
  });

  it('updates a sent card with PUT on its stored activity id', async () => {
    const { aadId, conversationId } = await installedRecipient();
    const notify = notifier(instanceA, 'a');
    await notify.notify(request(aadId));
    const stored = await instanceA.notifications.findByKey(request(aadId).key);
    const decided = { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Beviljad' }] } };

    const result = await notify.updateSent(request(aadId).key, decided);

    expect(result.outcome).toBe('updated');
    const put = connector.requests.find((entry) => entry.method === 'PUT');
    expect(put).toMatchObject({ conversationId, activityId: stored?.activityId, status: 200 });
    expect(put?.activity).toMatchObject({
      type: 'message',
      id: stored?.activityId,
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: decided.card }],
    });
    expect((await instanceA.notifications.findByKey(request(aadId).key))?.payload).toMatchObject({ message: decided });
  });
});
