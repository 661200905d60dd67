/**
 * The next invoicing deadline of an insats: the earliest quarter of its period whose invoice is
 * not registered yet and whose due day is today or later. Pure: the caller passes today's date
 * (in the förbund's time zone) and the insats's requisition rows.
 */
import type { Intervention } from '../entities/intervention.ts';
import type { Requisition } from '../entities/requisition.ts';
import type { Stage } from '../vocabulary.ts';
import { DEFAULT_DUE_RULE, type DueRule, dueDateOfQuarter } from './due-rule.ts';
import { periodKeyOf, type Quarter, quartersOfPeriod } from './quarters.ts';

export type Deadline = Quarter & {
  readonly periodKey: string;
  /** the day the invoice is due (a working day) */
  readonly dueDate: string;
  /** the quarter's requisition row, when the reconciliation has created it (status Förväntad) */
  readonly requisition: Requisition | null;
};

/** stages in which an insats invoices: granted and not yet closed */
export const INVOICING_STAGES: readonly Stage[] = ['Beviljad', 'Avtal', 'Uppstart', 'Pågående', 'Avslutas'];

/**
 * A quarter is open while it has no requisition row or only the expected one (Förväntad); any
 * other status means the invoice came in. The due day is the row's DueDate when there is a row —
 * that is the date the reminders use and a kansli may have moved it in SharePoint — else the rule's.
 * Null when the insats has no period or every remaining quarter is registered or past.
 */
export function nextDeadline(
  intervention: Pick<Intervention, 'id' | 'code' | 'startDate' | 'endDate'>,
  requisitions: readonly Requisition[],
  today: string,
  rule: DueRule = DEFAULT_DUE_RULE,
): Deadline | null {
  if (intervention.startDate === null || intervention.endDate === null) {
    return null;
  }
  const byPeriod = new Map(
    requisitions
      .filter((row) => row.interventionId === intervention.id)
      .map((row) => [periodKeyOf(intervention.code, row), row] as const),
  );
  for (const quarter of quartersOfPeriod(intervention.startDate, intervention.endDate)) {
    const periodKey = periodKeyOf(intervention.code, quarter);
    const row = byPeriod.get(periodKey) ?? null;
    if (row !== null && row.status !== 'Förväntad') {
      continue;
    }
    const dueDate = row?.dueDate ?? dueDateOfQuarter(quarter, rule);
    if (dueDate >= today) {
      return { ...quarter, periodKey, dueDate, requisition: row };
    }
  }
  return null;
}
