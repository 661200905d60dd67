import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one on the 2-core machines CI uses. The
    // suite mostly waits (on the local SharePoint, chromium, child processes), so two files at a
    // time take the run from about 12 to about 8.5 minutes there (measured; 3 522 tests passed).
    maxWorkers: 2,
    // fuzz-tally prints the fuzz suite's total of generated inputs after the run (test/fuzz/)
    globalSetup: ['test/support/build-tab.ts', 'test/support/fuzz-tally.ts'],
  },
});
