import { describe, expect, it } from 'vitest';
import type { Requisition } from '../../../../src/domain/entities/requisition.ts';
import { dueDateFor } from '../../../../src/domain/invoicing/due-rule.ts';
import {
  DEFAULT_INVOICING_SETTINGS,
  type InvoicingSettings,
} from '../../../../src/domain/invoicing/invoicing-settings.ts';
import { planReminders, type ReminderAction } from '../../../../src/domain/invoicing/reminder-plan.ts';
import { REQUISITION_STATUSES, type RequisitionStatus } from '../../../../src/domain/vocabulary.ts';

const STOCKHOLM = 'Europe/Stockholm';

type Req = Pick<Requisition, 'periodKey' | 'dueDate' | 'status'>;

// Q1 2025: due Wednesday 30 April; Långfredag 18 April, Annandag påsk 21 April and 1 May are holidays
const q1of2025: Req = { periodKey: 'NOVA-2025-Q1', dueDate: dueDateFor(2025, 1), status: 'Förväntad' };
// Q4 2026: due Wednesday 20 January 2027 (winter time); Trettondedag jul 6 January is a holiday
const q4of2026: Req = { periodKey: 'NOVA-2026-Q4', dueDate: dueDateFor(2026, 4), status: 'Förväntad' };
// Q3 2027: 31 October 2027 is a Sunday, so the invoice is due Friday 29 October
const q3of2027: Req = { periodKey: 'NOVA-2027-Q3', dueDate: dueDateFor(2027, 3), status: 'Förväntad' };

function plan(requisition: Req, instant: string, settings: InvoicingSettings = DEFAULT_INVOICING_SETTINGS) {
  return planReminders({
    requisition: requisition as Requisition,
    now: new Date(instant),
    timeZone: STOCKHOLM,
    settings,
  });
}

const reminder = (periodKey: string, offset: number): ReminderAction[] => [
  { kind: 'reminder', offset, key: `req:${periodKey}:T-${offset}` },
];
const overdue = (periodKey: string): ReminderAction[] => [
  { kind: 'overdue-ekonom', key: `req:${periodKey}:ESK` },
  { kind: 'overdue-projektledare', key: `req:${periodKey}:SEN` },
];

describe('planReminders', () => {
  it('has the due days the tables below assume', () => {
    expect(q1of2025.dueDate).toBe('2025-04-30');
    expect(q4of2026.dueDate).toBe('2027-01-20');
    expect(q3of2027.dueDate).toBe('2027-10-29');
  });

  // Instants are UTC; Stockholm is UTC+2 in summer time (from 30 March 2025) and UTC+1 in winter.
  it.each<[string, Req, string, ReminderAction[]]>([
    // Q1 2025 around Easter: T-10 = Mon 14 Apr, T-5 = Wed 23 Apr, T-1 = Tue 29 Apr
    ['the day before T-10', q1of2025, '2025-04-11T10:00:00Z', []],
    ['T-10, 08:00 local (summer time)', q1of2025, '2025-04-14T06:00:00Z', reminder('NOVA-2025-Q1', 10)],
    ['T-10, 07:59 local (summer time)', q1of2025, '2025-04-14T05:59:00Z', []],
    ['T-10 at 08:00 UTC (10:00 local)', q1of2025, '2025-04-14T08:00:00Z', reminder('NOVA-2025-Q1', 10)],
    ['T-9, repeating T-10 for the outbox to drop', q1of2025, '2025-04-15T12:00:00Z', reminder('NOVA-2025-Q1', 10)],
    ['Långfredag (holiday)', q1of2025, '2025-04-18T10:00:00Z', []],
    ['Easter Saturday', q1of2025, '2025-04-19T10:00:00Z', []],
    ['Annandag påsk (holiday)', q1of2025, '2025-04-21T10:00:00Z', []],
    ['T-6, Tue 22 Apr', q1of2025, '2025-04-22T10:00:00Z', reminder('NOVA-2025-Q1', 10)],
    ['T-5, Wed 23 Apr', q1of2025, '2025-04-23T06:00:00Z', reminder('NOVA-2025-Q1', 5)],
    ['T-5 at 07:59 local: nothing before the send time', q1of2025, '2025-04-23T05:59:59Z', []],
    ['a weekend between T-5 and T-1', q1of2025, '2025-04-26T10:00:00Z', []],
    ['T-1, Tue 29 Apr', q1of2025, '2025-04-29T06:00:00Z', reminder('NOVA-2025-Q1', 1)],
    ['the due day (Valborg is a working day)', q1of2025, '2025-04-30T10:00:00Z', reminder('NOVA-2025-Q1', 1)],
    ['1 May (holiday), after the due day', q1of2025, '2025-05-01T10:00:00Z', []],
    ['escalation day Fri 2 May, 07:59', q1of2025, '2025-05-02T05:59:00Z', []],
    ['escalation day Fri 2 May, 08:00', q1of2025, '2025-05-02T06:00:00Z', overdue('NOVA-2025-Q1')],
    ['the weekend after', q1of2025, '2025-05-03T10:00:00Z', []],
    ['weeks later, still unpaid', q1of2025, '2025-06-10T10:00:00Z', overdue('NOVA-2025-Q1')],

    // Q4 2026 into 2027, winter time: T-10 = Tue 5 Jan (6 Jan is a holiday), T-5 = Wed 13 Jan, T-1 = Tue 19 Jan
    ['T-10, 08:00 local (winter time)', q4of2026, '2027-01-05T07:00:00Z', reminder('NOVA-2026-Q4', 10)],
    ['T-10, 07:59 local (winter time)', q4of2026, '2027-01-05T06:59:00Z', []],
    ['T-10 at 06:00 UTC: 07:00 local in winter', q4of2026, '2027-01-05T06:00:00Z', []],
    ['Trettondedag jul', q4of2026, '2027-01-06T10:00:00Z', []],
    ['T-5', q4of2026, '2027-01-13T07:00:00Z', reminder('NOVA-2026-Q4', 5)],
    ['T-1', q4of2026, '2027-01-19T07:00:00Z', reminder('NOVA-2026-Q4', 1)],
    ['escalation day Thu 21 Jan', q4of2026, '2027-01-21T07:00:00Z', overdue('NOVA-2026-Q4')],
    [
      'late evening local on the due day is still the due day',
      q4of2026,
      '2027-01-20T22:30:00Z',
      reminder('NOVA-2026-Q4', 1),
    ],
    ['just after midnight local on the escalation day', q4of2026, '2027-01-20T23:30:00Z', []],

    // a due day on a weekend moved back: due Fri 29 Oct 2027, T-1 = Thu 28 Oct, escalation Mon 1 Nov
    ['T-1 before a moved due day', q3of2027, '2027-10-28T07:00:00Z', reminder('NOVA-2027-Q3', 1)],
    ['the nominal due day (Sunday 31 Oct)', q3of2027, '2027-10-31T10:00:00Z', []],
    ['escalation Monday 1 Nov', q3of2027, '2027-11-01T07:00:00Z', overdue('NOVA-2027-Q3')],
  ])('%s', (_, requisition, instant, actions) => {
    expect(plan(requisition, instant)).toEqual(actions);
  });

  it('sends only T-5, not T-10, after the app was down from T-10 to T-4', () => {
    // first sweep back: Thu 24 Apr 2025 (T-4), 09:15 local
    expect(plan(q1of2025, '2025-04-24T07:15:00Z')).toEqual(reminder('NOVA-2025-Q1', 5));
  });

  it('sends the overdue actions, not a stale reminder, when the app comes back after the escalation day', () => {
    expect(plan(q1of2025, '2025-05-05T06:00:00Z')).toEqual(overdue('NOVA-2025-Q1'));
  });

  it.each(REQUISITION_STATUSES.filter((status) => status !== 'Förväntad'))(
    'plans nothing for a registered requisition (%s)',
    (status: RequisitionStatus) => {
      const registered = { ...q1of2025, status };
      for (const instant of ['2025-04-14T06:00:00Z', '2025-04-29T06:00:00Z', '2025-05-02T06:00:00Z']) {
        expect(plan(registered, instant)).toEqual([]);
      }
    },
  );

  it('follows the settings: offsets, escalation delay and send time', () => {
    const settings: InvoicingSettings = {
      ...DEFAULT_INVOICING_SETTINGS,
      reminderOffsets: [3],
      escalationOffset: 3,
      sendTime: '13:30',
    };
    // T-3 = Fri 25 Apr 2025
    expect(plan(q1of2025, '2025-04-24T12:00:00Z', settings)).toEqual([]);
    expect(plan(q1of2025, '2025-04-25T11:29:00Z', settings)).toEqual([]);
    expect(plan(q1of2025, '2025-04-25T11:30:00Z', settings)).toEqual(reminder('NOVA-2025-Q1', 3));
    // due + 3 working days = Tue 6 May (1 May is a holiday)
    expect(plan(q1of2025, '2025-05-05T12:00:00Z', settings)).toEqual([]);
    expect(plan(q1of2025, '2025-05-06T11:30:00Z', settings)).toEqual(overdue('NOVA-2025-Q1'));
  });

  it('sends no reminders when the list is empty, but still escalates', () => {
    const settings: InvoicingSettings = { ...DEFAULT_INVOICING_SETTINGS, reminderOffsets: [] };
    expect(plan(q1of2025, '2025-04-29T06:00:00Z', settings)).toEqual([]);
    expect(plan(q1of2025, '2025-05-02T06:00:00Z', settings)).toEqual(overdue('NOVA-2025-Q1'));
  });

  it('does not depend on the order of the offsets', () => {
    const settings: InvoicingSettings = { ...DEFAULT_INVOICING_SETTINGS, reminderOffsets: [1, 10, 5] };
    expect(plan(q1of2025, '2025-04-24T06:00:00Z', settings)).toEqual(reminder('NOVA-2025-Q1', 5));
  });

  it('counts from a DueDate the kansli moved to a weekend', () => {
    // Saturday 3 May 2025: T-1 = Fri 2 May, escalation Mon 5 May
    const moved: Req = { ...q1of2025, dueDate: '2025-05-03' };
    expect(plan(moved, '2025-05-02T06:00:00Z')).toEqual(reminder('NOVA-2025-Q1', 1));
    expect(plan(moved, '2025-05-05T06:00:00Z')).toEqual(overdue('NOVA-2025-Q1'));
  });

  it('reads the day and hour in the time zone it is given', () => {
    // 06:30 UTC on T-10 is 08:30 in Stockholm but 02:30 in New York
    const input = { requisition: q1of2025 as Requisition, now: new Date('2025-04-14T06:30:00Z') };
    expect(planReminders({ ...input, timeZone: STOCKHOLM, settings: DEFAULT_INVOICING_SETTINGS })).toHaveLength(1);
    expect(planReminders({ ...input, timeZone: 'America/New_York', settings: DEFAULT_INVOICING_SETTINGS })).toEqual([]);
  });
});
