/**
 * Tokens of the OData expressions Graph accepts in `$filter` and `$orderby` on list items.
 * Positions are 0-based character offsets so errors can point at the culprit.
 */

export type Token =
  | { readonly type: 'lparen' | 'rparen' | 'comma'; readonly position: number }
  | { readonly type: 'string'; readonly value: string; readonly position: number }
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly position: number }
  | { readonly type: 'date'; readonly text: string; readonly position: number }
  | { readonly type: 'word'; readonly text: string; readonly position: number }
  | { readonly type: 'end'; readonly position: number };

export class ODataSyntaxError extends Error {
  readonly position: number;
  readonly option: string;
  readonly detail: string;

  constructor(option: string, source: string, position: number, detail: string) {
    super(`Syntax error at position ${position} in ${option} '${source}': ${detail}`);
    this.name = 'ODataSyntaxError';
    this.option = option;
    this.position = position;
    this.detail = detail;
  }
}

// A date must be tried before a number: "2027-04-30" would otherwise lex as 2027 and -4 ...
const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*\/?/;

export function tokenize(source: string, option: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      index += 1;
      continue;
    }
    if (char === '(') {
      tokens.push({ type: 'lparen', position: index });
      index += 1;
      continue;
    }
    if (char === ')') {
      tokens.push({ type: 'rparen', position: index });
      index += 1;
      continue;
    }
    if (char === ',') {
      tokens.push({ type: 'comma', position: index });
      index += 1;
      continue;
    }
    if (char === "'") {
      const start = index;
      let value = '';
      index += 1;
      let closed = false;
      while (index < source.length) {
        const c = source.charAt(index);
        if (c === "'") {
          if (source.charAt(index + 1) === "'") {
            value += "'";
            index += 2;
            continue;
          }
          index += 1;
          closed = true;
          break;
        }
        value += c;
        index += 1;
      }
      if (!closed) {
        throw new ODataSyntaxError(option, source, start, 'unterminated string literal');
      }
      tokens.push({ type: 'string', value, position: start });
      continue;
    }
    const rest = source.slice(index);
    const date = DATE.exec(rest);
    if (date !== null) {
      tokens.push({ type: 'date', text: date[0], position: index });
      index += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      const value = Number(number[0]);
      if (!Number.isFinite(value)) {
        throw new ODataSyntaxError(option, source, index, `number '${number[0]}' is out of range`);
      }
      tokens.push({ type: 'number', value, text: number[0], position: index });
      index += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word !== null) {
      tokens.push({ type: 'word', text: word[0], position: index });
      index += word[0].length;
      continue;
    }
    throw new ODataSyntaxError(option, source, index, `unexpected character '${char}'`);
  }
  tokens.push({ type: 'end', position: source.length });
  return tokens;
}

export function describeToken(token: Token): string {
  switch (token.type) {
    case 'lparen':
      return "'('";
    case 'rparen':
      return "')'";
    case 'comma':
      return "','";
    case 'string':
      return 'a string literal';
    case 'number':
      return `the number ${token.text}`;
    case 'date':
      return `the date ${token.text}`;
    case 'word':
      return `'${token.text}'`;
    case 'end':
      return 'the end of the expression';
  }
}
