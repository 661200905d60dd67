/**
 * Issue 9, item 5: the tab's security headers and the per-user rate limit of /api, on the whole
 * app as `npm start` boots it (local SharePoint, demo data), with a burst of 30 and a refill so
 * slow (1 a minute) that the 31st rapid call is always over the limit.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';

const KARIN = '4dc56134-bb48-5d37-b76d-b9a5c3b155d3';
const MATTIAS = '488a44b4-dae5-5fae-b389-9d95b445f34b';
const EMMA = '177b73fb-9471-586a-8734-7a3f7a305478';

let app: RunningApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-security-'));
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SWEEP_SCHEDULE: 'off',
    API_RATE_LIMIT_PER_MINUTE: '1',
    API_RATE_LIMIT_BURST: '30',
  });
  app = await bootApp(config, createLogger('silent'));
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const asUser = (id: string): RequestInit => ({ headers: { 'x-insatsnavet-user': id } });

describe('security headers', () => {
  it('lets only Teams, Outlook, Microsoft 365 and SharePoint frame the tab, and runs only its own scripts and styles', async () => {
    const response = await fetch(`${app.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name = '', ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual([
      "'self'",
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://teams.cloud.microsoft',
      'https://*.teams.cloud.microsoft',
      'https://*.office.com',
      'https://*.office365.com',
      'https://outlook.office.com',
      'https://outlook.office365.com',
      'https://*.microsoft365.com',
      'https://*.cloud.microsoft',
      'https://*.sharepoint.com',
    ]);
    expect(csp).not.toContain('unsafe-inline');
    // the tab's scripts and styles are its own files; Fluent UI's empty <style> elements (filled
    // through the CSSOM) are allowed by the hash of the empty string, nothing else inline
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
    expect(`'sha256-${createHash('sha256').update('').digest('base64')}'`).toBe(directives.get('style-src')?.[1]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('marks API answers nosniff and no-store, errors included', async () => {
    for (const response of [
      await fetch(`${app.url}/api/me`, asUser(EMMA)),
      await fetch(`${app.url}/api/insatser/finns-inte`, asUser(EMMA)),
      // restify's own 404 (no route) too
      await fetch(`${app.url}/api/finns-inte`),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toContain('application/json');
    }
  });
});

describe('the per-user rate limit of /api', () => {
  it('refuses the 31st rapid call by one user with 429, Retry-After and a Swedish message, while another user goes on', async () => {
    const statuses: number[] = [];
    for (let call = 0; call < 30; call += 1) {
      statuses.push((await fetch(`${app.url}/api/me`, asUser(KARIN))).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);

    const refused = await fetch(`${app.url}/api/insatser`, asUser(KARIN));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toEqual({
      error: { code: 'THROTTLED', message: `För många anrop – vänta ${retryAfter} sekunder och försök igen.` },
    });

    // every /api route counts against the same bucket, the calendar link included
    expect((await fetch(`${app.url}/api/kalender`, asUser(KARIN))).status).toBe(429);
    // another user is not slowed down by Karin
    expect((await fetch(`${app.url}/api/me`, asUser(MATTIAS))).status).toBe(200);
  });

  it('counts calls without a valid identity per client address, and never limits the bot or the probes', async () => {
    const anonymous: number[] = [];
    for (let call = 0; call < 31; call += 1) {
      anonymous.push((await fetch(`${app.url}/api/me`)).status);
    }
    expect(anonymous.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(anonymous[30]).toBe(429);

    // Teams calls /api/messages: from the same, exhausted address it is never throttled
    for (let call = 0; call < 35; call += 1) {
      const bot = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(bot.status).not.toBe(429);
    }
    for (const probe of ['/healthz', '/api/health']) {
      expect((await fetch(`${app.url}${probe}`)).status).not.toBe(429);
    }
    // a person who signs in is counted as themselves, not as the exhausted address
    expect((await fetch(`${app.url}/api/me`, asUser(MATTIAS))).status).toBe(200);
  });
});
