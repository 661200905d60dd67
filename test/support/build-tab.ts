/**
 * vitest global setup: the tab the server serves (and the browser tests open) is built from the
 * working tree before any test runs — a no-op when dist/tab is newer than its sources.
 */
import { execFileSync } from 'node:child_process';

export function setup(): void {
  const script = new URL('../../scripts/build-tab-if-stale.mjs', import.meta.url).pathname;
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
