/**
 * The operations surface (issue 10, item 4): /healthz, /readyz, and a correlation id in the
 * response and in every JSON log line of the request, a bot turn and a sweep — with tokens
 * never logged.
 *
 * Part one drives createServer against a local SharePoint of its own (so it can be faulted,
 * given another schema version and finally stopped); part two boots the whole app as
 * `npm start` does and reads its log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createServer } from '../../../src/server/create-server.ts';
import { createLogger, type Logger } from '../../../src/server/logger.ts';
import { startSweepScheduler } from '../../../src/server/scheduler.ts';
import type { SweepReport } from '../../../src/services/sweep/run-sweep.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { checkSchemaReadiness, SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '../../../src/sharepoint/schema-version.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

type LogLine = Record<string, unknown> & { msg?: string };

/** a pino destination that keeps every JSON line */
function captureLog(level: 'debug' | 'info' = 'debug'): { logger: Logger; lines: LogLine[]; raw: string[] } {
  const raw: string[] = [];
  const logger = createLogger(level, { write: (line: string) => raw.push(line) });
  return {
    logger,
    raw,
    get lines() {
      return raw.map((line) => JSON.parse(line) as LogLine);
    },
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return `http://127.0.0.1:${address.port}`;
}

/** the 'request' line is logged after the response is sent; give it a tick */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('createServer: probes and correlation ids', () => {
  let sp: LocalSharePointForTests;
  let server: Server;
  let url: string;
  let settingsListId: string;
  let settingsItemId: string;
  const log = captureLog();

  beforeAll(async () => {
    sp = await useLocalSharePoint();
    const provisioned = await provisionSchema(sp.graph, sp.siteId);
    settingsListId = provisioned.listIds.Settings;
    const rows = (await sp.graph.getAll(
      `/sites/${sp.siteId}/lists/${settingsListId}/items?$expand=fields($select=Title)`,
    )) as Array<{ id: string; fields: { Title: string } }>;
    settingsItemId = rows.find((row) => row.fields.Title === SCHEMA_VERSION_KEY)?.id ?? '';
    const probeGraph = sp.client({ maxRetries: 0 });
    server = createServer({
      logger: log.logger,
      handleBotMessage: async (_req, res) => {
        log.logger.info({}, 'the bot handled a turn');
        res.send(200);
      },
      renderHomePage: async () => '<html lang="sv"></html>',
      checkHealth: async () => ({ ok: true, graph: sp.graphUrl }),
      checkReadiness: () => checkSchemaReadiness(probeGraph, { siteId: sp.siteId, settingsListId }),
      mountApi: (api) => {
        // a careless route that logs its request headers, as a route under pressure might
        api.get('/api/eko', async (req, res) => {
          log.logger.info({ headers: req.headers }, 'the route logged its headers');
          res.json({ ok: true });
        });
      },
    });
    url = await listen(server);
  });

  let spClosed = false;
  afterAll(async () => {
    if (server !== undefined) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (!spClosed) {
      await sp?.close();
    }
  });

  it('answers /healthz with ok without asking SharePoint', async () => {
    await sp.clearRequests();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect((await sp.requests()).total).toBe(0);
  });

  it('is ready on a provisioned site, reading one setting in one request', async () => {
    await sp.clearRequests();
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', schemaVersion: SCHEMA_VERSION });
    expect((await sp.requests()).total).toBe(1);
  });

  it('is not ready, in Swedish, while SharePoint fails', async () => {
    await sp.inject({ status: 503, pathPattern: '/items' });
    try {
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', reason: 'SharePoint svarar inte' });
      // the process itself is fine: a SharePoint outage must not get the app restarted
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await sp.clearFaults();
    }
  });

  it('is not ready when the site has another schema version, and says what to run', async () => {
    const itemUrl = `/sites/${sp.siteId}/lists/${settingsListId}/items/${settingsItemId}/fields`;
    await sp.graph.patch(itemUrl, { Value: 'aaaaaaaaaaaa' });
    try {
      const response = await fetch(`${url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        reason: `Schemat är version aaaaaaaaaaaa, appen väntar ${SCHEMA_VERSION} – kör npm run provision`,
      });
      // provisioning puts it right, and the app is ready again
      await provisionSchema(sp.graph, sp.siteId);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
    } finally {
      await sp.graph.patch(itemUrl, { Value: SCHEMA_VERSION });
    }
  });

  it('echoes a given correlation id and logs every line of the request with it', async () => {
    const response = await fetch(`${url}/api/eko`, { headers: { 'x-correlation-id': 'kansli-test-0001' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('kansli-test-0001');
    await settle();
    const lines = log.lines.filter((line) => line.correlationId === 'kansli-test-0001');
    expect(lines.map((line) => line.msg)).toEqual(['the route logged its headers', 'request']);
    expect(lines[1]).toMatchObject({ method: 'GET', url: '/api/eko', status: 200 });
  });

  it('takes x-request-id too, and makes a new id for a missing or unsafe one', async () => {
    const byRequestId = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'frontdoor-42' } });
    expect(byRequestId.headers.get('x-correlation-id')).toBe('frontdoor-42');

    const none = (await fetch(`${url}/healthz`)).headers.get('x-correlation-id');
    const unsafe = (await fetch(`${url}/healthz`, { headers: { 'x-correlation-id': 'a b"\\{}' } })).headers.get(
      'x-correlation-id',
    );
    const tooLong = (await fetch(`${url}/healthz`, { headers: { 'x-correlation-id': 'x'.repeat(101) } })).headers.get(
      'x-correlation-id',
    );
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(none).toMatch(uuid);
    expect(unsafe).toMatch(uuid);
    expect(tooLong).toMatch(uuid);
    expect(new Set([none, unsafe, tooLong]).size).toBe(3);
  });

  it('gives an unknown route a correlation id too', async () => {
    const response = await fetch(`${url}/api/finns-inte`, { headers: { 'x-correlation-id': 'vilse-1' } });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-correlation-id')).toBe('vilse-1');
  });

  it('logs a bot turn with its activity and conversation ids', async () => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'turn-1' },
      body: JSON.stringify({ type: 'message', id: 'activity-77', conversation: { id: 'conversation-9' }, text: 'hej' }),
    });
    expect(response.status).toBe(200);
    await settle();
    const turn = log.lines.find((line) => line.msg === 'the bot handled a turn');
    expect(turn).toMatchObject({
      correlationId: 'turn-1',
      activityId: 'activity-77',
      conversationId: 'conversation-9',
    });
    // the user's text is not logged
    expect(log.raw.join('\n')).not.toContain('"hej"');
  });

  it('never logs the authorization header, even from a route that logs all headers', async () => {
    const response = await fetch(`${url}/api/eko`, {
      headers: { authorization: 'Bearer hemlig-token-123', 'x-correlation-id': 'auth-1' },
    });
    expect(response.status).toBe(200);
    await settle();
    const line = log.lines.find(
      (entry) => entry.correlationId === 'auth-1' && entry.msg === 'the route logged its headers',
    );
    expect(line?.headers).toMatchObject({ authorization: '[redacted]' });
    expect(log.raw.join('\n')).not.toContain('hemlig-token-123');
  });

  it('redacts passwords, client secrets and tokens wherever they are logged', () => {
    log.logger.info(
      { graphAuth: { clientSecret: 's3cret-1' }, user: { password: 'pw-2' }, body: { token: 'tok-3' } },
      'configuration',
    );
    const text = log.raw.join('\n');
    for (const secret of ['s3cret-1', 'pw-2', 'tok-3']) {
      expect(text).not.toContain(secret);
    }
  });

  it('gives every line of one sweep run the same sweepId, and the next run another', async () => {
    let runs = 0;
    const scheduler = startSweepScheduler({
      timeZone: 'Europe/Stockholm',
      logger: log.logger,
      pattern: '* * * * * *',
      sweep: async () => {
        runs += 1;
        log.logger.info({ run: runs }, 'inside the sweep');
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.logger.info({ run: runs }, 'still inside the sweep');
        return { now: '', durationMs: 0, steps: [], settingsProblems: [] } as unknown as SweepReport;
      },
    });
    try {
      await expect.poll(() => runs, { timeout: 5_000, interval: 100 }).toBeGreaterThanOrEqual(2);
    } finally {
      await scheduler.stop();
    }
    const sweepLines = log.lines.filter((line) => String(line.msg).includes('inside the sweep'));
    const byRun = new Map<unknown, Set<unknown>>();
    for (const line of sweepLines) {
      byRun.set(line.run, (byRun.get(line.run) ?? new Set()).add(line.sweepId));
    }
    expect(byRun.get(1)?.size).toBe(1);
    expect(byRun.get(2)?.size).toBe(1);
    expect([...(byRun.get(1) ?? [])][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect([...(byRun.get(1) ?? [])][0]).not.toBe([...(byRun.get(2) ?? [])][0]);
    // no request's id leaks into a sweep's lines
    expect(sweepLines.every((line) => line.correlationId === undefined)).toBe(true);
  });

  it('is not ready when SharePoint is stopped, and still alive', async () => {
    await sp.close();
    spClosed = true;
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'SharePoint svarar inte' });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('bootApp: the probes and the log of the app as npm start runs it', () => {
  let app: RunningApp;
  let dataDir: string;
  const log = captureLog();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-ops-'));
    const config = loadConfig({
      PORT: '0',
      LOCAL_SHAREPOINT_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      SWEEP_SCHEDULE: 'off',
    });
    app = await bootApp(config, log.logger);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is alive and ready after boot, and not ready while its SharePoint fails', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', schemaVersion: SCHEMA_VERSION });

    const faults = `${app.localSharePointUrl}/_emulator/faults`;
    await fetch(faults, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 503 }),
    });
    try {
      const started = Date.now();
      const down = await fetch(`${app.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'unavailable', reason: 'SharePoint svarar inte' });
      // no retries with backoff: a probe gets its answer at once
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
    // /api/health keeps working as before
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });

  it('carries the correlation id from the request into the Graph lines it causes, never the token', async () => {
    const response = await fetch(`${app.url}/api/beslut`, {
      headers: { authorization: 'Bearer dev:4dc56134-bb48-5d37-b76d-b9a5c3b155d3', 'x-correlation-id': 'boot-corr-1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('boot-corr-1');
    await settle();
    const lines = log.lines.filter((line) => line.correlationId === 'boot-corr-1');
    expect(lines.at(-1)).toMatchObject({ msg: 'request', status: 200 });
    // the Graph client's own lines for this request carry the id as well
    expect(lines.length).toBeGreaterThan(1);
    expect(log.raw.join('\n')).not.toContain('dev:4dc56134');
  });
});
