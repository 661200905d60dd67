/**
 * The app as `npm start` boots it (same function), on random ports with a fresh data folder:
 * the local SharePoint, provisioning, demo data, the tab page, the health check and the bot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';

/** Karin Vallgren, förbundschef in the demo data */
const KARIN = '4dc56134-bb48-5d37-b76d-b9a5c3b155d3';

type Captured = { path: string; body: { type?: string; text?: string } };

let app: RunningApp;
let dataDir: string;
let channel: Server;
let channelUrl: string;
const captured: Captured[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-boot-'));
  // stands in for the Bot Framework channel: the bot posts its replies here
  channel = createServer((req, res) => {
    void readBody(req).then((body) => {
      captured.push({ path: req.url ?? '', body: JSON.parse(body) as Captured['body'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${captured.length}` }));
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  const config = loadConfig({ PORT: '0', LOCAL_SHAREPOINT_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  app = await bootApp(config, createLogger('silent'));
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => channel.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (bootApp) on an empty data folder', () => {
  it('seeds the demo data and serves the tab at /, its scripts with it', async () => {
    expect(app.seeded).toBe(true);
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<div id="root">');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${app.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${app.url}/assets/finns-inte.js`)).status).toBe(404);
    // the configurable tab's configuration page is the same app
    expect(await (await fetch(`${app.url}/config`)).text()).toBe(html);
    // and the tab's data: the seeded register, as the förbundschef sees it
    const register = (await (
      await fetch(`${app.url}/api/register`, { headers: { 'x-insatsnavet-user': KARIN } })
    ).json()) as { rows: Array<{ code: string; stage: string }> };
    expect(register.rows.map((row) => row.code)).toContain('NOVA');
    expect(register.rows.map((row) => row.stage)).toContain('Förslag till styrelsen');
  });

  it('answers the health check with the Graph it uses', async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, graph: expect.stringContaining('/v1.0') });
  });

  it('answers a Bot Framework message anonymously and replies in Swedish', async () => {
    const activity = {
      type: 'message',
      id: 'activity-1',
      text: 'hej',
      channelId: 'msteams',
      serviceUrl: channelUrl,
      from: { id: '29:user', aadObjectId: '00000000-0000-0000-0000-000000000020', name: 'Alex' },
      recipient: { id: '28:bot', name: 'Insatsnavet' },
      conversation: { id: 'conversation-1', conversationType: 'personal' },
    };
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    const reply = captured.find((entry) => entry.path.includes('/v3/conversations/conversation-1/activities'));
    expect(reply?.body.type).toBe('message');
    expect(reply?.body.text).toContain('Insatsnavet');
  });

  it('refuses malformed JSON with a 4xx JSON error, never a 500', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it('answers an unknown route with a JSON 404', async () => {
    const response = await fetch(`${app.url}/api/finns-inte`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('does not seed twice: a second boot on the same data folder finds the demo data', async () => {
    const config = loadConfig({
      PORT: '0',
      LOCAL_SHAREPOINT_PORT: '0',
      DATA_DIR: join(dataDir, 'second'),
      LOG_LEVEL: 'silent',
    });
    const first = await bootApp(config, createLogger('silent'));
    await first.close();
    const second = await bootApp(config, createLogger('silent'));
    try {
      expect(first.seeded).toBe(true);
      expect(second.seeded).toBe(false);
      const register = (await (
        await fetch(`${second.url}/api/register`, { headers: { 'x-insatsnavet-user': KARIN } })
      ).json()) as { rows: unknown[] };
      expect(register.rows.length).toBeGreaterThanOrEqual(9);
    } finally {
      await second.close();
    }
  });
});
