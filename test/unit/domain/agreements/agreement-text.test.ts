import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayAndMonth,
  joinSwedish,
  paragraphRef,
  paragraphsOf,
  quarterMonths,
} from '../../../../src/domain/agreements/agreement-text.ts';

describe('the Swedish of the samarbetsavtal', () => {
  it('joins a list with commas and a final "och"', () => {
    expect(joinSwedish([])).toBe('');
    expect(joinSwedish(['Växjö kommun'])).toBe('Växjö kommun');
    expect(joinSwedish(['A', 'B'])).toBe('A och B');
    expect(joinSwedish(['A', 'B', 'C'])).toBe('A, B och C');
  });

  it('says a rule day and a quarter in words', () => {
    expect(dayAndMonth('04-30')).toBe('30 april');
    expect(dayAndMonth('01-05')).toBe('5 januari');
    expect(dayAndMonth('02-29')).toBe('den sista februari');
    expect(quarterMonths(4)).toBe('oktober–december');
  });

  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2027-12-31', 3)).toBe('2028-03-31');
    expect(addMonths('2027-06-30', 3)).toBe('2027-09-30');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('writes a minutes reference with its §, and splits running text at its line breaks', () => {
    expect(paragraphRef('50')).toBe('§ 50');
    expect(paragraphRef(' § 50 ')).toBe('§ 50');
    expect(paragraphsOf('Insatsmål: 90.\r\n\n  Nyttomål: 40 %.  ')).toEqual(['Insatsmål: 90.', 'Nyttomål: 40 %.']);
    expect(paragraphsOf('   ')).toEqual([]);
    expect(paragraphsOf(null)).toEqual([]);
  });
});
