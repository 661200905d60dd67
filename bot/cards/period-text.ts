import { swedishWeekday } from '../../src/domain/calendar/iso-date.ts';

/** `2026-01-01 – 2027-12-31`; an open end reads "tills vidare" */
export function periodText(start: string | null, end: string | null): string {
  if (start === null && end === null) {
    return 'period ej angiven';
  }
  return `${start ?? '?'} – ${end ?? 'tills vidare'}`;
}

/** `onsdag 2027-01-20` */
export function dayText(date: string): string {
  return `${swedishWeekday(date)} ${date}`;
}
