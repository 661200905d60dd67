import { describe, expect, it } from 'vitest';
import { readPayload, writePayload } from '../../../../src/services/approvals/approval-payload.ts';

describe('the Payload column, as the kansli may type it', () => {
  it('takes a bare text, or Swedish keys, as the summary', () => {
    expect(readPayload('Flytta pengar till handledning.').summary).toBe('Flytta pengar till handledning.');
    expect(readPayload({ sammanfattning: 'Ny målgrupp.' }).summary).toBe('Ny målgrupp.');
    expect(readPayload(null)).toEqual({ extra: {}, unreadable: [] });
  });

  it('drops a key that does not fit, names it, and keeps it when the payload is written back', () => {
    const payload = readPayload({
      change: { year: 'nästa år', moves: [] },
      diarienummer: 'SFV 2026/014',
      summary: 'Budget',
    });
    expect(payload.change).toBeUndefined();
    expect(payload.unreadable).toEqual(['change']);
    expect(writePayload(payload, { decidedAt: '2027-03-01T08:00:00Z' })).toEqual({
      change: { year: 'nästa år', moves: [] },
      diarienummer: 'SFV 2026/014',
      summary: 'Budget',
      decidedAt: '2027-03-01T08:00:00Z',
    });
  });

  it('reads a budget change with the domain rules ("40 000 kr" is 40000)', () => {
    const payload = readPayload({
      change: { year: 2027, moves: [{ from: 'Övrigt', to: 'Personal', amount: '40 000 kr' }] },
    });
    expect(payload.change?.moves).toEqual([{ from: 'Övrigt', to: 'Personal', amount: 40_000 }]);
  });
});
