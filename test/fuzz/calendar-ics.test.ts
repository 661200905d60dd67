/**
 * The calendar feed's iCalendar text keeps its structure whatever people typed: an insats title, an
 * approval's summary or a person's name (typed into the Roller list) with CRLF and `END:VCALENDAR`,
 * `;`, `,`, backslashes, control characters, bidi overrides or lone surrogates cannot end the
 * calendar, start an event or add a property. Checked on the unfolded lines: one calendar, one
 * VEVENT per event, every line a property name followed by `:` or `;`, no control characters.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCalendar } from '../../src/services/calendar-feed/render-calendar.ts';
import { createFuzzer } from './support/fuzz-runner.ts';
import { hostileString } from './support/hostile.ts';

const fuzzer = createFuzzer(import.meta.url);
afterAll(() => fuzzer.save());

/** control characters but tab: none may stand in a content line */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** the content lines of an iCalendar text, folded lines joined (RFC 5545 §3.1) */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function expectWellFormed(ics: string, events: number, context: string): void {
  const lines = contentLines(ics);
  expect(lines[0], context).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1), context).toBe('END:VCALENDAR');
  expect(
    lines.filter((line) => line === 'BEGIN:VCALENDAR'),
    context,
  ).toHaveLength(1);
  expect(
    lines.filter((line) => line === 'END:VCALENDAR'),
    context,
  ).toHaveLength(1);
  expect(
    lines.filter((line) => line === 'BEGIN:VEVENT'),
    context,
  ).toHaveLength(events);
  expect(
    lines.filter((line) => line === 'END:VEVENT'),
    context,
  ).toHaveLength(events);
  for (const line of lines) {
    expect(line, context).toMatch(/^[A-Z][A-Z0-9-]*[:;]/);
    // RFC 5545 TEXT: no control characters but tab; no bare CR or LF inside a line
    expect(line, context).not.toMatch(CONTROL);
  }
  // exactly the properties the renderer writes, once per calendar and per event
  const names = lines.map((line) => /^[A-Z][A-Z0-9-]*/.exec(line)?.[0]);
  expect(
    names.filter((name) => name === 'SUMMARY'),
    context,
  ).toHaveLength(events);
  expect(
    names.filter((name) => name === 'X-WR-CALNAME'),
    context,
  ).toHaveLength(1);
}

const injected = fc.oneof(
  fc.constantFrom(
    'NOVA\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nSUMMARY:falsk',
    'x\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:falsk',
    'a\rDTSTART:19700101',
    'a;b,c\\d:e',
    '\u2028\u2029\u0085',
  ),
  hostileString.map((text) => text.slice(0, 2000)),
);

describe('the calendar feed under hostile text', () => {
  it('a title with CRLF and END:VCALENDAR does not end the calendar: it is escaped text', () => {
    const ics = renderCalendar({
      personName: 'Eva\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR',
      generatedAt: new Date('2027-01-01T00:00:00Z'),
      events: [
        {
          uid: 'faktura-1@insatsnavet',
          date: '2027-04-30',
          summary: 'NOVA\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:falsk',
          description: 'a;b,c',
          category: 'Faktura',
        },
      ],
    });
    expectWellFormed(ics, 1, 'injection');
    const lines = contentLines(ics);
    expect(lines).toContain('SUMMARY:NOVA\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:falsk');
    expect(lines).toContain('DESCRIPTION:a\\;b\\,c');
    expect(lines).toContain('X-WR-CALNAME:Insatsnavet – Eva END:VCALENDAR BEGIN:VCALENDAR');
    fuzzer.count('ics: CRLF injection', 1);
  });

  it('keeps its structure for any summary, description and person name', async () => {
    await fuzzer.property(
      'ics: structure',
      fc.record({
        personName: injected,
        events: fc.array(fc.record({ summary: injected, description: injected }), { maxLength: 4 }),
      }),
      async ({ personName, events }) => {
        const ics = renderCalendar({
          personName,
          generatedAt: new Date('2027-01-01T00:00:00Z'),
          events: events.map((event, index) => ({
            uid: `e${index}@insatsnavet`,
            date: '2027-04-30',
            category: 'Beslut',
            ...event,
          })),
        });
        expectWellFormed(ics, events.length, JSON.stringify({ personName, events }).slice(0, 500));
      },
      1000,
    );
  });
});
