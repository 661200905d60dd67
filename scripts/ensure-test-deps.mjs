// Installs what the tests need on a fresh machine, so `npm test` works on a clean clone:
// the npm packages (npm ci) when node_modules is missing or older than the lockfile, and
// Debian's chromium for the browser tests when a browser test exists and chromium does not.
// Plain JavaScript with no dependencies: it runs before anything is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
}

function needsNpmCi() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) {
    return true;
  }
  return statSync(join(root, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs + 1000;
}

function hasBrowserTests(dir = join(root, 'test', 'e2e')) {
  if (!existsSync(dir)) {
    return false;
  }
  return readdirSync(dir, { recursive: true }).some((name) => String(name).endsWith('.test.ts'));
}

if (needsNpmCi()) {
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
if (hasBrowserTests() && !existsSync('/usr/bin/chromium')) {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
}
