/**
 * Is typed text shown as text? Teams reads a TextBlock's text and a FactSet's titles and values as
 * Markdown, and a bot's chat message as Markdown with some HTML. The markers below are what the
 * fuzz suite types into titles, comments and commands; wherever one comes back in a place Teams
 * formats, its Markdown must be escaped (`\[länk\](…)`, `\*\*fet\*\*`) and, in a chat message, its
 * tags too (`\<img …`). Input values, button titles and fallback texts are plain text: not checked.
 */
import { expect } from 'vitest';

export const MARKDOWN_MARKERS = [
  '[länk](https://evil.example)',
  '**fet**',
  '_kursiv_',
  '`kod`',
  '<img src=x onerror=alert(1)>',
] as const;

/** true when the character at `index` is not escaped (an even number of backslashes before it) */
function live(text: string, index: number): boolean {
  let backslashes = 0;
  for (let at = index - 1; at >= 0 && text.charAt(at) === '\\'; at -= 1) {
    backslashes += 1;
  }
  return backslashes % 2 === 0;
}

/** every place a marker is live: a link, bold, italics or code Teams would render */
export function liveMarkup(text: string, html: boolean): string[] {
  const found: string[] = [];
  const scan = (needle: string, at: (index: number) => number, what: string) => {
    for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) {
      if (live(text, at(index))) {
        found.push(`${what} at ${index}: …${text.slice(Math.max(0, index - 20), index + 40)}…`);
      }
    }
  };
  scan('](https://evil.example)', (index) => index, 'a link');
  scan('[länk', (index) => index, 'a link');
  scan('**fet', (index) => index, 'bold');
  scan('_kursiv', (index) => index, 'italics');
  scan('`kod', (index) => index, 'code');
  if (html) {
    scan('<img', (index) => index, 'an HTML tag');
    scan('<script', (index) => index, 'an HTML tag');
  }
  return found;
}

/** the texts Teams formats in a card or an activity: [text, may it hold HTML] */
export function formattedTexts(value: unknown): Array<readonly [string, boolean]> {
  const texts: Array<readonly [string, boolean]> = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') {
      texts.push([record.text, false]);
    }
    if (record.type === 'FactSet' && Array.isArray(record.facts)) {
      for (const fact of record.facts as Array<{ title?: unknown; value?: unknown }>) {
        for (const part of [fact.title, fact.value]) {
          if (typeof part === 'string') {
            texts.push([part, false]);
          }
        }
      }
    }
    // a chat message (an activity the bot sends): Markdown with some HTML
    if (record.type === 'message' && typeof record.text === 'string') {
      texts.push([record.text, true]);
    }
    for (const [key, child] of Object.entries(record)) {
      // input values and button data are not formatted; the rest may hold cards
      if (key !== 'value' || record.type === undefined || !String(record.type).startsWith('Input.')) {
        stack.push(child);
      }
    }
  }
  return texts;
}

export function expectInertText(value: unknown, context: string): void {
  for (const [text, html] of formattedTexts(value)) {
    expect(liveMarkup(text, html), `${context}\nin: ${text.slice(0, 300)}`).toEqual([]);
  }
}
