/**
 * The tab: what a first visit downloads (the initial JavaScript, gzip as the server sends it,
 * against the 300 KB budget; each view's own chunk), how long the overview takes to show in
 * Chromium against a bare page from the same server, and what loading each view costs in API
 * calls and Graph requests (the local SharePoint's request log).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { TAB_DIST_DIR } from '../../src/server/tab-assets.ts';
import { demoPerson } from '../../src/sharepoint/demo/demo-people.ts';
import { startTabHarness } from '../e2e/support/tab-harness.ts';

/** the budget of issue 7: initial JavaScript ≤ 300 KB gzip */
export const INITIAL_JS_BUDGET_KB = 300;

export type TabBundle = {
  readonly initial: ReadonlyArray<{ readonly file: string; readonly gzipBytes: number }>;
  readonly initialGzipBytes: number;
  readonly lazy: ReadonlyArray<{ readonly file: string; readonly gzipBytes: number }>;
};

const gzipSize = (path: string): number => gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length;

/** the entry script and the chunks the page preloads with it: what runs before anything is shown */
export function measureTabBundle(dir: string = TAB_DIST_DIR): TabBundle {
  const page = readFileSync(join(dir, 'index.html'), 'utf8');
  const initialFiles = [
    ...page.matchAll(/<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/g),
    ...page.matchAll(/<link rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  const initial = initialFiles.map((file) => ({ file, gzipBytes: gzipSize(join(dir, 'assets', file)) }));
  const all = execFileSync('ls', [join(dir, 'assets')], { encoding: 'utf8' })
    .split('\n')
    .filter((file) => file.endsWith('.js') && !initialFiles.includes(file));
  const lazy = all.map((file) => ({ file, gzipBytes: gzipSize(join(dir, 'assets', file)) }));
  return { initial, initialGzipBytes: initial.reduce((sum, entry) => sum + entry.gzipBytes, 0), lazy };
}

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

export async function benchTab(): Promise<Record<string, number | string>> {
  execFileSync(process.execPath, [new URL('../../scripts/build-tab-if-stale.mjs', import.meta.url).pathname], {
    stdio: 'inherit',
  });
  const bundle = measureTabBundle();
  const figures: Record<string, number | string> = {
    'initial JS, gzip (KB)': kb(bundle.initialGzipBytes),
    'initial JS budget (KB)': INITIAL_JS_BUDGET_KB,
    'initial JS files': bundle.initial.map((entry) => `${entry.file} ${kb(entry.gzipBytes)}`).join(', '),
  };
  for (const entry of [...bundle.lazy].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 8)) {
    figures[`lazy chunk ${entry.file.replace(/-[\w-]{8}\.js$/, '')} (KB gzip)`] = kb(entry.gzipBytes);
  }

  const harness = await startTabHarness();
  try {
    const emulator = harness.app.localSharePointUrl ?? '';
    const karin = demoPerson('karin.vallgren').aadObjectId;
    // a warm browser and server: the first load in a fresh context compiles nothing twice
    const { page } = await harness.openAs('karin.vallgren');
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();

    const baselineRuns: number[] = [];
    const overviewRuns: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      let started = performance.now();
      await page.goto(`${harness.app.url}/healthz`);
      baselineRuns.push(performance.now() - started);
      await fetch(`${emulator}/_emulator/requests`, { method: 'DELETE' });
      started = performance.now();
      await page.goto(`${harness.app.url}/?as=${karin}#/`);
      await page.getByRole('row', { name: /Totalt/ }).waitFor();
      overviewRuns.push(performance.now() - started);
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    figures['bare page from the same server (baseline), ms median of 5'] = Math.round(median(baselineRuns));
    figures['overview shown with its figures (Karin, förbundschef), ms median of 5'] = Math.round(median(overviewRuns));

    for (const [name, route, ready] of [
      ['overview', '/', /Totalt/],
      ['insatser list', '/insatser', /NOVA/],
    ] as const) {
      const calls: string[] = [];
      const onRequest = (request: { url(): string }) => {
        if (request.url().includes('/api/')) {
          calls.push(new URL(request.url()).pathname);
        }
      };
      page.on('request', onRequest);
      await fetch(`${emulator}/_emulator/requests`, { method: 'DELETE' });
      await page.goto(`${harness.app.url}/?as=${karin}#${route}`);
      await page.getByRole('row', { name: ready }).first().waitFor();
      await page.waitForLoadState('networkidle');
      page.off('request', onRequest);
      const log = (await (await fetch(`${emulator}/_emulator/requests`)).json()) as {
        total: number;
        entries: Array<{ inBatch: boolean }>;
      };
      figures[`${name}: API calls from the tab`] = calls.length;
      figures[`${name}: Graph HTTP requests behind them`] = log.entries.filter((entry) => !entry.inBatch).length;
    }
  } finally {
    await harness.close();
  }
  return figures;
}
