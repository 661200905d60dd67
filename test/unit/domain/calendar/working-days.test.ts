import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isIsoDate, swedishWeekday, weekdayOf } from '../../../../src/domain/calendar/iso-date.ts';
import { swedishHolidayName, swedishHolidays } from '../../../../src/domain/calendar/swedish-holidays.ts';
import {
  addWorkingDays,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDayOnOrBefore,
} from '../../../../src/domain/calendar/working-days.ts';

/** any date 2020–2035, as `YYYY-MM-DD` */
const dates = fc
  .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2035-12-31') })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('Swedish non-working days from date-holidays', () => {
  it.each([
    ['2026-01-01', 'nyårsdagen'],
    ['2026-01-06', 'trettondedag jul'],
    ['2026-04-03', 'långfredagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-01', 'första maj'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-12-24', 'julafton'],
    ['2026-12-25', 'juldagen'],
    ['2026-12-31', 'nyårsafton'],
    ['2027-01-01', 'nyårsdagen'],
    ['2027-01-06', 'trettondedag jul'],
    ['2027-03-26', 'långfredagen'],
    ['2027-03-29', 'annandag påsk'],
    ['2027-05-01', 'första maj'],
    ['2027-05-06', 'Kristi himmelsfärdsdag'],
    ['2027-06-06', 'nationaldagen'],
    ['2027-06-25', 'midsommarafton'],
    ['2027-12-24', 'julafton'],
    ['2027-12-25', 'juldagen'],
    ['2027-12-26', 'annandag jul'],
    ['2027-12-31', 'nyårsafton'],
  ])('%s (%s) is not a working day', (date, name) => {
    expect(swedishHolidayName(date)).toBe(name);
    expect(isWorkingDay(date)).toBe(false);
  });

  it.each([
    ['2027-01-05', 'trettondagsafton: a half day, still a working day'],
    ['2027-03-25', 'skärtorsdagen'],
    ['2027-04-30', 'valborgsmässoafton'],
    ['2027-05-17', 'annandag pingst (no longer a holiday since 2005)'],
    ['2027-11-05', 'allhelgonaafton'],
    ['2026-10-30', 'allhelgonaafton 2026'],
    ['2027-01-20', 'an ordinary Wednesday'],
  ])('%s is a working day (%s)', (date) => {
    expect(isWorkingDay(date)).toBe(true);
  });

  it('counts Saturdays and Sundays as non-working', () => {
    expect(isWorkingDay('2027-07-31')).toBe(false); // Saturday
    expect(isWorkingDay('2027-10-31')).toBe(false); // Sunday, also alla helgons dag is 11-06
    expect(isWorkingDay('2027-07-30')).toBe(true); // Friday
  });

  it('knows exactly the red days and the three eves of 2027', () => {
    expect([...swedishHolidays(2027).keys()]).toEqual([
      '2027-01-01',
      '2027-01-06',
      '2027-03-26',
      '2027-03-28',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-16',
      '2027-06-06',
      '2027-06-25',
      '2027-06-26',
      '2027-11-06',
      '2027-12-24',
      '2027-12-25',
      '2027-12-26',
      '2027-12-31',
    ]);
  });
});

describe('moving between working days', () => {
  it('finds the previous and next working day across Easter, Christmas and New Year', () => {
    expect(previousWorkingDay('2027-03-30')).toBe('2027-03-25');
    expect(nextWorkingDay('2027-03-25')).toBe('2027-03-30');
    expect(nextWorkingDay('2027-12-23')).toBe('2027-12-27');
    expect(nextWorkingDay('2027-12-30')).toBe('2028-01-03');
    expect(previousWorkingDay('2027-06-28')).toBe('2027-06-24');
    expect(workingDayOnOrBefore('2027-05-06')).toBe('2027-05-05');
    expect(workingDayOnOrBefore('2027-05-05')).toBe('2027-05-05');
  });

  it('adds and subtracts working days (reminders 10, 5 and 1 working days before 2027-04-30)', () => {
    expect(addWorkingDays('2027-04-30', -10)).toBe('2027-04-16');
    expect(addWorkingDays('2027-04-30', -5)).toBe('2027-04-23');
    expect(addWorkingDays('2027-04-30', -1)).toBe('2027-04-29');
    expect(addWorkingDays('2027-04-30', 1)).toBe('2027-05-03');
    expect(addWorkingDays('2027-04-09', -10)).toBe('2027-03-24'); // across Easter 2027
    expect(addWorkingDays('2027-01-20', 0)).toBe('2027-01-20');
    expect(addWorkingDays('2027-05-01', 1)).toBe('2027-05-03'); // from a Saturday
    expect(addWorkingDays('2027-05-01', -1)).toBe('2027-04-30');
    expect(() => addWorkingDays('2027-05-01', 1.5)).toThrow(RangeError);
  });

  it('property: n working days from any date lands on a working day with n working days in between', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
        (date, n) => {
          const result = addWorkingDays(date, n);
          expect(isWorkingDay(result)).toBe(true);
          const [from, to] = n > 0 ? [date, result] : [result, date];
          let count = 0;
          for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
            if (isWorkingDay(day)) {
              count += 1;
            }
          }
          // counted (from, to]: moving forward counts the result, moving back counts the start if it works
          const expected = n > 0 ? n : Math.abs(n) - 1 + (isWorkingDay(date) ? 1 : 0);
          expect(count).toBe(expected);
        },
      ),
    );
  });

  it('property: going n working days forward and back from a working day returns to it', () => {
    fc.assert(
      fc.property(dates.filter(isWorkingDay), fc.integer({ min: -40, max: 40 }), (date, n) => {
        expect(addWorkingDays(addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });
});

describe('ISO dates', () => {
  it('checks, counts and names days', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-4-30')).toBe(false);
    expect(() => dayNumber('2027-13-01')).toThrow(RangeError);
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(weekdayOf('2027-04-30')).toBe(5);
    expect(swedishWeekday('2027-04-30')).toBe('fredag');
    expect(swedishWeekday('2027-01-20')).toBe('onsdag');
    expect(swedishWeekday('2027-03-28')).toBe('söndag');
  });

  it('property: weekdays agree with Date#getUTCDay', () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(weekdayOf(date)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });
});
