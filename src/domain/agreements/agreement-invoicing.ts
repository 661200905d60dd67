/**
 * The invoicing terms of a samarbetsavtal (seed 003 §4.4): quarterly invoices of actual costs in
 * arrears, each due on the day the due rule names — said in words ("senast 30 april") and, for
 * the agreement's own years, as the dates that apply once a weekend or holiday has moved the day
 * back to the working day before it (src/domain/invoicing/due-rule.ts decides those).
 */
import { type DueRule, dueDateFor, nominalDueDate } from '../invoicing/due-rule.ts';
import { type QuarterNumber, quartersOfPeriod } from '../invoicing/quarters.ts';
import { dayAndMonth, joinSwedish, quarterMonths } from './agreement-text.ts';

export type AgreementDueDay = {
  readonly year: number;
  readonly quarter: QuarterNumber;
  /** `januari–mars` */
  readonly months: string;
  /** the rule's day, `2027-07-31` */
  readonly nominal: string;
  /** the day the invoice is due, `2027-07-30` (31 July 2027 is a Saturday) */
  readonly due: string;
};

const QUARTERS: readonly QuarterNumber[] = [1, 2, 3, 4];

function ruleDay(rule: DueRule, quarter: QuarterNumber): string {
  return quarter === 1 ? rule.q1 : quarter === 2 ? rule.q2 : quarter === 3 ? rule.q3 : rule.q4;
}

/**
 * The rule in words, one phrase per quarter: `senast 30 april för januari–mars`, … `senast
 * 20 januari året efter för oktober–december`. Whether a day falls in the year after is read from
 * the rule itself (a day before the quarter's end means the next year's), using a year that is
 * not a leap year so the phrase is the same every year.
 */
export function dueRulePhrases(rule: DueRule): string[] {
  return QUARTERS.map((quarter) => {
    const sameYear = nominalDueDate(2027, quarter, rule).startsWith('2027');
    return `senast ${dayAndMonth(ruleDay(rule, quarter))}${sameYear ? '' : ' året efter'} för ${quarterMonths(quarter)}`;
  });
}

/** the rule as one sentence for the agreement */
export function dueRuleSentence(rule: DueRule): string {
  return `Fakturan ska ha kommit in till förbundet ${joinSwedish(dueRulePhrases(rule))}.`;
}

/** every quarter of [from, to] with its due day under the rule; [] when the period is unknown */
export function agreementDueDays(from: string | null, to: string | null, rule: DueRule): AgreementDueDay[] {
  if (from === null || to === null) {
    return [];
  }
  return quartersOfPeriod(from, to).map(({ year, quarter }) => ({
    year,
    quarter,
    months: quarterMonths(quarter),
    nominal: nominalDueDate(year, quarter, rule),
    due: dueDateFor(year, quarter, rule),
  }));
}
