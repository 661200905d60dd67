/**
 * The tab's routes with AUTH_MODE=entra: the dev sign-in picker (/api/personer) does not exist —
 * it answers exactly as an unknown path does and is not in the OpenAPI document — while the
 * other routes answer a caller with a valid Teams SSO token.
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
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';

const TENANT = 'c0ffee00-1111-4222-8333-444455556666';
const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const APP_ID_URI = `api://insatsnavet.example.se/${CLIENT_ID}`;

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
  dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-tab-entra-'));
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

async function get(path: string, authorization?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${app.url}${path}`, { headers: authorization === undefined ? {} : { authorization } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the tab API with AUTH_MODE=entra', () => {
  it('has no /api/personer: it answers as an unknown path does, with or without a token', async () => {
    const token = `Bearer ${await ssoToken(demoPerson('karin.vallgren').aadObjectId)}`;
    const unknown = await get('/api/finns-inte');
    const anonymous = await get('/api/personer');
    const signedIn = await get('/api/personer', token);
    expect(unknown.status).toBe(404);
    expect(anonymous).toEqual(unknown);
    expect({ ...signedIn.body }).toEqual(unknown.body);
    expect(signedIn.status).toBe(404);
    const document = await get('/api/openapi.json');
    const paths = Object.keys(document.body.paths as Record<string, unknown>);
    expect(paths).not.toContain('/api/personer');
    expect(paths).toEqual(expect.arrayContaining(['/api/medlemmar', '/api/oversikt', '/api/installningar']));
  });

  it('answers the other tab routes to a valid Teams SSO token, and 401 without one', async () => {
    const token = `Bearer ${await ssoToken(demoPerson('emma.strom').aadObjectId)}`;
    expect((await get('/api/medlemmar')).status).toBe(401);
    expect((await get('/api/medlemmar', token)).status).toBe(200);
    const overview = await get('/api/oversikt', token);
    expect(overview.status).toBe(200);
    expect((overview.body.stages as Array<{ count: number }>).reduce((sum, row) => sum + row.count, 0)).toBe(1);
    expect((await get('/api/installningar', token)).status).toBe(403);
  });
});
