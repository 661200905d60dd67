/**
 * The bot as a user-assigned managed identity (BOT_APP_TYPE=UserAssignedMSI, BOT_APP_ID = the
 * identity's client id, no password): incoming tokens are validated as for a client-secret bot,
 * and the bot's own token comes from the managed identity endpoint — here a local stand-in for
 * Azure App Service's, found the way App Service announces it (IDENTITY_ENDPOINT and
 * IDENTITY_HEADER in the environment), through botbuilder's and @azure/identity's own code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { messageActivity, personal } from './bot-harness.ts';
import { type FakeBotConnector, startFakeBotConnector } from './fake-bot-connector.ts';
import {
  BOT_FRAMEWORK,
  type LocalBotFrameworkIdentity,
  startLocalBotFrameworkIdentity,
} from './local-bot-framework-identity.ts';

const IDENTITY_CLIENT_ID = '55555555-5555-4555-8555-555555555555';
const TENANT = '22222222-2222-4222-8222-222222222222';
const OTHER_TENANT = '33333333-3333-4333-8333-333333333333';
const IDENTITY_HEADER = 'app-service-identity-header';
const ENVIRONMENT = ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER'] as const;

let identity: LocalBotFrameworkIdentity;
let connector: FakeBotConnector;
let app: RunningApp;
let dataDir: string;
const saved = new Map<string, string | undefined>();
const emma = personal('emma.strom');

beforeAll(async () => {
  identity = await startLocalBotFrameworkIdentity({
    tenantId: TENANT,
    clientId: IDENTITY_CLIENT_ID,
    identityHeader: IDENTITY_HEADER,
  });
  connector = await startFakeBotConnector();
  // what App Service sets for an app with a managed identity; read by @azure/identity, not by us
  for (const name of ENVIRONMENT) {
    saved.set(name, process.env[name]);
  }
  process.env.IDENTITY_ENDPOINT = `${identity.url}/msi/token`;
  process.env.IDENTITY_HEADER = IDENTITY_HEADER;
  dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-bot-msi-'));
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SWEEP_SCHEDULE: 'off',
    BOT_APP_ID: IDENTITY_CLIENT_ID,
    BOT_TENANT_ID: TENANT,
    BOT_APP_TYPE: 'UserAssignedMSI',
  });
  app = await bootApp(config, createLogger('silent'), { bot: { endpoints: identity.endpoints } });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await connector?.close();
  await identity?.close();
  for (const [name, value] of saved) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function hjalp(id: string, tenant: string): Record<string, unknown> {
  const activity = messageActivity(connector.serviceUrl, emma, 'hjälp');
  return {
    ...activity,
    id,
    conversation: { ...(activity.conversation as Record<string, unknown>), tenantId: tenant },
    channelData: { tenant: { id: tenant } },
  };
}

async function post(activity: Record<string, unknown>, appId = IDENTITY_CLIENT_ID): Promise<number> {
  const token = await identity.channelToken({ appId, serviceUrl: String(activity.serviceUrl) });
  const response = await fetch(`${app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('a bot with a user-assigned managed identity', () => {
  it('answers a valid activity with a token from the managed identity endpoint', async () => {
    const before = connector.requests.length;
    expect(await post(hjalp('msi-1', TENANT))).toBe(200);
    const replies = connector.requests.slice(before);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.activity.replyToId).toBe('msi-1');

    const claims = await identity.verifyIssued(replies[0]?.authorization?.replace(/^Bearer /, '') ?? '');
    expect(claims).toMatchObject({ aud: BOT_FRAMEWORK, appid: IDENTITY_CLIENT_ID });
    const asked = identity.tokenRequests.filter((request) => request.path === '/msi/token');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.at(-1)).toMatchObject({
      identityHeader: IDENTITY_HEADER,
      form: { client_id: IDENTITY_CLIENT_ID, resource: BOT_FRAMEWORK },
    });
  });

  it('refuses a token for another app with 401, and another tenant with 403, answering neither', async () => {
    const before = connector.requests.length;
    expect(await post(hjalp('msi-2', TENANT), '44444444-4444-4444-8444-444444444444')).toBe(401);
    expect(await post(hjalp('msi-3', OTHER_TENANT))).toBe(403);
    expect(connector.requests.slice(before)).toEqual([]);
  });
});
