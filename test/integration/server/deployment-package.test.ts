/**
 * The folder `scripts/stage-deployment.mjs` stages for App Service, run as App Service runs it
 * (infra/azure.bicep's startup command and app settings, NODE_ENV=production): without dev
 * packages, and even without SQLite's native module (deleted here) since production never starts
 * the local SharePoint. Graph is the local SharePoint accepting only the token a local Entra
 * stand-in issues. It starts, provisions, and answers /healthz, /readyz and the tab.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';
// @ts-expect-error a plain JavaScript script without type declarations
import { productionPackages } from '../../../scripts/stage-deployment.mjs';
import { type LocalEntra, startLocalEntra } from '../../support/local-entra-token-server.ts';

const run = promisify(execFile);
const TENANT = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLIENT = '8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f';

let dir: string;
let app: string;
let entra: LocalEntra;
let sharePoint: LocalSharePoint;
let server: ChildProcess | undefined;
let output = '';
let base = '';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

beforeAll(async () => {
  // dist/tab is built by vitest's global setup (test/support/build-tab.ts)
  dir = await mkdtemp(join(tmpdir(), 'insatsnavet-deploy-'));
  app = join(dir, 'app');
  await run(process.execPath, ['scripts/stage-deployment.mjs', '--out', app], { cwd: process.cwd() });
  // production must not need SQLite's native module: take it away
  await rm(join(app, 'node_modules', 'better-sqlite3'), { recursive: true, force: true });

  entra = await startLocalEntra({ tenantId: TENANT, clientId: CLIENT, clientSecret: 'graph-secret', dir });
  sharePoint = await startLocalSharePoint({ port: 0, dataDir: ':memory:', acceptedToken: entra.accessToken });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // the app settings of infra/azure.bicep, resolved, with Graph and Entra pointed at the stand-ins
  const settings: Record<string, string> = {
    PORT: String(port),
    NODE_ENV: 'production',
    AUTH_MODE: 'entra',
    GRAPH_BASE_URL: sharePoint.graphUrl,
    GRAPH_TENANT_ID: TENANT,
    GRAPH_CLIENT_ID: CLIENT,
    GRAPH_CLIENT_SECRET: 'graph-secret',
    GRAPH_AUTHORITY_HOST: entra.authorityHost,
    NODE_EXTRA_CA_CERTS: entra.caFile,
    ENTRA_TENANT_IDS: TENANT,
    TAB_APP_ID_URI: `api://insatsnavet-varend.azurewebsites.net/${CLIENT}`,
    TAB_CLIENT_ID: CLIENT,
    BOT_APP_TYPE: 'SingleTenant',
    BOT_APP_ID: CLIENT,
    BOT_APP_PASSWORD: 'graph-secret',
    BOT_TENANT_ID: TENANT,
    CALENDAR_FEED_SECRET: 'k'.repeat(48),
    PUBLIC_BASE_URL: 'https://insatsnavet-varend.azurewebsites.net',
    TIMEZONE: 'Europe/Stockholm',
    LOG_LEVEL: 'info',
    SWEEP_SCHEDULE: 'off',
  };
  // infra/azure.bicep's appCommandLine, in the staged folder
  server = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'src/server/start.ts'], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !output.includes('körs på')) {
    if (server.exitCode !== null) {
      throw new Error(`the staged app stopped: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(async () => {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await sharePoint?.close();
  await entra?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the deployment package', () => {
  it('holds the server, the built tab and production packages only', () => {
    for (const path of [
      'src/server/start.ts',
      'bot',
      'dist/tab/index.html',
      'package-lock.json',
      'node_modules/tsx',
      'node_modules/botbuilder',
    ]) {
      expect(existsSync(join(app, path)), path).toBe(true);
    }
    for (const path of [
      'node_modules/vite',
      'node_modules/vitest',
      'node_modules/playwright-core',
      'test',
      'tab',
      'infra/azure.bicep',
    ]) {
      expect(existsSync(join(app, path)), path).toBe(false);
    }
  });

  it('lists the production tree from the lock file, outermost folders only', () => {
    const lock = {
      packages: {
        '': {},
        'node_modules/a': {},
        'node_modules/a/node_modules/b': {},
        'node_modules/vite': { dev: true },
        'node_modules/fsevents': { devOptional: true },
        'node_modules/c/node_modules/d': {},
      },
    };
    expect(productionPackages(lock)).toEqual(['node_modules/a', 'node_modules/c/node_modules/d']);
  });

  it('starts in production, provisions with an Entra token, and is healthy and ready', async () => {
    expect(output).toContain('körs på');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
    const tab = await fetch(`${base}/`);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('<html lang="sv">');
    expect(entra.tokenRequests().every((request) => request.outcome === 'issued')).toBe(true);
    expect(entra.tokenRequests().length).toBeGreaterThan(0);
    // production logs are pino JSON lines with a correlation id per request
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requestLine = output.split('\n').find((line) => line.includes('"url":"/"'));
    expect(JSON.parse(requestLine ?? '{}')).toMatchObject({ app: 'insatsnavet', correlationId: expect.any(String) });
  });
});
