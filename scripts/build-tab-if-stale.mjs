// Builds the tab (dist/tab) when it is missing or older than its sources, so `npm start` and
// `npm test` always serve the tab as it is in the working tree. Plain JavaScript: it runs
// before anything else and needs only vite from node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist', 'tab', 'index.html');
// what the tab is made of: its own files and the pure modules it imports from src/
const sources = ['tab', 'src/domain', 'src/contracts', 'package-lock.json'].map((path) => join(root, path));

function newestChange(path) {
  if (!existsSync(path)) {
    return 0;
  }
  const stats = statSync(path);
  if (!stats.isDirectory()) {
    return stats.mtimeMs;
  }
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name !== 'node_modules' && entry.name !== 'dist') {
      newest = Math.max(newest, newestChange(join(path, entry.name)));
    }
  }
  return newest;
}

const force = process.argv.includes('--force');
const stale = force || !existsSync(built) || Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
if (stale) {
  console.log('> bygger fliken (vite build) …');
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('Fliken kunde inte byggas.');
    process.exit(result.status ?? 1);
  }
}
