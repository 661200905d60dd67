/**
 * Swedish working days: Monday–Friday that are not a public holiday or one of the eves Sweden
 * takes off (see swedish-holidays.ts). Used for invoice due days and for reminders "N working
 * days before" them.
 */
import { addDays, isWeekend } from './iso-date.ts';
import { swedishHolidayName } from './swedish-holidays.ts';

export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && swedishHolidayName(date) === null;
}

/** the last working day strictly before `date` */
export function previousWorkingDay(date: string): string {
  let day = addDays(date, -1);
  while (!isWorkingDay(day)) {
    day = addDays(day, -1);
  }
  return day;
}

/** the first working day strictly after `date` */
export function nextWorkingDay(date: string): string {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) {
    day = addDays(day, 1);
  }
  return day;
}

/** `date` itself when it is a working day, else the working day before it */
export function workingDayOnOrBefore(date: string): string {
  return isWorkingDay(date) ? date : previousWorkingDay(date);
}

/**
 * Moves `n` working days from `date`: forward for n > 0, back for n < 0 (`addWorkingDays(due, -5)`
 * is "5 working days before the due day"). Counting starts from the next (or previous) day, so
 * the result is a working day whether or not `date` is one; n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) {
    throw new RangeError(`working days must be a whole number: ${n}`);
  }
  let day = date;
  for (let remaining = Math.abs(n); remaining > 0; remaining -= 1) {
    day = n > 0 ? nextWorkingDay(day) : previousWorkingDay(day);
  }
  return day;
}
