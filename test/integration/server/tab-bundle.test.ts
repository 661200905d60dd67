/**
 * The tab's first load stays within its budget (issue 7: initial JavaScript ≤ 300 KB gzip) —
 * a size, not a timing, so it is asserted here; `npm run bench` prints the figures. It caught
 * the holiday tables (date-holidays, ≈ 230 KB gzip) reaching the tab through a shared schema.
 */
import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_KB, measureTabBundle } from '../../bench/tab-bench.ts';

describe('the built tab', () => {
  it(`loads at most ${INITIAL_JS_BUDGET_KB} KB of gzipped JavaScript before its first view`, () => {
    const bundle = measureTabBundle();
    expect(bundle.initial.length).toBeGreaterThan(0);
    expect(bundle.initialGzipBytes / 1024).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB);
  });

  it('keeps the charts and the views out of the first load', () => {
    const bundle = measureTabBundle();
    const lazy = bundle.lazy.map((entry) => entry.file);
    for (const chunk of ['granted-invoiced-chart', 'overview-view', 'intervention-page-view', 'approvals-view']) {
      expect(lazy.some((file) => file.startsWith(chunk))).toBe(true);
    }
  });
});
