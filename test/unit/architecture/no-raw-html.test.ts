/**
 * Typed text is shown as text in the tab: React escapes everything it renders, unless the code
 * hands it raw HTML. This test reads every source file of the tab (and of the server and the bot,
 * which build HTML and cards) and fails on the ways raw HTML or code gets in:
 * dangerouslySetInnerHTML, innerHTML/outerHTML, insertAdjacentHTML, document.write, eval, new
 * Function and srcdoc. A lint rule, as a test, because Biome has no rule for all of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;

const RAW_HTML: ReadonlyArray<readonly [string, RegExp]> = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML', /\.(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write(?:ln)?\s*\(/],
  ['eval', /(?<![\w.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['srcdoc', /\bsrcdoc\b/i],
  ['createContextualFragment', /createContextualFragment/],
];

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'dist') {
      continue;
    }
    if (statSync(path).isDirectory()) {
      files.push(...sourceFiles(path));
    } else if (/\.(?:ts|tsx|js|jsx|mjs|html)$/.test(name)) {
      files.push(path);
    }
  }
  return files;
}

describe('no raw HTML from code', () => {
  for (const folder of ['tab/src', 'tab/index.html', 'src', 'bot']) {
    it(`${folder} renders no raw HTML and evaluates no strings`, () => {
      const path = join(ROOT, folder);
      const files = statSync(path).isDirectory() ? sourceFiles(path) : [path];
      expect(files.length).toBeGreaterThan(0);
      const found = files.flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return RAW_HTML.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${relative(ROOT, file)}: ${what}`);
      });
      expect(found).toEqual([]);
    });
  }

  it('would notice one (the patterns match what they are meant to)', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: title }} />',
      'element.innerHTML = title;',
      'node.insertAdjacentHTML("beforeend", x)',
      'document.write(x)',
      'eval(code)',
      'new Function("return 1")',
      '<iframe srcDoc={x} />',
      'range.createContextualFragment(x)',
    ];
    for (const [index, [what, pattern]] of RAW_HTML.entries()) {
      expect(pattern.test(samples[index] ?? ''), what).toBe(true);
    }
    expect(RAW_HTML.some(([, pattern]) => pattern.test('const evaluation = retrieve(x);'))).toBe(false);
  });
});
