import { describe, expect, it } from 'vitest';
import {
  approvalCardKey,
  approvalOutcomeKey,
  approvalReminderKey,
} from '../../../../src/domain/approvals/approval-keys.ts';
import { approvalTimers, defaultDueDate } from '../../../../src/domain/approvals/approval-schedule.ts';
import { APPROVAL_STAGES } from '../../../../src/domain/vocabulary.ts';

const STOCKHOLM = 'Europe/Stockholm';

describe('defaultDueDate', () => {
  it('gives 10 working days, the board 15', () => {
    // Tuesday 24 November 2026
    expect(defaultDueDate('2026-11-24', 'Beredningsgrupp')).toBe('2026-12-08');
    expect(defaultDueDate('2026-11-24', 'Styrgrupp')).toBe('2026-12-08');
    expect(defaultDueDate('2026-11-24', 'Förbundschef')).toBe('2026-12-08');
    expect(defaultDueDate('2026-11-24', 'Firmatecknare')).toBe('2026-12-08');
    expect(defaultDueDate('2026-11-24', 'Styrelse')).toBe('2026-12-15');
  });

  it('skips Christmas, New Year and Epiphany', () => {
    // working days from Fri 18 Dec: 21, 22, 23, 28, 29, 30, 4, 5, 7, 8 (24, 25, 31 Dec, 1 and 6 Jan are off)
    expect(defaultDueDate('2026-12-18', 'Styrgrupp')).toBe('2027-01-08');
  });

  it('started on a weekend, counts from the next working day', () => {
    expect(defaultDueDate('2026-11-28', 'Styrgrupp')).toBe(defaultDueDate('2026-11-27', 'Styrgrupp'));
  });

  it.each(APPROVAL_STAGES)('%s: the due date is a working day after today', (stage) => {
    const due = defaultDueDate('2026-11-24', stage);
    expect(due > '2026-11-24').toBe(true);
  });
});

describe('approvalTimers', () => {
  // due Thursday 17 December 2026; two working days before is Tuesday 15 December (UTC+1 in winter)
  const timers = (instant: string, dueDate: string | null = '2026-12-17', sendTime = '08:00') =>
    approvalTimers({ dueDate, now: new Date(instant), timeZone: STOCKHOLM, sendTime });

  it.each<[string, string, { remind: boolean; expire: boolean }]>([
    ['three working days before', '2026-12-14T10:00:00Z', { remind: false, expire: false }],
    ['two working days before, 07:59 local', '2026-12-15T06:59:00Z', { remind: false, expire: false }],
    ['two working days before, 08:00 local', '2026-12-15T07:00:00Z', { remind: true, expire: false }],
    ['the day before', '2026-12-16T12:00:00Z', { remind: true, expire: false }],
    ['the due date, late evening: voting is still open', '2026-12-17T22:30:00Z', { remind: true, expire: false }],
    [
      'half past midnight the day after (still the 17th in UTC)',
      '2026-12-17T23:30:00Z',
      { remind: false, expire: true },
    ],
    ['a week later', '2026-12-24T10:00:00Z', { remind: false, expire: true }],
  ])('%s', (_, instant, expected) => {
    expect(timers(instant)).toEqual(expected);
  });

  it('counts working days back over a weekend, and sends nothing on it', () => {
    // due Monday 21 December: two working days before is Thursday 17 December
    expect(timers('2026-12-16T12:00:00Z', '2026-12-21')).toEqual({ remind: false, expire: false });
    expect(timers('2026-12-17T12:00:00Z', '2026-12-21')).toEqual({ remind: true, expire: false });
    expect(timers('2026-12-19T12:00:00Z', '2026-12-21')).toEqual({ remind: false, expire: false });
    expect(timers('2026-12-21T12:00:00Z', '2026-12-21')).toEqual({ remind: true, expire: false });
  });

  it('expires on a weekend too: expiry is not a message at an odd hour', () => {
    expect(timers('2026-12-19T03:00:00Z', '2026-12-18')).toEqual({ remind: false, expire: true });
  });

  it('uses the send time in the förbund’s time zone, in summer time too', () => {
    // due Thursday 17 June 2027 (UTC+2); two working days before is Tuesday 15 June
    expect(timers('2027-06-15T06:59:00Z', '2027-06-17', '09:00')).toEqual({ remind: false, expire: false });
    expect(timers('2027-06-15T07:00:00Z', '2027-06-17', '09:00')).toEqual({ remind: true, expire: false });
    expect(timers('2027-06-15T06:00:00Z', '2027-06-17', '8:00')).toEqual({ remind: true, expire: false });
  });

  it('an approval without a due date neither reminds nor expires', () => {
    expect(timers('2030-01-01T10:00:00Z', null)).toEqual({ remind: false, expire: false });
  });
});

describe('approval keys', () => {
  const aad = '8EC5FD0F-B881-59D2-AE49-44AA221496FD';

  it('one card, one reminder and one outcome message per approval and person, whatever the case of the id', () => {
    expect(approvalCardKey('12', aad)).toBe('approval:12:card:8ec5fd0f-b881-59d2-ae49-44aa221496fd');
    expect(approvalReminderKey('12', aad)).toBe('approval:12:paminnelse:8ec5fd0f-b881-59d2-ae49-44aa221496fd');
    expect(approvalOutcomeKey('12', aad)).toBe('approval:12:utfall:8ec5fd0f-b881-59d2-ae49-44aa221496fd');
    expect(approvalCardKey('12', aad.toLowerCase())).toBe(approvalCardKey('12', aad));
  });

  it('keys of different approvals, people and kinds never collide', () => {
    const keys = ['1', '12', '2'].flatMap((id) =>
      [aad, '488a44b4-dae5-5fae-b389-9d95b445f34b'].flatMap((person) => [
        approvalCardKey(id, person),
        approvalReminderKey(id, person),
        approvalOutcomeKey(id, person),
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((key) => key.length <= 255)).toBe(true);
  });
});
