/**
 * How the server serves the tab: the built page and its assets from memory, and when the tab has
 * not been built (a checkout where `npm run build:tab` was not run), the server-rendered overview
 * with its own hash-based Content-Security-Policy instead of a broken page.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'restify';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type ServerDependencies } from '../../../src/server/create-server.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { loadTabAssets, type TabAssets } from '../../../src/server/tab-assets.ts';

const FALLBACK =
  '<!doctype html><html lang="sv"><head><style>body{margin:0}</style></head><body>Översikt</body></html>';

let server: Server | undefined;
const dirs: string[] = [];

afterEach(async () => {
  if (server !== undefined) {
    const closing = server;
    await new Promise<void>((resolve) => closing.close(() => resolve()));
    server = undefined;
  }
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function serve(tab: TabAssets | null): Promise<string> {
  const deps: ServerDependencies = {
    logger: createLogger('silent'),
    handleBotMessage: async (_req, res) => {
      res.send(200);
    },
    renderHomePage: async () => FALLBACK,
    checkHealth: async () => ({ ok: true, graph: 'test' }),
    checkReadiness: async () => ({ ready: true, schemaVersion: 'test' }),
    tab,
  };
  server = createServer(deps);
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

function builtTab(): TabAssets {
  const dir = mkdtempSync(join(tmpdir(), 'insatsnavet-tab-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="sv"><div id="root"></div></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("flik")');
  writeFileSync(join(dir, 'assets', 'notes.txt'), 'not served');
  const assets = loadTabAssets(dir);
  if (assets === null) {
    throw new Error('the fake build was not found');
  }
  return assets;
}

describe('the built tab', () => {
  it('is served at / and /config with its CSP, and its hashed assets for a year', async () => {
    const url = await serve(builtTab());
    for (const path of ['/', '/config']) {
      const page = await fetch(`${url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<div id="root">');
    }
    const script = await fetch(`${url}/assets/index-abc123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await script.text()).toBe('console.log("flik")');
    // compressed for a browser that accepts it (fetch does, and unpacks it)
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('vary')).toBe('accept-encoding');
    const plain = await fetch(`${url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("flik")');
  });

  it('answers 404 in the API error shape for an asset it does not have, and never reads outside assets/', async () => {
    const url = await serve(builtTab());
    for (const path of ['/assets/notes.txt', '/assets/finns-inte.js', '/assets/..%2Findex.html']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }
  });
});

describe('without a built tab', () => {
  it('serves the server-rendered overview, its inline style allowed by its exact hash', async () => {
    expect(loadTabAssets(join(tmpdir(), 'finns-inte-insatsnavet'))).toBeNull();
    const url = await serve(null);
    const page = await fetch(`${url}/`);
    expect(await page.text()).toBe(FALLBACK);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`'sha256-${createHash('sha256').update('body{margin:0}').digest('base64')}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect((await fetch(`${url}/config`)).status).toBe(404);
  });
});

describe("the manifest's privacy and terms pages", () => {
  it('are served in Swedish at /integritet and /villkor, their style allowed by hash', async () => {
    const url = await serve(null);
    for (const [path, heading] of [
      ['/integritet', 'Integritet och personuppgifter i Insatsnavet'],
      ['/villkor', 'Villkor för Insatsnavet'],
    ]) {
      const response = await fetch(`${url}${path}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain('<html lang="sv">');
      const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
      expect(response.headers.get('content-security-policy')).toContain(
        `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
      );
    }
  });
});
