/**
 * Words shared by Beslut and Rekvisitioner, written the way the cards write them: an insats's
 * name with its code, a due day with its weekday (`torsdag 2026-12-17`), a vote's time without
 * its date when it was today (`14:02`, else `2026-12-10 14:02`), always in the förbund's time zone.
 */
import { isIsoDate, swedishWeekday } from '../../../../src/domain/calendar/iso-date.ts';
import type { Language } from '../../i18n/language.tsx';
import { formatDate } from '../../ui/format.ts';

const TIME_ZONE = 'Europe/Stockholm';

const englishWeekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** `torsdag 2026-12-17` (`Thursday 2026-12-17`); anything that is not a date is shown as it came */
export function dayText(date: string, language: Language): string {
  if (!isIsoDate(date)) {
    return date;
  }
  const weekday = language === 'sv' ? swedishWeekday(date) : englishWeekday.format(new Date(`${date}T00:00:00Z`));
  return `${weekday} ${date}`;
}

/** `14:02` today, `2026-12-10 14:02` another day */
export function timeText(at: string, now: Date = new Date()): string {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) {
    return at;
  }
  const time = clock.format(instant);
  const day = formatDate(instant, TIME_ZONE);
  return day === formatDate(now, TIME_ZONE) ? time : `${day} ${time}`;
}

/** the calendar day of an instant in the förbund's time zone, or '' for a missing or bad one */
export function dayOf(at: string | null): string {
  if (at === null) {
    return '';
  }
  const instant = new Date(at);
  return Number.isNaN(instant.getTime()) ? '' : formatDate(instant, TIME_ZONE);
}

/** today where the förbund is, `YYYY-MM-DD`, for "försenad" */
export function todayInSweden(): string {
  return formatDate(new Date(), TIME_ZONE);
}

/** `NOVA – Nova …`, unless the title already names the code (as the cards write it) */
export function nameWithCode(code: string, title: string): string {
  return title.toUpperCase().includes(code.toUpperCase()) ? title : `${code} – ${title}`;
}
