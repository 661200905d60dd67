import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../src/domain/calendar/iso-date.ts';
import { isWorkingDay } from '../../../../src/domain/calendar/working-days.ts';
import {
  DEFAULT_DUE_RULE,
  type DueRule,
  dueDateFor,
  nominalDueDate,
  parseDueRule,
} from '../../../../src/domain/invoicing/due-rule.ts';
import type { QuarterNumber } from '../../../../src/domain/invoicing/quarters.ts';
import { demoDueDate } from '../../../../src/sharepoint/demo/demo-requisitions.ts';
import { SETTING_DEFAULTS } from '../../../../src/sharepoint/schema.ts';

const quarters = fc.constantFrom<QuarterNumber>(1, 2, 3, 4);
const monthDays = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([month, day]) => {
  const last = new Date(Date.UTC(2024, month, 0)).getUTCDate();
  return `${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
});
const rules = fc.record({ q1: monthDays, q2: monthDays, q3: monthDays, q4: monthDays });

describe('the default invoice due rule (Settings faktura.forfalloregel)', () => {
  it('is the one provisioned into Settings', () => {
    expect(parseDueRule(SETTING_DEFAULTS['faktura.forfalloregel'])).toEqual({ rule: DEFAULT_DUE_RULE, problem: null });
  });

  it.each([
    [2026, 1, '2026-04-30'], // Thursday
    [2026, 2, '2026-07-31'], // Friday
    [2026, 3, '2026-10-30'], // 31 October is a Saturday
    [2026, 4, '2027-01-20'], // Q4 is due 20 January the next year (a Wednesday)
    [2027, 1, '2027-04-30'], // Friday (valborgsmässoafton is a working day)
    [2027, 2, '2027-07-30'], // 31 July is a Saturday
    [2027, 3, '2027-10-29'], // 31 October is a Sunday
    [2027, 4, '2028-01-20'],
    [2025, 4, '2026-01-20'],
  ] as const)('%s Q%s is due %s', (year, quarter, due) => {
    expect(dueDateFor(year, quarter)).toBe(due);
  });

  it('agrees with the demo requisitions for 2024–2027', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const quarter of [1, 2, 3, 4] as const) {
        expect(dueDateFor(year, quarter)).toBe(demoDueDate(year, quarter));
      }
    }
  });
});

describe('a due day on a holiday moves back to the previous working day', () => {
  it.each([
    [{ ...DEFAULT_DUE_RULE, q1: '05-01' }, 2026, 1, '2026-04-30'], // första maj, a Friday
    [{ ...DEFAULT_DUE_RULE, q1: '04-06' }, 2026, 1, '2026-04-02'], // annandag påsk → past Easter to skärtorsdagen
    [{ ...DEFAULT_DUE_RULE, q1: '06-25' }, 2027, 1, '2027-06-24'], // midsommarafton
    [{ ...DEFAULT_DUE_RULE, q4: '01-06' }, 2026, 4, '2027-01-05'], // trettondedag jul
    [{ ...DEFAULT_DUE_RULE, q4: '12-31' }, 2027, 4, '2027-12-30'], // nyårsafton, same year (the quarter's last day)
    [{ ...DEFAULT_DUE_RULE, q4: '12-24' }, 2027, 4, '2028-12-22'], // before the quarter ends: next year's
  ] as const)('%j: %s Q%s → %s', (rule, year, quarter, due) => {
    expect(dueDateFor(year, quarter, rule)).toBe(due);
  });

  it('moves back at most five days, over the longest Christmas', () => {
    const rule: DueRule = { ...DEFAULT_DUE_RULE, q3: '12-28' };
    expect(dueDateFor(2025, 3, rule)).toBe('2025-12-23'); // 24–26 December Wednesday–Friday, then a weekend
  });

  it('clamps 29 February to the 28th in other years', () => {
    const rule: DueRule = { ...DEFAULT_DUE_RULE, q4: '02-29' };
    expect(nominalDueDate(2027, 4, rule)).toBe('2028-02-29');
    expect(nominalDueDate(2026, 4, rule)).toBe('2027-02-28');
  });

  it('property: a due day is a working day, never after the rule day, at most 5 days before it', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 2020, max: 2040 }), quarters, (rule, year, quarter) => {
        const nominal = nominalDueDate(year, quarter, rule);
        const due = dueDateFor(year, quarter, rule);
        expect(isWorkingDay(due)).toBe(true);
        expect(due <= nominal).toBe(true);
        // the longest run of Swedish days off is five: julafton on a Wednesday through Sunday the 28th
        expect(dayNumber(nominal) - dayNumber(due)).toBeLessThanOrEqual(5);
        if (isWorkingDay(nominal)) {
          expect(due).toBe(nominal);
        }
      }),
    );
  });

  it('property: the rule day never falls before its quarter has ended, and within a year after', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 2020, max: 2040 }), quarters, (rule, year, quarter) => {
        const nominal = nominalDueDate(year, quarter, rule);
        const quarterEnd = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
        expect(nominal >= quarterEnd).toBe(true);
        expect(dayNumber(nominal) - dayNumber(quarterEnd)).toBeLessThan(366);
      }),
    );
  });
});

describe('reading the rule from Settings', () => {
  it('falls back to the default, with a problem to log, when the value is broken', () => {
    expect(parseDueRule(null)).toEqual({ rule: DEFAULT_DUE_RULE, problem: null });
    expect(parseDueRule('  ')).toEqual({ rule: DEFAULT_DUE_RULE, problem: null });
    expect(parseDueRule('{"q1":')).toMatchObject({ rule: DEFAULT_DUE_RULE, problem: expect.stringContaining('JSON') });
    expect(parseDueRule('{"q1":"02-30","q2":"07-31","q3":"10-31","q4":"01-20"}')).toMatchObject({
      rule: DEFAULT_DUE_RULE,
      problem: expect.stringContaining('faktura.forfalloregel'),
    });
    expect(parseDueRule('{"q1":"04-15","q2":"07-15","q3":"10-15","q4":"01-15"}').rule).toEqual({
      q1: '04-15',
      q2: '07-15',
      q3: '10-15',
      q4: '01-15',
    });
  });
});
