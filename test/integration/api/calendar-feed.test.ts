/**
 * The calendar feed as Outlook and its owner meet it: the owner asks for the link (GET
 * /api/kalender), Outlook fetches the .ics with no credentials, a renewed link revokes the old.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness();
});

afterAll(async () => {
  await api?.close();
});

async function linkFor(person: Parameters<ApiHarness['call']>[0]): Promise<string> {
  const answer = await api.call(person, 'GET', '/api/kalender');
  expect(answer.status).toBe(200);
  return String(answer.body.url);
}

/** the VEVENTs of a feed as summary → DTSTART date */
function eventsOf(ics: string): Map<string, string> {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const events = new Map<string, string>();
  for (const block of unfolded.split('BEGIN:VEVENT').slice(1)) {
    const summary = /\nSUMMARY:(.*)\r?\n/.exec(block)?.[1]?.replace(/\\,/g, ',').replace(/\\;/g, ';') ?? '';
    const start = /\nDTSTART;VALUE=DATE:(\d{8})/.exec(block)?.[1] ?? '';
    events.set(summary, `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`);
  }
  return events;
}

describe('calendar feed', () => {
  it('gives a projektledare her insats’s open invoice deadlines and styrgrupp meetings, not settled quarters', async () => {
    const url = await linkFor('emma.strom');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/kalender\/177b73fb-9471-586a-8734-7a3f7a305478\/[\w-]{32}\.ics$/);
    // Outlook sends no Authorization header
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.headers.get('cache-control')).toContain('private');
    const ics = await response.text();
    expect(ics).toContain('X-WR-CALNAME:Insatsnavet – Emma Ström');
    const events = eventsOf(ics);
    // Q4 2026 is due 20 January 2027 (a Wednesday) by the förbund's rule
    expect(events.get('Faktura NOVA, kvartal 4 2026, oktober–december')).toBe('2027-01-20');
    // 30 April 2027 is a Friday: Q1 stays on the 30th
    expect(events.get('Faktura NOVA, kvartal 1 2027, januari–mars')).toBe('2027-04-30');
    // Q3 2026's invoice has come in (Inkommen): nothing to remind her of
    expect([...events.keys()].some((summary) => summary.includes('kvartal 3 2026'))).toBe(false);
    // other insatser are not hers
    expect([...events.keys()].some((summary) => summary.includes('ENTER'))).toBe(false);
    expect(events.get('Styrgrupp NOVA')).toBe('2026-12-08');
    // the board's meetings are not hers either
    expect([...events.keys()].some((summary) => summary.startsWith('Styrelsemöte'))).toBe(false);
  });

  it('gives a board member the board meetings and the approval waiting for her vote', async () => {
    const events = eventsOf(await (await fetch(await linkFor('gunilla.axelsson'))).text());
    expect(events.get('Styrelsemöte – verksamhetsplan och budget 2028')).toBe('2027-11-25');
    const approval = [...events.entries()].find(([summary]) => summary.startsWith('Svara senast: Ansökan SAMSYN'));
    expect(approval?.[1]).toBe('2026-12-17');
    expect([...events.keys()].some((summary) => summary.startsWith('Faktura'))).toBe(false);
    expect([...events.keys()].some((summary) => summary.startsWith('Handlingar senast'))).toBe(false);
  });

  it('gives the kansli every insats’s deadlines, the overdue one included, and the paper deadlines', async () => {
    const events = eventsOf(await (await fetch(await linkFor('karin.vallgren'))).text());
    // Insatskatalogen's Q3 2026 invoice never came (due Friday 2026-10-30)
    expect(events.get('Faktura INSKAT, kvartal 3 2026, juli–september')).toBe('2026-10-30');
    expect(events.get('Faktura ENTER, kvartal 4 2026, oktober–december')).toBeDefined();
    expect(events.get('Handlingar senast: Styrelsemöte – verksamhetsplan och budget 2028')).toBe('2027-11-18');
  });

  it('refuses a wrong or tampered link with the same 404, and a renewed link revokes the old one', async () => {
    const old = await linkFor('mattias.ekholm');
    const tampered = old.replace(
      /\/([\w-])([\w-]{31})\.ics$/,
      (_m, first: string, rest: string) => `/${first === 'A' ? 'B' : 'A'}${rest}.ics`,
    );
    expect((await fetch(tampered)).status).toBe(404);
    // Emma's token does not open Mattias's calendar
    const emma = await linkFor('emma.strom');
    const swapped = emma.replace('177b73fb-9471-586a-8734-7a3f7a305478', '488a44b4-dae5-5fae-b389-9d95b445f34b');
    const refused = await fetch(swapped);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'Kalenderlänken är inte giltig',
    );
    expect((await fetch(old.replace(/\.ics$/, '.txt'))).status).toBe(404);

    const renewed = await api.call('mattias.ekholm', 'POST', '/api/kalender/ny-lank');
    expect(renewed.status).toBe(200);
    expect(renewed.body.url).not.toBe(old);
    expect(String(renewed.body.webcalUrl)).toMatch(/^webcal:\/\//);
    expect((await fetch(old)).status).toBe(404);
    expect((await fetch(String(renewed.body.url))).status).toBe(200);
    // asking again gives the renewed link, not a third one
    expect(await linkFor('mattias.ekholm')).toBe(renewed.body.url);
  });

  it('asks for a signed-in person before handing out a link', async () => {
    expect((await api.call(null, 'GET', '/api/kalender')).status).toBe(401);
    expect((await api.call(null, 'POST', '/api/kalender/ny-lank')).status).toBe(401);
  });
});
