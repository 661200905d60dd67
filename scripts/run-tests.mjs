// `npm test`: every check and every test, in order, even when an earlier one fails, then one
// plain summary line `N passed, N failed` (vitest's tests plus the type check and the linter).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TZ: 'UTC', NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
}

let passed = 0;
let failed = 0;
for (const [label, command, args] of [
  ['typecheck (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['typecheck of the tab (tsc --noEmit)', bin('tsc'), ['-p', 'tab/tsconfig.json', '--noEmit']],
  // the tab the server serves and the browser tests open is the one in the working tree
  ['build of the tab (vite)', process.execPath, [join(root, 'scripts', 'build-tab-if-stale.mjs')]],
  ['lint (biome check)', bin('biome'), ['check', '.']],
]) {
  if (step(label, command, args)) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`FAILED: ${label}`);
  }
}

const report = join(root, 'node_modules', '.vitest-report.json');
rmSync(report, { force: true });
const vitestOk = step('tests (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // a file that failed to load has no failed tests but must still fail the run
  if (!vitestOk && results.numFailedTests === 0) {
    failed += Math.max(1, results.numFailedTestSuites);
  }
} else {
  failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
