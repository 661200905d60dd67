/**
 * The settings form: what the kansli typed (text, so a refused value stays on screen), and the
 * PUT body with only the settings that differ from those in force. The server parses each value
 * with the sweep's own schema and limits (src/domain/settings/kansli-settings.ts) and is the
 * authority; the checks here only catch what is not a number at all. Field paths are the
 * server's (`dueRule.q1`, `reminderOffsets.0`), except that a reminder is named by its place on
 * screen (blank rows are not sent, so the two can differ).
 */
import type { z } from 'zod';
import type { settingsResponseSchema } from '../../api/contracts.ts';

export type Settings = z.infer<typeof settingsResponseSchema>['installningar'];
export type SettingField = keyof Settings;

export const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
export type QuarterKey = (typeof QUARTERS)[number];

export type DayMonth = { readonly day: string; readonly month: string };

export type SettingsForm = {
  readonly due: Readonly<Record<QuarterKey, DayMonth>>;
  readonly reminders: readonly string[];
  readonly escalation: string;
  readonly sendTime: string;
  readonly threshold: string;
};

/** `04-30` → { day: '30', month: '4' } (the selects' values); anything else stays blank */
export function dayMonthOf(monthDay: string): DayMonth {
  const match = /^(\d{2})-(\d{2})$/.exec(monthDay);
  return match === null ? { day: '', month: '' } : { day: String(Number(match[2])), month: String(Number(match[1])) };
}

function monthDayOf(value: DayMonth): string | null {
  if (value.day === '' || value.month === '') {
    return null;
  }
  return `${value.month.padStart(2, '0')}-${value.day.padStart(2, '0')}`;
}

export function formOf(settings: Settings): SettingsForm {
  return {
    due: {
      q1: dayMonthOf(settings.dueRule.q1),
      q2: dayMonthOf(settings.dueRule.q2),
      q3: dayMonthOf(settings.dueRule.q3),
      q4: dayMonthOf(settings.dueRule.q4),
    },
    reminders: settings.reminderOffsets.map(String),
    escalation: String(settings.escalationOffset),
    sendTime: settings.sendTime,
    threshold: String(settings.changeThresholdPercent).replace('.', ','),
  };
}

export type Messages = { readonly clientWhole: string; readonly clientNumber: string; readonly clientTime: string };

export type SettingsPatch = {
  readonly body: Partial<Record<SettingField, unknown>>;
  readonly errors: Readonly<Record<string, string>>;
  /** for each reminder sent, its row on screen */
  readonly reminderRows: readonly number[];
};

const wholeNumber = (text: string) => (/^\d{1,6}$/.test(text.trim()) ? Number(text.trim()) : null);

/** the changed settings as PUT /api/installningar takes them, or the fields that are not numbers */
export function toPatch(form: SettingsForm, current: Settings, messages: Messages): SettingsPatch {
  const body: Partial<Record<SettingField, unknown>> = {};
  const errors: Record<string, string> = {};

  const dueRule = Object.fromEntries(QUARTERS.map((quarter) => [quarter, monthDayOf(form.due[quarter])]));
  if (JSON.stringify(dueRule) !== JSON.stringify({ ...current.dueRule })) {
    body.dueRule = dueRule;
  }

  const reminderRows: number[] = [];
  const reminders: number[] = [];
  form.reminders.forEach((text, row) => {
    if (text.trim() === '') {
      return;
    }
    const value = wholeNumber(text);
    if (value === null) {
      errors[`reminderOffsets.${row}`] = messages.clientWhole;
      return;
    }
    reminderRows.push(row);
    reminders.push(value);
  });
  if (JSON.stringify(reminders) !== JSON.stringify(current.reminderOffsets)) {
    body.reminderOffsets = reminders;
  }

  const escalation = wholeNumber(form.escalation);
  if (escalation === null) {
    errors.escalationOffset = messages.clientWhole;
  } else if (escalation !== current.escalationOffset) {
    body.escalationOffset = escalation;
  }

  if (!/^\d{1,2}[:.]\d{2}$/.test(form.sendTime.trim())) {
    errors.sendTime = messages.clientTime;
  } else if (form.sendTime.trim() !== current.sendTime) {
    body.sendTime = form.sendTime.trim();
  }

  const thresholdText = form.threshold
    .replace(/[\s\u00a0]/g, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(thresholdText)) {
    errors.changeThresholdPercent = messages.clientNumber;
  } else if (Number(thresholdText) !== current.changeThresholdPercent) {
    body.changeThresholdPercent = Number(thresholdText);
  }
  return { body, errors, reminderRows };
}

/** the server's field path as the form names it (`reminderOffsets.<n>` → the row it came from) */
export function formPathOf(path: string, reminderRows: readonly number[]): string {
  const reminder = /^reminderOffsets\.(\d+)$/.exec(path);
  if (reminder !== null) {
    const row = reminderRows[Number(reminder[1])];
    return row === undefined ? 'reminderOffsets' : `reminderOffsets.${row}`;
  }
  const quarter = /^dueRule\.(q[1-4])/.exec(path);
  return quarter === null ? path : `dueRule.${quarter[1]}`;
}
