/**
 * Calendar dates as the lists store them, `YYYY-MM-DD`, with no time and no time zone: a due
 * day is a day in Sweden, not an instant. Arithmetic goes through UTC midnight, where every day
 * has 24 hours, so daylight saving time can never shift a date.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** true for an existing calendar date written `YYYY-MM-DD` */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) {
    return false;
  }
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(time).toISOString().slice(0, 10) === value;
}

/** days since 1970-01-01; throws on anything that is not an existing `YYYY-MM-DD` date (a bug in the caller) */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  }
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay */
export function weekdayOf(date: string): number {
  // 1970-01-01 was a Thursday (4)
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

const WEEKDAYS_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'] as const;

/** `2027-04-30` → `fredag` */
export function swedishWeekday(date: string): string {
  return WEEKDAYS_SV[weekdayOf(date)] ?? '';
}

/** the last day of a month (1–12) */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
