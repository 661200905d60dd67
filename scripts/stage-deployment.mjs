// Stages what App Service runs into one folder (default .deployment/app), for a zip deploy by the
// Agents Toolkit (azureAppService/zipDeploy) or by hand (az webapp deploy): the server's sources
// (run by tsx, as on a laptop), the built tab (dist/tab), package.json and lock, and only the
// production packages of node_modules — copied from this checkout, so nothing is downloaded and
// native modules are the ones `npm ci` built here (App Service Linux is x64 glibc: stage on Linux
// x64, or in CI). Run `npm ci` and `npm run build:tab` first.
//
//   node scripts/stage-deployment.mjs [--out <dir>]
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;

/** the files the server needs at run time (tests, tab sources, scripts and infra-as-code stay out) */
export const RUNTIME_PATHS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'src',
  'bot',
  'infra/local-sharepoint',
  'dist/tab',
];

/**
 * The node_modules folders of the production dependency tree, from package-lock.json: every
 * package not marked dev-only, outermost folders only (a nested node_modules comes with its parent).
 */
export function productionPackages(lock) {
  const paths = Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path.startsWith('node_modules/') && entry.dev !== true && entry.devOptional !== true)
    .map(([path]) => path);
  const set = new Set(paths);
  return paths
    .filter((path) => {
      // skip a package whose folder lies inside another production package's folder
      const parts = path.split('/node_modules/');
      for (let i = 1; i < parts.length; i += 1) {
        if (set.has(parts.slice(0, i).join('/node_modules/'))) {
          return false;
        }
      }
      return true;
    })
    .sort();
}

function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  const out = resolve(values.out ?? join(root, '.deployment', 'app'));
  if (!existsSync(join(root, 'dist', 'tab', 'index.html'))) {
    console.error('dist/tab saknas: kör npm run build:tab först.');
    return 1;
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const path of RUNTIME_PATHS) {
    cpSync(join(root, path), join(out, path), { recursive: true });
  }
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const missing = [];
  let copied = 0;
  for (const path of productionPackages(lock)) {
    if (!existsSync(join(root, path))) {
      // optional packages for other platforms are in the lock but not installed
      if (lock.packages[path]?.optional !== true) {
        missing.push(path);
      }
      continue;
    }
    cpSync(join(root, path), join(out, path), { recursive: true, verbatimSymlinks: true });
    copied += 1;
  }
  if (missing.length > 0) {
    console.error(`Saknas i node_modules (kör npm ci): ${missing.join(', ')}`);
    return 1;
  }
  console.log(`Driftpaket: ${out} (${copied} paket i node_modules)`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main();
}
