/** `$orderby=fields/A desc,fields/B,id` → sort keys (the column checks live in items/query.ts). */
import { Cursor, type PropertyPath, parseProperty } from './filter-parser.ts';
import { describeToken } from './tokenizer.ts';

export type SortKey = { readonly property: PropertyPath; readonly direction: 'asc' | 'desc' };

const MAX_KEYS = 8;

export function parseOrderBy(source: string): SortKey[] {
  const cursor = new Cursor(source, '$orderby');
  const keys: SortKey[] = [];
  if (cursor.peek().type === 'end') {
    cursor.fail(cursor.peek(), 'the sort order is empty');
  }
  for (;;) {
    const property = parseProperty(cursor);
    let direction: 'asc' | 'desc' = 'asc';
    const next = cursor.peek();
    if (next.type === 'word' && (next.text === 'asc' || next.text === 'desc')) {
      direction = next.text;
      cursor.next();
    }
    keys.push({ property, direction });
    const separator = cursor.next();
    if (separator.type === 'end') {
      break;
    }
    if (separator.type !== 'comma') {
      cursor.fail(separator, `expected 'asc', 'desc', ',' or the end, found ${describeToken(separator)}`);
    }
    if (keys.length >= MAX_KEYS) {
      cursor.fail(separator, `at most ${MAX_KEYS} sort keys are supported`);
    }
  }
  return keys;
}
