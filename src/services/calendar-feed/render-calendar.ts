/**
 * The iCalendar text (RFC 5545) of a person's events, with ical-generator: all-day events, stable
 * UIDs, the calendar named after the person, and a refresh hint so Outlook polls a few times a day.
 */
import { ICalCalendar } from 'ical-generator';
import { normaliseFreeText } from '../../domain/personal-data/free-text.ts';
import type { CalendarEvent } from './list-calendar-events.ts';

/**
 * Text for an iCalendar property: no control characters (RFC 5545 allows none but tab in TEXT),
 * bidi overrides or lone surrogates. ical-generator escapes `\ ; ,` and line breaks in an event's
 * SUMMARY and DESCRIPTION itself.
 */
function icsText(value: string): string {
  return normaliseFreeText(value);
}

/**
 * The calendar's name, escaped here: ical-generator writes NAME and X-WR-CALNAME as given, so a
 * person's name with a line break in it (typed into the Roller list) could end the calendar and
 * start another. One line, with `\ ; ,` escaped as RFC 5545 TEXT wants.
 */
function icsName(value: string): string {
  return normaliseFreeText(value, { singleLine: true }).replace(/[\\;,]/g, (character) => `\\${character}`);
}

export function renderCalendar(input: {
  readonly personName: string;
  readonly events: readonly CalendarEvent[];
  /** when the feed was made: each event's DTSTAMP */
  readonly generatedAt: Date;
}): string {
  // no calendar time zone: every event is all-day (a date), and DTSTAMP must then stay in UTC
  const calendar = new ICalCalendar({
    name: icsName(`Insatsnavet – ${input.personName}`),
    description: 'Fakturafrister, beslut och sammanträden från Insatsnavet.',
    prodId: { company: 'Insatsnavet', product: 'Insatsnavet', language: 'SV' },
    ttl: 60 * 60 * 4,
  });
  for (const event of input.events) {
    calendar.createEvent({
      id: event.uid,
      start: event.date,
      allDay: true,
      summary: icsText(event.summary),
      description: icsText(event.description),
      categories: [{ name: event.category }],
      stamp: input.generatedAt,
    });
  }
  return calendar.toString();
}
