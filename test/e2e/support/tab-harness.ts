/**
 * The tab in a real browser: Insatsnavet booted as `npm start` boots it (random ports, a fresh
 * data folder with the demo data, the built tab from dist/tab), and Debian's Chromium driven by
 * playwright-core. Every page records its console errors and uncaught exceptions, so a test can
 * assert there were none; `checkAccessibility` runs axe-core in the page; `screenshot` saves the
 * view under test/e2e/artifacts/ for people to look at.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { loadTabAssets } from '../../../src/server/tab-assets.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';

export const ARTIFACTS_DIR = new URL('../artifacts/', import.meta.url).pathname;

/** Chromium on this machine's closed network: no sandbox as root, nothing that phones home */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export type TabPage = {
  readonly page: Page;
  /** console errors, failed requests' messages and uncaught exceptions, in order */
  readonly problems: string[];
};

export type TabHarness = {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** a new browser context signed in as the person (`/?as=<id>`), at the given hash route */
  openAs(
    person: PersonKey | null,
    route?: string,
    options?: { width?: number; colorScheme?: 'light' | 'dark' },
  ): Promise<TabPage>;
  close(): Promise<void>;
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** `env` adds to (or overrides) the app's settings, e.g. AUTH_MODE=entra for the Teams host tests */
export async function startTabHarness(env: Readonly<Record<string, string>> = {}): Promise<TabHarness> {
  if (loadTabAssets() === null) {
    throw new Error('the tab is not built: run `node scripts/build-tab-if-stale.mjs` (npm test does)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-e2e-'));
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SWEEP_SCHEDULE: 'off',
    // a browser test clicks quickly through many views; the per-person limit is not under test here
    API_RATE_LIMIT_PER_MINUTE: '6000',
    API_RATE_LIMIT_BURST: '600',
    ...env,
  });
  const app = await bootApp(config, createLogger('silent'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    app,
    browser,
    async openAs(person, route = '/', options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        colorScheme: options.colorScheme ?? 'light',
      });
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          problems.push(`console: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      const query = person === null ? '' : `?as=${demoPerson(person).aadObjectId}`;
      await page.goto(`${app.url}/${query}#${route}`);
      return { page, problems };
    },
    async close() {
      for (const context of contexts) {
        await context.close().catch(() => undefined);
      }
      await browser.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** axe-core's serious and critical violations on the page (or a framed page) as it is now */
export async function checkAccessibility(target: Page | Frame): Promise<AxeViolation[]> {
  const page = 'mainFrame' in target ? target.mainFrame() : target;
  await settleAnimations(page);
  // evaluated through the DevTools protocol, not as a <script>: the tab's CSP (rightly) refuses inline scripts
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    // Fluent UI's focus manager (Tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>)
    // around focus groups; they hand focus on and are never read, so axe's aria-hidden-focus rule
    // misreads them (a known false positive for every Fluent UI v9 app). Only they are excluded.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * Waits until the page's finite animations and CSS transitions have ended. Fluent UI fades a
 * button's colours for a moment when it is enabled again (a dialog's buttons after a refused
 * request) and fades dialogs in; axe measuring colour contrast mid-fade reports a pale colour no
 * user is left looking at (CI saw it on a loaded machine). Endless ones — a spinner — are not
 * waited for. A few rounds, because an animation's end can start the next (a dialog's surface,
 * then its content).
 */
async function settleAnimations(page: Frame): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const running = await page.evaluate(async () => {
      const finite = document
        .getAnimations()
        .filter(
          (animation) =>
            animation.playState === 'running' &&
            animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
        );
      await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
      return finite.length;
    });
    if (running === 0) {
      return;
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
