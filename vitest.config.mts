import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // fuzz-tally prints the fuzz suite's total of generated inputs after the run (test/fuzz/)
    globalSetup: ['test/support/build-tab.ts', 'test/support/fuzz-tally.ts'],
  },
});
