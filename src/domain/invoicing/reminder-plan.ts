/**
 * What a sweep should send about one requisition right now: the reminder to the projektledare N
 * working days before the due day, or, once the invoice is overdue, the escalation to the ekonom
 * and the overdue notice to the projektledare. Pure and stateless: it answers for `now` alone and
 * the caller claims each action's key once in the outbox, so repeating an action on later sweeps
 * is expected and harmless — and a sweep missed while the app was down is caught up by the next.
 */

import { addWorkingDays, isWorkingDay } from '../calendar/working-days.ts';
import type { Requisition } from '../entities/requisition.ts';
import { formatDate } from '../format.ts';
import type { InvoicingSettings } from './invoicing-settings.ts';

export type ReminderAction =
  | { readonly kind: 'reminder'; readonly offset: number; readonly key: string }
  | { readonly kind: 'overdue-ekonom'; readonly key: string }
  | { readonly kind: 'overdue-projektledare'; readonly key: string };

export type ReminderPlanInput = {
  readonly requisition: Pick<Requisition, 'periodKey' | 'dueDate' | 'status'>;
  readonly now: Date;
  /** the förbund's time zone, e.g. Europe/Stockholm: working days and the send time are local */
  readonly timeZone: string;
  readonly settings: Pick<InvoicingSettings, 'reminderOffsets' | 'escalationOffset' | 'sendTime'>;
};

/** `req:NOVA-2027-Q1:T-5` */
export function reminderKey(periodKey: string, offset: number): string {
  return `req:${periodKey}:T-${offset}`;
}

/** `req:NOVA-2027-Q1:ESK`, the ekonom's escalation */
export function escalationKey(periodKey: string): string {
  return `req:${periodKey}:ESK`;
}

/** `req:NOVA-2027-Q1:SEN`, the projektledare's overdue notice */
export function overdueKey(periodKey: string): string {
  return `req:${periodKey}:SEN`;
}

/** minutes since local midnight in `timeZone`; h23 so midnight is 0, not 24 */
function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: 'hour' | 'minute'): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/** `08:00` → 480; the settings parser guarantees the form */
function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * The actions due now for one requisition:
 * - nothing unless its Status is Förväntad (a registered invoice needs no chasing), and nothing
 *   outside working days or before the send time in `timeZone` — nobody is messaged at night or on
 *   a weekend, and the first sweep after the send time sends what the day has;
 * - up to and including the due day: the latest reminder whose day has come, only that one, so an
 *   app that was down over T-10 sends T-5 when it is back rather than a burst of stale reminders;
 * - after the due day: nothing until due + `escalationOffset` working days, from then on both
 *   overdue actions (each sent once by its key, however late the app comes back).
 */
export function planReminders(input: ReminderPlanInput): ReminderAction[] {
  const { requisition, now, timeZone, settings } = input;
  if (requisition.status !== 'Förväntad') {
    return [];
  }
  const today = formatDate(now, timeZone);
  if (!isWorkingDay(today) || localMinutes(now, timeZone) < minutesOf(settings.sendTime)) {
    return [];
  }
  const { periodKey, dueDate } = requisition;

  if (today <= dueDate) {
    let latest: { offset: number; day: string } | null = null;
    for (const offset of settings.reminderOffsets) {
      // a kansli may have moved the DueDate to a weekend; addWorkingDays still lands on working days
      const day = addWorkingDays(dueDate, -offset);
      if (day <= today && (latest === null || day > latest.day)) {
        latest = { offset, day };
      }
    }
    return latest === null
      ? []
      : [{ kind: 'reminder', offset: latest.offset, key: reminderKey(periodKey, latest.offset) }];
  }

  if (today < addWorkingDays(dueDate, settings.escalationOffset)) {
    return [];
  }
  return [
    { kind: 'overdue-ekonom', key: escalationKey(periodKey) },
    { kind: 'overdue-projektledare', key: overdueKey(periodKey) },
  ];
}
