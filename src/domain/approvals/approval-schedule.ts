/**
 * An approval's calendar: its default DueDate and, for a sweep at `now`, whether to remind the
 * approvers who have not voted and whether to let the approval expire.
 *
 * Decided here: voting stays open through the whole DueDate; the first sweep on the day after
 * finds it 'Utgången'. The reminder goes out on working days from the send time, from 2 working
 * days before the DueDate up to the DueDate itself — stateless, so a sweep missed while the app
 * was down is caught up; the caller claims one reminder key per approver so it is sent once.
 */
import { addWorkingDays, isWorkingDay } from '../calendar/working-days.ts';
import { formatDate } from '../format.ts';
import type { ApprovalStage } from './approval-model.ts';

/** working days an approver has to answer; the board meets less often and gets longer */
export const ANSWER_WORKING_DAYS = 10;
export const BOARD_ANSWER_WORKING_DAYS = 15;
/** the one reminder goes out this many working days before the DueDate */
export const REMINDER_WORKING_DAYS_BEFORE = 2;

/** the DueDate of a new stage started `today` when nobody chose one */
export function defaultDueDate(today: string, stage: ApprovalStage): string {
  return addWorkingDays(today, stage === 'Styrelse' ? BOARD_ANSWER_WORKING_DAYS : ANSWER_WORKING_DAYS);
}

export type ApprovalTimersInput = {
  /** `YYYY-MM-DD`; null: no deadline, so neither reminders nor expiry */
  readonly dueDate: string | null;
  readonly now: Date;
  /** the förbund's time zone: days and the send time are local */
  readonly timeZone: string;
  /** `HH:MM`, the time of day from which reminders go out (paminnelse.klockslag) */
  readonly sendTime: string;
};

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

/** `08:00` (or `8:00`) → 480; anything unreadable is treated as midnight rather than never sending */
function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(hhmm.trim());
  return match === null ? 0 : Number(match[1]) * 60 + Number(match[2]);
}

export function approvalTimers(input: ApprovalTimersInput): { remind: boolean; expire: boolean } {
  const { dueDate, now, timeZone, sendTime } = input;
  if (dueDate === null) {
    return { remind: false, expire: false };
  }
  const today = formatDate(now, timeZone);
  const expire = today > dueDate;
  const remind =
    !expire &&
    today >= addWorkingDays(dueDate, -REMINDER_WORKING_DAYS_BEFORE) &&
    isWorkingDay(today) &&
    localMinutes(now, timeZone) >= minutesOf(sendTime);
  return { remind, expire };
}
