import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FilterLiteral,
  type FilterNode,
  formatFilter,
  type PropertyPath,
  parseFilter,
} from '../../../infra/local-sharepoint/odata/filter-parser.ts';
import { parseOrderBy } from '../../../infra/local-sharepoint/odata/orderby-parser.ts';
import { ODataSyntaxError } from '../../../infra/local-sharepoint/odata/tokenizer.ts';

/** positions matter for errors, not for the shape of a tree */
function shape(node: FilterNode): unknown {
  return JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)));
}

const field = (name: string) => ({ kind: 'field', name });
const eq = (name: string, value: FilterLiteral) => ({ kind: 'compare', op: 'eq', property: field(name), value });
const str = (value: string): FilterLiteral => ({ type: 'string', value });
const num = (value: number): FilterLiteral => ({ type: 'number', value });

describe('parseFilter', () => {
  it.each([
    ["fields/Code eq 'NOVA'", eq('Code', str('NOVA'))],
    ["fields/Code eq 'it''s'", eq('Code', str("it's"))],
    ["fields/Code eq ''''", eq('Code', str("'"))],
    ["fields/Code eq ''", eq('Code', str(''))],
    ["fields/Title eq 'a and b or c'", eq('Title', str('a and b or c'))],
    ["fields/Title eq 'åäö ÅÄÖ'", eq('Title', str('åäö ÅÄÖ'))],
    ['fields/Year eq 2027', eq('Year', num(2027))],
    ['fields/Amount eq -12.5', eq('Amount', num(-12.5))],
    ['fields/Amount eq 1e3', eq('Amount', num(1000))],
    ['fields/Active eq true', eq('Active', { type: 'boolean', value: true })],
    ['fields/Active eq false', eq('Active', { type: 'boolean', value: false })],
    ['fields/DueDate eq null', eq('DueDate', { type: 'null' })],
    ["fields/DueDate eq '2027-04-30'", eq('DueDate', str('2027-04-30'))],
    ['fields/DueDate eq 2027-04-30', eq('DueDate', { type: 'date', value: '2027-04-30' })],
    ['fields/At eq 2027-04-30T08:00:00Z', eq('At', { type: 'date', value: '2027-04-30T08:00:00Z' })],
    ['fields/At eq 2027-04-30T08:00:00.123+02:00', eq('At', { type: 'date', value: '2027-04-30T08:00:00.123+02:00' })],
    ['fields/InterventionLookupId eq 5', eq('InterventionLookupId', num(5))],
    ["fields/InterventionLookupId eq '5'", eq('InterventionLookupId', str('5'))],
    ['  fields/Year   eq   2027  ', eq('Year', num(2027))],
  ])('%s', (source, expected) => {
    expect(shape(parseFilter(source))).toEqual(expected);
  });

  it.each(['eq', 'ne', 'lt', 'gt', 'le', 'ge'] as const)('operator %s', (op) => {
    expect(shape(parseFilter(`fields/N ${op} 1`))).toEqual({
      kind: 'compare',
      op,
      property: field('N'),
      value: num(1),
    });
  });

  it('gives and precedence over or', () => {
    const tree = shape(parseFilter('fields/A eq 1 or fields/B eq 2 and fields/C eq 3'));
    expect(tree).toEqual({
      kind: 'or',
      left: eq('A', num(1)),
      right: { kind: 'and', left: eq('B', num(2)), right: eq('C', num(3)) },
    });
  });

  it('lets parentheses override precedence', () => {
    const tree = shape(parseFilter('(fields/A eq 1 or fields/B eq 2) and fields/C eq 3'));
    expect(tree).toEqual({
      kind: 'and',
      left: { kind: 'or', left: eq('A', num(1)), right: eq('B', num(2)) },
      right: eq('C', num(3)),
    });
  });

  it('is left-associative for chains of and / or', () => {
    const tree = shape(parseFilter('fields/A eq 1 and fields/B eq 2 and fields/C eq 3'));
    expect(tree).toEqual({
      kind: 'and',
      left: { kind: 'and', left: eq('A', num(1)), right: eq('B', num(2)) },
      right: eq('C', num(3)),
    });
  });

  it('binds not tighter than and', () => {
    const tree = shape(parseFilter('not fields/A eq 1 and fields/B eq 2'));
    expect(tree).toEqual({ kind: 'and', left: { kind: 'not', operand: eq('A', num(1)) }, right: eq('B', num(2)) });
  });

  it('parses startswith, also inside not and parentheses', () => {
    expect(shape(parseFilter("startswith(fields/Code,'NO')"))).toEqual({
      kind: 'startswith',
      property: field('Code'),
      value: str('NO'),
    });
    expect(shape(parseFilter("not (startswith(fields/Code, 'a''b') or fields/X eq 1)"))).toEqual({
      kind: 'not',
      operand: {
        kind: 'or',
        left: { kind: 'startswith', property: field('Code'), value: str("a'b") },
        right: eq('X', num(1)),
      },
    });
  });

  it('reads listItem properties without fields/', () => {
    expect(shape(parseFilter('id eq 5'))).toEqual({
      kind: 'compare',
      op: 'eq',
      property: { kind: 'item', name: 'id' },
      value: num(5),
    });
  });

  it.each([
    ['', 0, 'empty'],
    ['fields/Code', 11, 'comparison operator'],
    ['fields/Code eq', 14, 'literal value'],
    ["fields/Code eq 'abc", 15, 'unterminated'],
    ["fields/Code EQ 'x'", 12, 'comparison operator'],
    ["fields/Code == 'x'", 12, 'unexpected character'],
    ["fields/Code eq 'x' and", 22, 'property'],
    ["(fields/Code eq 'x'", 19, "expected ')'"],
    ["fields/Code eq 'x')", 18, 'end of the expression'],
    ["fields/Code eq 'x' fields/B eq 1", 19, "'and', 'or'"],
    ["contains(fields/Code,'x')", 0, 'not supported'],
    ["substringof('x',fields/Code)", 0, 'not supported'],
    ["foo(fields/Code,'x')", 0, 'unknown function'],
    ["startswith(fields/Code 'x')", 23, "expected ','"],
    ['fields/ eq 1', 0, 'property'],
    ['fields/A/B eq 1', 0, 'unsupported property path'],
    ["'x' eq fields/Code", 0, 'property'],
    ['fields/A eq fields/B', 12, 'literal value'],
    ['fields/A eq 1 or or fields/B eq 2', 17, 'property'],
    ['fields/A eq 12abc', 14, "'and', 'or'"],
  ])('rejects %j at position %i', (source, position, detail) => {
    let thrown: unknown;
    try {
      parseFilter(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ODataSyntaxError);
    const error = thrown as ODataSyntaxError;
    expect(error.position).toBe(position);
    expect(error.message).toContain(detail);
    expect(error.message).toContain(`position ${position}`);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parseFilter(`${'('.repeat(500)}fields/A eq 1${')'.repeat(500)}`)).toThrow(ODataSyntaxError);
    expect(() => parseFilter(`${'not '.repeat(500)}fields/A eq 1`)).toThrow(ODataSyntaxError);
  });

  it('round-trips generated expressions through formatFilter', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,12}$/);
    const property: fc.Arbitrary<PropertyPath> = fc.oneof(
      name.map((n) => ({ kind: 'field' as const, name: n, position: 0 })),
      fc.constantFrom('id', 'createdDateTime').map((n) => ({ kind: 'item' as const, name: n, position: 0 })),
    );
    const literal: fc.Arbitrary<FilterLiteral> = fc.oneof(
      fc.string({ maxLength: 20 }).map((value) => ({ type: 'string' as const, value })),
      fc
        .double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })
        .filter((value) => !Object.is(value, -0))
        .map((value) => ({ type: 'number' as const, value })),
      fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
      fc.constant({ type: 'null' as const }),
      fc.constantFrom('2027-04-30', '2027-04-30T00:00:00Z', '1999-12-31T23:59:59+01:00').map((value) => ({
        type: 'date' as const,
        value,
      })),
    );
    const op = fc.constantFrom('eq', 'ne', 'lt', 'gt', 'le', 'ge' as const);
    const { node } = fc.letrec<{ node: FilterNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('compare' as const), op, property, value: literal }),
        fc.record({
          kind: fc.constant('startswith' as const),
          property,
          value: fc.string({ maxLength: 10 }).map((value) => ({ type: 'string' as const, value })),
        }),
        fc.record({ kind: fc.constant('not' as const), operand: tie('node') }),
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('node'), right: tie('node') }),
      ),
    }));
    fc.assert(
      fc.property(node, (tree) => {
        expect(shape(parseFilter(formatFilter(tree)))).toEqual(shape(tree));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseOrderBy', () => {
  it.each([
    ['fields/Code', [{ property: field('Code'), direction: 'asc' }]],
    ['fields/Code desc', [{ property: field('Code'), direction: 'desc' }]],
    [
      'fields/Stage asc, fields/DueDate desc,id',
      [
        { property: field('Stage'), direction: 'asc' },
        { property: field('DueDate'), direction: 'desc' },
        { property: { kind: 'item', name: 'id' }, direction: 'asc' },
      ],
    ],
  ])('%s', (source, expected) => {
    expect(
      JSON.parse(JSON.stringify(parseOrderBy(source), (k, v: unknown) => (k === 'position' ? undefined : v))),
    ).toEqual(expected);
  });

  it.each([
    ['', 0],
    ['fields/A sideways', 9],
    ['fields/A,', 9],
    ["fields/A, 'x'", 10],
  ])('rejects %j at position %i', (source, position) => {
    expect(() => parseOrderBy(source)).toThrow(ODataSyntaxError);
    try {
      parseOrderBy(source);
    } catch (error) {
      expect((error as ODataSyntaxError).position).toBe(position);
    }
  });
});
