/**
 * The settings the kansli edits on the tab's settings screen: the invoice due rule, the reminder
 * days, the escalation day, the reminder send time and the minor/major threshold of a budget
 * change. They live in the Settings list as text, where the sweep and the approvals read them with
 * their own parsers (invoicing-settings.ts, due-rule.ts, budget-change.ts).
 *
 * The screen's input is built from the very same schemas and limits, and every accepted value is
 * also written out as text and read back with the sweep's parser before it is accepted: a value
 * the API stores is one the sweep reads as that value, never one it silently replaces by a default.
 */
import { z } from 'zod';
import {
  CHANGE_THRESHOLD_SETTING,
  changeThresholdPercentSchema,
  DEFAULT_CHANGE_THRESHOLD_PERCENT,
  parseChangeThreshold,
} from '../approvals/budget-change.ts';
import { DUE_RULE_SETTING, type DueRule, dueRuleSchema } from '../invoicing/due-rule.ts';
import {
  DEFAULT_INVOICING_SETTINGS,
  ESCALATION_OFFSET_SETTING,
  normalisedReminderOffsets,
  parseInvoicingSettings,
  REMINDER_OFFSETS_SETTING,
  reminderOffsetsSchema,
  SEND_TIME_SETTING,
  sendTimeSchema,
  workingDayOffsetSchema,
} from '../invoicing/invoicing-settings.ts';
import { KANSLI_SETTING_FIELDS, type KansliSettingField } from './kansli-setting-fields.ts';

export { KANSLI_SETTING_FIELDS, type KansliSettingField };

export type KansliSettings = {
  readonly dueRule: DueRule;
  /** working days before the due day, largest first, no repeats; empty: no reminders */
  readonly reminderOffsets: readonly number[];
  readonly escalationOffset: number;
  /** `HH:MM` */
  readonly sendTime: string;
  readonly changeThresholdPercent: number;
};

/** the screen's fields in the order they are shown, each with its key in the Settings list */
export const KANSLI_SETTING_KEYS = {
  dueRule: DUE_RULE_SETTING,
  reminderOffsets: REMINDER_OFFSETS_SETTING,
  escalationOffset: ESCALATION_OFFSET_SETTING,
  sendTime: SEND_TIME_SETTING,
  changeThresholdPercent: CHANGE_THRESHOLD_SETTING,
} as const satisfies Record<KansliSettingField, string>;

export const DEFAULT_KANSLI_SETTINGS: KansliSettings = Object.freeze({
  dueRule: DEFAULT_INVOICING_SETTINGS.dueRule,
  reminderOffsets: DEFAULT_INVOICING_SETTINGS.reminderOffsets,
  escalationOffset: DEFAULT_INVOICING_SETTINGS.escalationOffset,
  sendTime: DEFAULT_INVOICING_SETTINGS.sendTime,
  changeThresholdPercent: DEFAULT_CHANGE_THRESHOLD_PERCENT,
});

/** a reminder a day for two weeks is already more than anyone wants; more is a typo */
export const MAX_REMINDER_DAYS = 10;

type FieldReading<F extends KansliSettingField> = {
  readonly value: KansliSettings[F];
  readonly problem: string | null;
};

/**
 * One field as the sweep (or the approvals) read it from its stored text: a blank or missing text
 * gives the default without a problem, a broken one the default and the parser's Swedish problem.
 */
export function readKansliSetting<F extends KansliSettingField>(field: F, raw: string | undefined): FieldReading<F> {
  const key = KANSLI_SETTING_KEYS[field];
  if (field === 'changeThresholdPercent') {
    const parsed = parseChangeThreshold({ [key]: raw });
    return { value: parsed.percent, problem: parsed.problem } as FieldReading<F>;
  }
  // only this key present: every problem the parser reports is about this field
  const parsed = parseInvoicingSettings({ [key]: raw });
  return {
    value: parsed.settings[field as keyof typeof parsed.settings],
    problem: parsed.problems[0] ?? null,
  } as FieldReading<F>;
}

/** every field as the sweep reads the stored key → text map, with the problems of the broken ones */
export function readKansliSettings(stored: Readonly<Record<string, string | undefined>>): {
  readonly settings: KansliSettings;
  readonly problems: Partial<Record<KansliSettingField, string>>;
} {
  const settings: Record<string, unknown> = {};
  const problems: Partial<Record<KansliSettingField, string>> = {};
  for (const field of KANSLI_SETTING_FIELDS) {
    const reading = readKansliSetting(field, stored[KANSLI_SETTING_KEYS[field]]);
    settings[field] = reading.value;
    if (reading.problem !== null) {
      problems[field] = reading.problem;
    }
  }
  return { settings: settings as KansliSettings, problems };
}

/** the text a field is stored as in the Settings list, in the form the defaults have */
export function storedTextOf<F extends KansliSettingField>(field: F, value: KansliSettings[F]): string {
  switch (field) {
    case 'dueRule': {
      const rule = value as DueRule;
      return JSON.stringify({ q1: rule.q1, q2: rule.q2, q3: rule.q3, q4: rule.q4 });
    }
    case 'reminderOffsets':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

/** true when two readings of a field mean the same (a list compared element by element) */
export function sameSetting<F extends KansliSettingField>(
  field: F,
  a: KansliSettings[F],
  b: KansliSettings[F],
): boolean {
  return storedTextOf(field, a) === storedTextOf(field, b);
}

const READ_BACK_MESSAGE = 'går inte att spara så att svepet läser samma värde – skriv det enklare, t.ex. 10';

/** a value that parsed: written out as text and read back with the sweep's parser, it must be the same */
function readsBack<F extends KansliSettingField, T extends KansliSettings[F] = KansliSettings[F]>(field: F) {
  return z.custom<T>().refine((value) => {
    const reading = readKansliSetting(field, storedTextOf(field, value));
    return reading.problem === null && sameSetting(field, reading.value, value);
  }, READ_BACK_MESSAGE);
}

/**
 * What the settings screen sends: any of the fields (a partial update), each parsed with the
 * sweep's own schema and limits, then written out and read back with the sweep's parser.
 */
export const kansliSettingsPatchSchema = z
  .strictObject({
    dueRule: z
      .strictObject(dueRuleSchema.shape, 'ska vara { q1, q2, q3, q4 } med dagar på formen MM-DD')
      .pipe(readsBack('dueRule')),
    reminderOffsets: reminderOffsetsSchema
      .max(MAX_REMINDER_DAYS, `får ha högst ${MAX_REMINDER_DAYS} påminnelsedagar`)
      .transform(normalisedReminderOffsets)
      .pipe(readsBack<'reminderOffsets', number[]>('reminderOffsets')),
    escalationOffset: workingDayOffsetSchema.pipe(readsBack('escalationOffset')),
    sendTime: sendTimeSchema.pipe(readsBack('sendTime')),
    changeThresholdPercent: changeThresholdPercentSchema.pipe(readsBack('changeThresholdPercent')),
  })
  .partial();

export type KansliSettingsPatch = z.output<typeof kansliSettingsPatchSchema>;
