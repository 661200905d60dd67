import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../src/domain/calendar/iso-date.ts';
import {
  nextQuarter,
  periodKeyOf,
  quarterEnd,
  quarterLabel,
  quarterOf,
  quarterStart,
  quartersOfPeriod,
} from '../../../../src/domain/invoicing/quarters.ts';

const dates = fc
  .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('quarters', () => {
  it('labels a quarter in Swedish', () => {
    expect(quarterLabel({ year: 2027, quarter: 1 })).toBe('Q1 2027 (januari–mars)');
    expect(quarterLabel({ year: 2026, quarter: 4 })).toBe('Q4 2026 (oktober–december)');
    expect(periodKeyOf('NOVA', { year: 2027, quarter: 1 })).toBe('NOVA-2027-Q1');
  });

  it('knows where quarters start and end', () => {
    expect(quarterOf('2027-03-31')).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOf('2027-04-01')).toEqual({ year: 2027, quarter: 2 });
    expect(quarterStart({ year: 2027, quarter: 3 })).toBe('2027-07-01');
    expect(quarterEnd({ year: 2027, quarter: 2 })).toBe('2027-06-30');
    expect(quarterEnd({ year: 2028, quarter: 1 })).toBe('2028-03-31');
    expect(nextQuarter({ year: 2026, quarter: 4 })).toEqual({ year: 2027, quarter: 1 });
  });

  it('lists the quarters a period touches', () => {
    expect(quartersOfPeriod('2025-07-15', '2025-08-10')).toEqual([{ year: 2025, quarter: 3 }]);
    expect(quartersOfPeriod('2026-11-30', '2027-04-01')).toEqual([
      { year: 2026, quarter: 4 },
      { year: 2027, quarter: 1 },
      { year: 2027, quarter: 2 },
    ]);
    expect(quartersOfPeriod('2025-01-01', '2027-12-31')).toHaveLength(12);
    expect(quartersOfPeriod('2027-01-01', '2026-12-31')).toEqual([]);
  });

  it('property: every day of a period lies in one of its quarters, and every quarter overlaps it', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 1200 }), (start, length) => {
        const end = new Date((dayNumber(start) + length) * 86_400_000).toISOString().slice(0, 10);
        const quarters = quartersOfPeriod(start, end);
        expect(quarters[0]).toEqual(quarterOf(start));
        expect(quarters.at(-1)).toEqual(quarterOf(end));
        for (const quarter of quarters) {
          expect(quarterStart(quarter) <= end && quarterEnd(quarter) >= start).toBe(true);
        }
      }),
    );
  });
});
