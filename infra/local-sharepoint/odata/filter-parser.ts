/**
 * `$filter` for list items, as Graph accepts it on SharePoint:
 *
 *   expr    := or
 *   or      := and ('or' and)*
 *   and     := unary ('and' unary)*
 *   unary   := 'not' unary | primary
 *   primary := '(' expr ')' | 'startswith' '(' property ',' literal ')' | property op literal
 *   op      := eq | ne | lt | gt | le | ge
 *   literal := 'string' ('' escapes a quote) | number | true | false | null | bare ISO date
 *
 * Operators and keywords are lower case, as in OData. The parser knows nothing about columns;
 * items/query.ts checks names, types and indexes.
 */
import { describeToken, ODataSyntaxError, type Token, tokenize } from './tokenizer.ts';

export type FilterLiteral =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'date'; readonly value: string };

/** `fields/Code` is a column; a bare name (`id`, `createdDateTime`) is a listItem property */
export type PropertyPath = {
  readonly kind: 'field' | 'item';
  readonly name: string;
  readonly position: number;
};

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'not'; readonly operand: FilterNode }
  | {
      readonly kind: 'compare';
      readonly op: ComparisonOperator;
      readonly property: PropertyPath;
      readonly value: FilterLiteral;
    }
  | { readonly kind: 'startswith'; readonly property: PropertyPath; readonly value: FilterLiteral };

const OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);
const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false', 'null', ...OPERATORS]);
const FUNCTIONS: ReadonlySet<string> = new Set(['startswith']);
/** recognised so the message can say "not supported" rather than "syntax error" */
const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'endswith',
  'contains',
  'substringof',
  'tolower',
  'toupper',
  'length',
  'indexof',
  'year',
  'month',
  'day',
]);

const MAX_DEPTH = 64;

export class Cursor {
  readonly tokens: Token[];
  readonly source: string;
  readonly option: string;
  index = 0;

  constructor(source: string, option: string) {
    this.source = source;
    this.option = option;
    this.tokens = tokenize(source, option);
  }

  peek(): Token {
    const token = this.tokens[this.index];
    if (token === undefined) {
      // tokenize always ends with an 'end' token and parsing never advances past it
      return { type: 'end', position: this.source.length };
    }
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'end') {
      this.index += 1;
    }
    return token;
  }

  fail(token: Token, detail: string): never {
    throw new ODataSyntaxError(this.option, this.source, token.position, detail);
  }

  isWord(text: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text === text;
  }
}

export function parseFilter(source: string): FilterNode {
  const cursor = new Cursor(source, '$filter');
  if (cursor.peek().type === 'end') {
    cursor.fail(cursor.peek(), 'the filter is empty');
  }
  const node = parseOr(cursor, 0);
  const rest = cursor.peek();
  if (rest.type !== 'end') {
    cursor.fail(rest, `expected 'and', 'or' or the end of the expression, found ${describeToken(rest)}`);
  }
  return node;
}

function parseOr(cursor: Cursor, depth: number): FilterNode {
  let left = parseAnd(cursor, depth);
  while (cursor.isWord('or')) {
    cursor.next();
    const right = parseAnd(cursor, depth);
    left = { kind: 'or', left, right };
  }
  return left;
}

function parseAnd(cursor: Cursor, depth: number): FilterNode {
  let left = parseUnary(cursor, depth);
  while (cursor.isWord('and')) {
    cursor.next();
    const right = parseUnary(cursor, depth);
    left = { kind: 'and', left, right };
  }
  return left;
}

function parseUnary(cursor: Cursor, depth: number): FilterNode {
  if (depth > MAX_DEPTH) {
    cursor.fail(cursor.peek(), `the expression is nested deeper than ${MAX_DEPTH} levels`);
  }
  if (cursor.isWord('not')) {
    cursor.next();
    return { kind: 'not', operand: parseUnary(cursor, depth + 1) };
  }
  return parsePrimary(cursor, depth);
}

function parsePrimary(cursor: Cursor, depth: number): FilterNode {
  const token = cursor.peek();
  if (token.type === 'lparen') {
    cursor.next();
    const inner = parseOr(cursor, depth + 1);
    const close = cursor.next();
    if (close.type !== 'rparen') {
      cursor.fail(close, `expected ')' to close the '(' at position ${token.position}, found ${describeToken(close)}`);
    }
    return inner;
  }
  if (token.type === 'word' && cursor.tokens[cursor.index + 1]?.type === 'lparen') {
    return parseFunction(cursor, token);
  }
  const property = parseProperty(cursor);
  const opToken = cursor.next();
  if (opToken.type !== 'word' || !OPERATORS.has(opToken.text)) {
    cursor.fail(opToken, `expected a comparison operator (eq, ne, lt, gt, le, ge), found ${describeToken(opToken)}`);
  }
  const value = parseLiteral(cursor);
  return { kind: 'compare', op: opToken.text as ComparisonOperator, property, value };
}

function parseFunction(cursor: Cursor, name: Token & { type: 'word' }): FilterNode {
  if (!FUNCTIONS.has(name.text)) {
    if (UNSUPPORTED_FUNCTIONS.has(name.text.toLowerCase()) || name.text === 'startsWith') {
      cursor.fail(name, `the function '${name.text}' is not supported on list items (use 'startswith')`);
    }
    cursor.fail(name, `unknown function '${name.text}'`);
  }
  cursor.next();
  cursor.next(); // '('
  const property = parseProperty(cursor);
  const comma = cursor.next();
  if (comma.type !== 'comma') {
    cursor.fail(comma, `expected ',' after the property in ${name.text}(), found ${describeToken(comma)}`);
  }
  const value = parseLiteral(cursor);
  const close = cursor.next();
  if (close.type !== 'rparen') {
    cursor.fail(close, `expected ')' to close ${name.text}(, found ${describeToken(close)}`);
  }
  return { kind: 'startswith', property, value };
}

export function parseProperty(cursor: Cursor): PropertyPath {
  const token = cursor.next();
  if (token.type !== 'word' || KEYWORDS.has(token.text)) {
    cursor.fail(token, `expected a property such as fields/Title, found ${describeToken(token)}`);
  }
  const parts = token.text.split('/');
  if (parts.length === 1) {
    return { kind: 'item', name: token.text, position: token.position };
  }
  if (parts.length === 2 && parts[0] === 'fields' && parts[1] !== undefined && parts[1] !== '') {
    return { kind: 'field', name: parts[1], position: token.position };
  }
  return cursor.fail(token, `unsupported property path '${token.text}' (use fields/<column name>)`);
}

function parseLiteral(cursor: Cursor): FilterLiteral {
  const token = cursor.next();
  switch (token.type) {
    case 'string':
      return { type: 'string', value: token.value };
    case 'number':
      return { type: 'number', value: token.value };
    case 'date':
      return { type: 'date', value: token.text };
    case 'word':
      if (token.text === 'true' || token.text === 'false') {
        return { type: 'boolean', value: token.text === 'true' };
      }
      if (token.text === 'null') {
        return { type: 'null' };
      }
      return cursor.fail(
        token,
        `expected a literal value ('text', a number, a date, true, false or null), found ${describeToken(token)}`,
      );
    default:
      return cursor.fail(
        token,
        `expected a literal value ('text', a number, a date, true, false or null), found ${describeToken(token)}`,
      );
  }
}

/** Writes an AST back as $filter text, fully parenthesised; parseFilter(formatFilter(x)) equals x. */
export function formatFilter(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${formatFilter(node.left)} ${node.kind} ${formatFilter(node.right)})`;
    case 'not':
      return `not ${formatFilter(node.operand)}`;
    case 'compare':
      return `${formatProperty(node.property)} ${node.op} ${formatLiteral(node.value)}`;
    case 'startswith':
      return `startswith(${formatProperty(node.property)},${formatLiteral(node.value)})`;
  }
}

function formatProperty(property: PropertyPath): string {
  return property.kind === 'field' ? `fields/${property.name}` : property.name;
}

export function formatLiteral(literal: FilterLiteral): string {
  switch (literal.type) {
    case 'string':
      return `'${literal.value.replaceAll("'", "''")}'`;
    case 'number':
      return String(literal.value);
    case 'boolean':
      return literal.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'date':
      return literal.value;
  }
}
