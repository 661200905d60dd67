/**
 * The invoicing settings the kansli keeps in the Settings list (DESIGN.md §5): the due rule, the
 * reminder days before the due day, the escalation day after it and the time of day reminders go
 * out. The values are typed by hand in SharePoint, so parsing never throws: a broken value falls
 * back to its default and is reported, and invoicing carries on.
 */
import { z } from 'zod';
import { DEFAULT_DUE_RULE, DUE_RULE_SETTING, type DueRule, parseDueRule } from './due-rule.ts';

export const REMINDER_OFFSETS_SETTING = 'paminnelse.arbetsdagar-fore';
export const ESCALATION_OFFSET_SETTING = 'eskalering.arbetsdagar-efter';
export const SEND_TIME_SETTING = 'paminnelse.klockslag';

/**
 * Upper bound for working-day offsets: about three months of working days. Anything larger is a
 * typo (an extra zero), and a reminder a quarter ahead of its invoice would only be noise.
 */
export const MAX_WORKING_DAY_OFFSET = 60;

export type InvoicingSettings = {
  readonly dueRule: DueRule;
  /** working days before the due day on which the projektledare is reminded, largest first, no repeats */
  readonly reminderOffsets: readonly number[];
  /** working days after the due day on which the invoice counts as overdue (escalation) */
  readonly escalationOffset: number;
  /** local time of day, `HH:MM` (24 h), from which reminders are sent on working days */
  readonly sendTime: string;
};

/** the same values as SETTING_DEFAULTS in src/sharepoint/schema.ts (a test keeps the two in step) */
export const DEFAULT_INVOICING_SETTINGS: InvoicingSettings = Object.freeze({
  dueRule: DEFAULT_DUE_RULE,
  reminderOffsets: Object.freeze([10, 5, 1]),
  escalationOffset: 1,
  sendTime: '08:00',
});

export type ParsedInvoicingSettings = { readonly settings: InvoicingSettings; readonly problems: string[] };

/** a number of working days before or after a due day (the settings screen takes the same) */
export const workingDayOffsetSchema = z
  .number()
  .int('ska vara ett heltal')
  .min(1, 'ska vara minst 1')
  .max(MAX_WORKING_DAY_OFFSET, `får vara högst ${MAX_WORKING_DAY_OFFSET}`);

// An empty list is allowed on purpose: it is how a förbund turns the reminders off.
export const reminderOffsetsSchema = z.array(workingDayOffsetSchema, 'ska vara en lista med heltal, t.ex. [10, 5, 1]');

// Only digits: Number(' 1e0 ') or Number('0x1') would otherwise pass as 1.
const escalationOffsetSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'ska vara ett heltal, t.ex. 1')
  .transform(Number)
  .pipe(workingDayOffsetSchema);

// Swedes write both 08:00 and 08.00, and often 8:00; all mean the same and are stored as HH:MM.
export const sendTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'ska vara ett klockslag på formen TT:MM, t.ex. 08:00')
  .transform((value) => {
    const [hours = '', minutes = ''] = value.split(/[:.]/);
    return `${hours.padStart(2, '0')}:${minutes}`;
  });

/** the reminder days as the sweep uses them: no repeats, largest first (like the setting reads) */
export function normalisedReminderOffsets(offsets: readonly number[]): number[] {
  return [...new Set(offsets)].sort((a, b) => b - a);
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) {
    return 'ogiltigt värde';
  }
  // for a list, say which element is wrong: "[2]: ska vara minst 1"
  const where = issue.path.length > 0 ? `[${issue.path.join('.')}]: ` : '';
  return `${where}${issue.message}`;
}

/** one setting: blank means "not set" (the default, silently); invalid means the default and a problem */
function parseSetting<T>(
  key: string,
  raw: string | undefined,
  schema: z.ZodType<T>,
  fallback: T,
  problems: string[],
  json: boolean,
): T {
  if (isBlank(raw)) {
    return fallback;
  }
  let value: unknown = raw;
  if (json) {
    try {
      value = JSON.parse(raw);
    } catch {
      // a kansli typo must not stop invoicing: use the default and report it
      problems.push(`${key} är inte giltig JSON – standardvärdet används`);
      return fallback;
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    problems.push(`${key}: ${firstIssue(parsed.error)} – standardvärdet används`);
    return fallback;
  }
  return parsed.data;
}

/**
 * Reads the invoicing settings from the Settings list's key → value map. Missing or blank keys
 * take their default without comment; a value that does not parse takes its default and adds a
 * Swedish problem line for the log and the kansli. Never throws.
 */
export function parseInvoicingSettings(
  settings: Readonly<Record<string, string | undefined>>,
): ParsedInvoicingSettings {
  const problems: string[] = [];

  const due = parseDueRule(settings[DUE_RULE_SETTING]);
  if (due.problem !== null) {
    problems.push(`${due.problem} – standardvärdet används`);
  }

  const offsets = parseSetting(
    REMINDER_OFFSETS_SETTING,
    settings[REMINDER_OFFSETS_SETTING],
    reminderOffsetsSchema,
    [...DEFAULT_INVOICING_SETTINGS.reminderOffsets],
    problems,
    true,
  );

  return {
    settings: {
      dueRule: due.rule,
      // duplicates would be the same reminder day twice; largest first reads like the setting
      reminderOffsets: normalisedReminderOffsets(offsets),
      escalationOffset: parseSetting(
        ESCALATION_OFFSET_SETTING,
        settings[ESCALATION_OFFSET_SETTING],
        escalationOffsetSchema,
        DEFAULT_INVOICING_SETTINGS.escalationOffset,
        problems,
        false,
      ),
      sendTime: parseSetting(
        SEND_TIME_SETTING,
        settings[SEND_TIME_SETTING],
        sendTimeSchema,
        DEFAULT_INVOICING_SETTINGS.sendTime,
        problems,
        false,
      ),
    },
    problems,
  };
}
