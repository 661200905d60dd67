/**
 * A Fluent Spinner without a label is a progressbar a screen reader cannot name (axe:
 * aria-progressbar-name). Most show for a moment only, so the browser tests' accessibility checks
 * catch one only when they happen to look while it spins — a CI run failed that way on the budget
 * chart's loading spinner. This test reads every Spinner in the tab and wants a label on each.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

function tsxFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      return tsxFiles(path);
    }
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** Each `<Spinner …>` element's attribute text, up to its closing `>` (attributes hold no `>`). */
function spinnerTags(text: string): string[] {
  return [...text.matchAll(/<Spinner\b([^>]*)>/g)].map((match) => match[1] ?? '');
}

describe('spinners in the tab', () => {
  it('every Spinner has a label a screen reader can say', () => {
    const files = tsxFiles(join(ROOT, 'tab/src'));
    const all = files.flatMap((file) =>
      spinnerTags(readFileSync(file, 'utf8')).map((attributes) => ({ file: relative(ROOT, file), attributes })),
    );
    expect(all.length).toBeGreaterThan(10);
    const unnamed = all.filter(({ attributes }) => !/\b(?:label|aria-label|aria-labelledby)=/.test(attributes));
    expect(unnamed.map(({ file }) => file)).toEqual([]);
  });
});
