/**
 * The iCalendar text (RFC 5545) of a person's events, with ical-generator: all-day events, stable
 * UIDs, the calendar named after the person, and a refresh hint so Outlook polls a few times a day.
 */
import { ICalCalendar } from 'ical-generator';
import type { CalendarEvent } from './list-calendar-events.ts';

export function renderCalendar(input: {
  readonly personName: string;
  readonly events: readonly CalendarEvent[];
  /** when the feed was made: each event's DTSTAMP */
  readonly generatedAt: Date;
}): string {
  // no calendar time zone: every event is all-day (a date), and DTSTAMP must then stay in UTC
  const calendar = new ICalCalendar({
    name: `Insatsnavet – ${input.personName}`,
    description: 'Fakturafrister, beslut och sammanträden från Insatsnavet.',
    prodId: { company: 'Insatsnavet', product: 'Insatsnavet', language: 'SV' },
    ttl: 60 * 60 * 4,
  });
  for (const event of input.events) {
    calendar.createEvent({
      id: event.uid,
      start: event.date,
      allDay: true,
      summary: event.summary,
      description: event.description,
      categories: [{ name: event.category }],
      stamp: input.generatedAt,
    });
  }
  return calendar.toString();
}
