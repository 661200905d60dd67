/**
 * Bot Framework authentication of the app as `npm start` boots it, with BOT_APP_ID, BOT_TENANT_ID
 * and BOT_APP_PASSWORD set (a single-tenant bot): botbuilder validates every token against the
 * keys of a local stand-in for login.botframework.com, so forged, expired, misaddressed and
 * misrouted tokens are tried offline. A refused activity gets 401 (bad token) or 403 (another
 * tenant), and nothing happens: no reply on the fake Bot Connector, no SharePoint request. A good
 * one is answered, the answer carrying the bot's own token from the local token endpoint.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { envelope, messageActivity, personal } from './bot-harness.ts';
import { type FakeBotConnector, startFakeBotConnector } from './fake-bot-connector.ts';
import {
  BOT_FRAMEWORK,
  type ChannelTokenOptions,
  type LocalBotFrameworkIdentity,
  startLocalBotFrameworkIdentity,
  unsignedToken,
} from './local-bot-framework-identity.ts';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const TENANT = '22222222-2222-4222-8222-222222222222';
const OTHER_TENANT = '33333333-3333-4333-8333-333333333333';
const OTHER_APP = '44444444-4444-4444-8444-444444444444';
const PASSWORD = 'inte-en-riktig-hemlighet';
/** an issuer botbuilder takes for the Emulator's and skills' Entra tokens */
const ENTRA_BOT_FRAMEWORK_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

const TENANT_REFUSED = 'bot activity refused: not from the förbund’s tenant';

type LogLine = { level: number; msg: string; reason?: string; tenants?: string[] };
type Answer = { status: number; body: { error?: { code: string; message: string } } | null };

let identity: LocalBotFrameworkIdentity;
let connector: FakeBotConnector;
let app: RunningApp;
let dataDir: string;
let notificationsListId: string;
const logLines: LogLine[] = [];
const emma = personal('emma.strom');

beforeAll(async () => {
  identity = await startLocalBotFrameworkIdentity({ tenantId: TENANT, clientId: APP_ID, clientSecret: PASSWORD });
  connector = await startFakeBotConnector();
  dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-bot-auth-'));
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SWEEP_SCHEDULE: 'off',
    BOT_APP_ID: APP_ID,
    BOT_TENANT_ID: TENANT,
    BOT_APP_PASSWORD: PASSWORD,
  });
  const logger = createLogger('info', {
    write: (line: string) => {
      logLines.push(JSON.parse(line) as LogLine);
    },
  });
  app = await bootApp(config, logger, {
    bot: {
      endpoints: identity.endpoints,
      // what MSAL does with the client secret, against the local token endpoint
      outgoingToken: async ({ appId, scope }) => {
        const response = await fetch(`${identity.endpoints.ToChannelFromBotLoginUrl}/oauth2/v2.0/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: appId,
            client_secret: PASSWORD,
            scope: `${scope}/.default`,
          }),
        });
        const body = (await response.json()) as { access_token?: string };
        if (!response.ok || body.access_token === undefined) {
          throw new Error(`token endpoint answered ${response.status}`);
        }
        return body.access_token;
      },
    },
  });
  // the outbox poller reads Utskick on its own: its requests are not the activity's
  const lists = (await (
    await fetch(`${app.localSharePointUrl}/v1.0/sites/root/lists`, { headers: { authorization: 'Bearer x' } })
  ).json()) as { value: Array<{ id: string; displayName: string }> };
  notificationsListId = lists.value.find((list) => list.displayName === 'Utskick')?.id ?? 'no such list';
}, 120_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await identity?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** an activity as Teams sends it from `tenant` (both places Teams names it) */
function fromTenant(activity: Record<string, unknown>, tenant: string | null): Record<string, unknown> {
  const conversation = { ...(activity.conversation as Record<string, unknown>) };
  const channelData = { ...(activity.channelData as Record<string, unknown>) };
  delete conversation.tenantId;
  delete channelData.tenant;
  return {
    ...activity,
    conversation: tenant === null ? conversation : { ...conversation, tenantId: tenant },
    channelData: tenant === null ? channelData : { ...channelData, tenant: { id: tenant } },
  };
}

let nextId = 0;

function hjalp(extra: Record<string, unknown> = {}): Record<string, unknown> {
  nextId += 1;
  return fromTenant({ ...messageActivity(connector.serviceUrl, emma, 'hjälp'), id: `msg-${nextId}`, ...extra }, TENANT);
}

function refreshInvoke(): Record<string, unknown> {
  nextId += 1;
  return fromTenant(
    {
      ...envelope(connector.serviceUrl, emma),
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: `invoke-${nextId}`,
      value: { action: { type: 'Action.Execute', verb: 'uppdatera', data: { vy: 'status', kod: 'NOVA' } } },
    },
    TENANT,
  );
}

function tokenFor(activity: Record<string, unknown>, options: Partial<ChannelTokenOptions> = {}): Promise<string> {
  return identity.channelToken({ appId: APP_ID, serviceUrl: String(activity.serviceUrl), ...options });
}

async function post(activity: Record<string, unknown>, authorization?: string): Promise<Answer> {
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as Answer['body']) };
}

type Sent = { answer: Answer; replies: FakeBotConnector['requests']; sharePointRequests: string[] };

/** posts and collects what followed: replies on the connector and SharePoint requests */
async function send(activity: Record<string, unknown>, authorization?: string): Promise<Sent> {
  const log = `${app.localSharePointUrl}/_emulator/requests`;
  const before = ((await (await fetch(`${log}?limit=0`)).json()) as { lastSeq: number }).lastSeq;
  const repliesBefore = connector.requests.length;
  const answer = await post(activity, authorization);
  const entries = (
    (await (await fetch(`${log}?since=${before}&limit=10000`)).json()) as {
      entries: Array<{ route: string; path: string; inBatch: boolean }>;
    }
  ).entries;
  return {
    answer,
    replies: connector.requests.slice(repliesBefore),
    sharePointRequests: entries
      .filter((entry) => !entry.inBatch && !entry.path.includes(notificationsListId))
      .map((entry) => entry.route),
  };
}

function expectNothingHappened(sent: Sent): void {
  expect(sent.replies).toEqual([]);
  expect(sent.sharePointRequests).toEqual([]);
}

describe('when the Bot Connector keys cannot be fetched', () => {
  // first in the file: botbuilder keeps the keys for a day once it has them
  it('answers 502 so the Bot Connector may try again, and does nothing', async () => {
    identity.failMetadata = true;
    try {
      const activity = hjalp();
      const sent = await send(activity, `Bearer ${await tokenFor(activity)}`);
      expect(sent.answer.status).toBe(502);
      expect(sent.answer.body?.error?.code).toBe('UPSTREAM_FAILED');
      expectNothingHappened(sent);
    } finally {
      identity.failMetadata = false;
    }
  });
});

describe('a valid Bot Framework token from the förbund’s tenant', () => {
  it('gets the answer to `hjälp`, posted with the bot’s own token for the Bot Connector', async () => {
    const activity = hjalp();
    const sent = await send(activity, `Bearer ${await tokenFor(activity)}`);
    expect(sent.answer.status).toBe(200);
    expect(sent.replies).toHaveLength(1);
    const [reply] = sent.replies;
    expect(reply?.conversationId).toBe(emma.conversationId);
    expect(reply?.activity.replyToId).toBe(activity.id);
    expect(JSON.stringify(reply?.activity)).toContain('mina insatser');

    // the bearer is what the local token endpoint issued to this app for the Bot Connector
    const bearer = reply?.authorization?.replace(/^Bearer /, '') ?? '';
    const claims = await identity.verifyIssued(bearer);
    expect(claims).toMatchObject({ aud: BOT_FRAMEWORK, appid: APP_ID, tid: TENANT });
    expect(identity.tokenRequests.at(-1)?.form).toMatchObject({
      grant_type: 'client_credentials',
      client_id: APP_ID,
      scope: `${BOT_FRAMEWORK}/.default`,
    });
    // and the conversation was kept, which a refused activity must not do
    expect(sent.sharePointRequests.length).toBeGreaterThan(0);
  });

  it('gets the invoke response to a card’s Uppdatera (Action.Execute)', async () => {
    const activity = refreshInvoke();
    const sent = await send(activity, `Bearer ${await tokenFor(activity)}`);
    expect(sent.answer.status).toBe(200);
    expect(sent.answer.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { type: 'AdaptiveCard' },
    });
    expect(JSON.stringify(sent.answer.body)).toContain('Pågående');
  });

  it('lets a proactive notice out with the bot’s token as well', async () => {
    const before = connector.requests.length;
    const result = await app.notifier.notify({
      key: 'test:bot-authentication:1',
      kind: 'Information',
      title: 'Prov',
      recipientAadId: emma.aadObjectId ?? '',
      message: { text: 'Ett meddelande som boten börjar själv.' },
    });
    expect(result).toMatchObject({ outcome: 'sent' });
    const delivered = connector.requests.slice(before).filter((request) => request.status < 300);
    expect(delivered).toHaveLength(1);
    const claims = decodeJwt(delivered[0]?.authorization?.replace(/^Bearer /, '') ?? '');
    expect(claims).toMatchObject({ aud: BOT_FRAMEWORK, appid: APP_ID });
  });
});

describe('an activity without a valid Bot Framework token', () => {
  const cases: Array<[string, (activity: Record<string, unknown>) => Promise<string | undefined>]> = [
    ['no Authorization header', async () => undefined],
    ['a bearer that is no JWT', async () => 'Bearer abc.def.ghi'],
    ['another scheme', async (activity) => `Basic ${await tokenFor(activity)}`],
    [
      'a token that expired ten minutes ago',
      async (activity) => `Bearer ${await tokenFor(activity, { expiresIn: -600 })}`,
    ],
    ['a token valid only in ten minutes', async (activity) => `Bearer ${await tokenFor(activity, { notBefore: 600 })}`],
    [
      'a token for another bot (audience)',
      async (activity) => `Bearer ${await tokenFor(activity, { appId: OTHER_APP })}`,
    ],
    [
      'a token from another issuer',
      async (activity) => `Bearer ${await tokenFor(activity, { issuer: 'https://api.botframework.com.example.net' })}`,
    ],
    [
      'a token signed by an unknown key',
      async (activity) => `Bearer ${await tokenFor(activity, { impostorKid: 'someone-elses-key' })}`,
    ],
    [
      'a token signed by another key under the published key id',
      async (activity) => `Bearer ${await tokenFor(activity, { impostorKid: 'channel-key' })}`,
    ],
    [
      'an unsigned token (alg none)',
      async (activity) =>
        `Bearer ${unsignedToken({ iss: BOT_FRAMEWORK, aud: APP_ID, serviceurl: activity.serviceUrl, exp: Math.floor(Date.now() / 1000) + 3600 })}`,
    ],
    [
      'a token signed with HS256 and the public key as the secret',
      async (activity) =>
        `Bearer ${await identity.algorithmConfusionToken({ appId: APP_ID, serviceUrl: String(activity.serviceUrl) })}`,
    ],
    [
      'a token for another serviceUrl',
      async (activity) => `Bearer ${await tokenFor(activity, { serviceUrl: 'https://smba.trafficmanager.net/emea/' })}`,
    ],
    [
      'a token without the serviceUrl claim',
      async (activity) => `Bearer ${await tokenFor(activity, { serviceUrl: null })}`,
    ],
    [
      'another bot calling as a skill',
      async () =>
        `Bearer ${await identity.entraToken({ iss: ENTRA_BOT_FRAMEWORK_ISSUER, aud: APP_ID, appid: OTHER_APP, ver: '1.0' })}`,
    ],
    [
      'an Entra token of another app (the Emulator’s way in)',
      async () =>
        `Bearer ${await identity.entraToken({ iss: ENTRA_BOT_FRAMEWORK_ISSUER, aud: OTHER_APP, appid: OTHER_APP, ver: '1.0' })}`,
    ],
  ];

  it.each(cases)('is refused with 401 when it has %s: no reply, nothing read or stored', async (_name, authorize) => {
    for (const activity of [hjalp(), refreshInvoke()]) {
      const sent = await send(activity, await authorize(activity));
      expect(sent.answer.status).toBe(401);
      expect(sent.answer.body?.error?.code).toBe('UNAUTHENTICATED');
      expectNothingHappened(sent);
    }
  });

  it('is refused when the Bot Connector key is not endorsed for its channel', async () => {
    const activity = { ...hjalp(), channelId: 'webchat' };
    const sent = await send(activity, `Bearer ${await tokenFor(activity)}`);
    expect(sent.answer.status).toBe(401);
    expectNothingHappened(sent);
  });

  it('logs why, without the token', async () => {
    const activity = hjalp();
    const token = await tokenFor(activity, { appId: OTHER_APP });
    await send(activity, `Bearer ${token}`);
    const line = logLines.findLast((entry) => entry.msg === 'bot activity refused: no valid Bot Framework token');
    expect(line?.reason).toContain(OTHER_APP);
    expect(JSON.stringify(logLines)).not.toContain(token);
  });

  it('still gets 400 for a malformed body, whatever its token', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"hjälp"}',
    });
    expect(response.status).toBe(400);
  });
});

describe('a valid token for an activity from another tenant', () => {
  it.each([
    ['a message', () => fromTenant(hjalp(), OTHER_TENANT)],
    ['a card’s Action.Execute', () => fromTenant(refreshInvoke(), OTHER_TENANT)],
    [
      'an installation',
      () =>
        fromTenant(
          { ...envelope(connector.serviceUrl, emma), type: 'installationUpdate', action: 'add', id: 'install-1' },
          OTHER_TENANT,
        ),
    ],
    [
      'a message whose channelData names another tenant than its conversation',
      () => ({ ...hjalp(), channelData: { tenant: { id: OTHER_TENANT } } }),
    ],
    ['a message that names no tenant', () => fromTenant(hjalp(), null)],
  ])('is refused with 403 before the bot sees it: %s', async (_name, make) => {
    const activity = make();
    const linesBefore = logLines.length;
    const sent = await send(activity, `Bearer ${await tokenFor(activity)}`);
    expect(sent.answer.status).toBe(403);
    expect(sent.answer.body?.error?.code).toBe('FORBIDDEN');
    expectNothingHappened(sent);
    const messages = logLines.slice(linesBefore).map((line) => line.msg);
    expect(messages).toContain(TENANT_REFUSED);
  });

  it('names the tenant in the log line', async () => {
    const activity = fromTenant(hjalp(), OTHER_TENANT);
    await send(activity, `Bearer ${await tokenFor(activity)}`);
    const line = logLines.findLast((entry) => entry.msg === TENANT_REFUSED);
    expect(line).toMatchObject({ reason: 'other-tenant', tenants: [OTHER_TENANT, OTHER_TENANT] });
  });
});
