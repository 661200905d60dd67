/**
 * The whole app booted with AUTH_MODE=entra, its key endpoint pointed at a local JWKS server:
 * a Teams SSO token signed by the published key lets a demo person in, nothing else does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';

const TENANT = 'c0ffee00-1111-4222-8333-444455556666';
const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const APP_ID_URI = `api://insatsnavet.example.se/${CLIENT_ID}`;
const KARIN = '4dc56134-bb48-5d37-b76d-b9a5c3b155d3';

let jwks: Server;
let app: RunningApp;
let dataDir: string;
let privateKey: CryptoKey;

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  privateKey = keys.privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-entra-'));
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SWEEP_SCHEDULE: 'off',
    AUTH_MODE: 'entra',
    ENTRA_TENANT_IDS: TENANT,
    TAB_APP_ID_URI: APP_ID_URI,
    TAB_CLIENT_ID: CLIENT_ID,
    ENTRA_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
  });
  app = await bootApp(config, createLogger('silent'));
}, 60_000);

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => jwks.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function ssoToken(oid: string): Promise<string> {
  return new SignJWT({ tid: TENANT, oid })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
    .setAudience(APP_ID_URI)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

async function me(authorization?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${app.url}/api/me`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the tab API with AUTH_MODE=entra', () => {
  it('answers GET /api/me for Karin Vallgren with a valid Teams SSO token', async () => {
    const answer = await me(`Bearer ${await ssoToken(KARIN)}`);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Karin Vallgren');
  });

  it('answers 401 with a Swedish message without a token, and to the dev identity', async () => {
    const none = await me();
    const dev = await me(`Bearer dev:${KARIN}`);
    expect([none.status, dev.status]).toEqual([401, 401]);
    expect(JSON.stringify(none.body)).toContain('logga in');
  });
});
