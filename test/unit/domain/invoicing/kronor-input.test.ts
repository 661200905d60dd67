import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKr } from '../../../../src/domain/format.ts';
import {
  formatKronorExact,
  MAX_KRONOR,
  parseKronor,
  readKronor,
} from '../../../../src/domain/invoicing/kronor-input.ts';

describe('parseKronor: amounts as Swedes type them', () => {
  it.each([
    ['12500', 12_500],
    ['12 500', 12_500],
    ['12\u00a0500', 12_500],
    ['12\u202f500', 12_500],
    ['1 065 500', 1_065_500],
    ['12 500,50', 12_500.5],
    ['12 500,5', 12_500.5],
    ['12500.5', 12_500.5],
    ['12 500 kr', 12_500],
    ['12 500kr', 12_500],
    ['12 500 kr.', 12_500],
    ['12 500 SEK', 12_500],
    ['12 500:-', 12_500],
    [' 300 000 kr ', 300_000],
    ['0', 0],
    ['0,07', 0.07],
  ])('reads %j as %d', (text, amount) => {
    expect(parseKronor(text)).toBe(amount);
  });

  it('takes numbers from a card or the API as they are, to the öre', () => {
    expect(parseKronor(12_500)).toBe(12_500);
    expect(parseKronor(12_500.5)).toBe(12_500.5);
    expect(parseKronor(0.29)).toBe(0.29);
    expect(parseKronor(0.1 + 0.2)).toBe(0.3);
  });

  it.each([
    ['-100', 'negative'],
    ['\u2212100', 'negative'],
    [-0.5, 'negative'],
    ['12,345', 'decimals'],
    ['12.500', 'decimals'],
    [12.345, 'decimals'],
    ['100 000 001', 'too-large'],
    [MAX_KRONOR + 0.01, 'too-large'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['kr', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['tolv tusen', 'not-a-number'],
    ['12 50', 'not-a-number'],
    ['1 2500', 'not-a-number'],
    ['1.065.500', 'not-a-number'],
    ['12,500.50', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['+100', 'not-a-number'],
    [Number.NaN, 'not-a-number'],
    [Number.POSITIVE_INFINITY, 'not-a-number'],
    [true, 'not-a-number'],
    [{ amount: 1 }, 'not-a-number'],
  ])('refuses %j (%s)', (value, problem) => {
    expect(readKronor(value)).toEqual({ ok: false, problem });
    expect(parseKronor(value)).toBeNull();
  });

  it('accepts the largest amount and nothing above it', () => {
    expect(parseKronor(MAX_KRONOR)).toBe(MAX_KRONOR);
    expect(parseKronor('100 000 000 kr')).toBe(MAX_KRONOR);
  });

  it('reads back whatever formatKr wrote (whole kronor)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_KRONOR }), (amount) => {
        expect(parseKronor(formatKr(amount))).toBe(amount);
      }),
    );
  });

  it('reads back any amount in öre written the Swedish way, with or without "kr"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_KRONOR * 100 }), fc.boolean(), (ore, withKr) => {
        const text = formatKronorExact(ore / 100);
        expect(parseKronor(withKr ? text : text.replace(/\u00a0kr$/, ''))).toBe(ore / 100);
      }),
    );
  });

  it('shows öre only when there are any', () => {
    expect(formatKronorExact(298_000)).toBe('298\u00a0000\u00a0kr');
    expect(formatKronorExact(12_500.5)).toBe('12\u00a0500,50\u00a0kr');
  });
});
