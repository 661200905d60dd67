/**
 * The invoice due rule (DESIGN.md §5, Settings `faktura.forfalloregel`): for each quarter the
 * month and day its invoice is due — by default 30 April, 31 July, 31 October, and 20 January of
 * the next year for Q4, because year-end closing starts then. A due day that is not a Swedish
 * working day moves back to the working day before, so the förbund never asks for an invoice on
 * a day its own office is closed. The rule is a parameter: a samarbetsavtal may set its own.
 */
import { z } from 'zod';
import { isoDateOf, lastDayOfMonth } from '../calendar/iso-date.ts';
import { workingDayOnOrBefore } from '../calendar/working-days.ts';
import { type Quarter, type QuarterNumber, quarterEnd } from './quarters.ts';

/** `MM-DD`, a day that exists in some year (29 February is allowed; it becomes the 28th in other years) */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'ska ha formen MM-DD')
  .refine((value) => {
    const month = Number(value.slice(0, 2));
    const day = Number(value.slice(3, 5));
    return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(2024, month);
  }, 'är ingen dag i året');

export const dueRuleSchema = z.object({ q1: monthDay, q2: monthDay, q3: monthDay, q4: monthDay });
export type DueRule = z.infer<typeof dueRuleSchema>;

export const DEFAULT_DUE_RULE: DueRule = Object.freeze({ q1: '04-30', q2: '07-31', q3: '10-31', q4: '01-20' });

/** the Settings key the rule is stored under */
export const DUE_RULE_SETTING = 'faktura.forfalloregel';

/**
 * Reads the rule from its stored JSON. A missing or broken value gives the default, with the
 * problem, so the caller can report it: a kansli edit in SharePoint must not stop invoicing.
 */
export function parseDueRule(json: string | null | undefined): { rule: DueRule; problem: string | null } {
  if (json === null || json === undefined || json.trim() === '') {
    return { rule: DEFAULT_DUE_RULE, problem: null };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    // not JSON at all: the answer is the default plus a note for the log
    return { rule: DEFAULT_DUE_RULE, problem: `${DUE_RULE_SETTING} är inte giltig JSON` };
  }
  const parsed = dueRuleSchema.safeParse(value);
  return parsed.success
    ? { rule: parsed.data, problem: null }
    : { rule: DEFAULT_DUE_RULE, problem: `${DUE_RULE_SETTING}: ${parsed.error.issues[0]?.message ?? 'ogiltig'}` };
}

function ruleDayOf(rule: DueRule, quarter: QuarterNumber): string {
  return quarter === 1 ? rule.q1 : quarter === 2 ? rule.q2 : quarter === 3 ? rule.q3 : rule.q4;
}

/**
 * The rule's day for the quarter, before any working-day adjustment: the first time that month
 * and day comes round on or after the quarter's last day (an invoice of actual costs cannot be
 * due before the quarter is over), so Q4's `01-20` is in the next year.
 */
export function nominalDueDate(year: number, quarter: QuarterNumber, rule: DueRule = DEFAULT_DUE_RULE): string {
  const day = ruleDayOf(rule, quarter);
  const month = Number(day.slice(0, 2));
  const onDay = (dueYear: number): string =>
    isoDateOf(dueYear, month, Math.min(Number(day.slice(3, 5)), lastDayOfMonth(dueYear, month)));
  const sameYear = onDay(year);
  return sameYear >= quarterEnd({ year, quarter }) ? sameYear : onDay(year + 1);
}

/** the due day of a quarter's invoice: the rule's day, or the last working day before it */
export function dueDateFor(year: number, quarter: QuarterNumber, rule: DueRule = DEFAULT_DUE_RULE): string {
  return workingDayOnOrBefore(nominalDueDate(year, quarter, rule));
}

export function dueDateOfQuarter(quarter: Quarter, rule: DueRule = DEFAULT_DUE_RULE): string {
  return dueDateFor(quarter.year, quarter.quarter, rule);
}

/** The rule for one insats: its own when it has a readable one, else the förbund's. */
export function effectiveDueRule(
  intervention: { readonly code: string; readonly invoiceDueRule?: string | null | undefined },
  forbundRule: DueRule,
): { rule: DueRule; problem: string | null } {
  const own = intervention.invoiceDueRule;
  if (own === null || own === undefined || own.trim() === '') {
    return { rule: forbundRule, problem: null };
  }
  const parsed = parseDueRule(own);
  if (parsed.problem === null) {
    return { rule: parsed.rule, problem: null };
  }
  // parseDueRule names the Settings key; here the broken value is the insats's own column
  const detail = parsed.problem.replace(DUE_RULE_SETTING, 'förfalloregeln');
  return {
    rule: forbundRule,
    problem: `${intervention.code}: insatsens egen förfalloregel går inte att läsa (${detail}) – förbundets regel används`,
  };
}
