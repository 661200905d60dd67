/**
 * Keeps an insats's Requisitions rows in step with its period and stage: one row per calendar
 * quarter overlapping [StartDate, EndDate] while the insats runs. Pure: it returns a plan and the
 * caller writes it, so a sweep that dies half way simply plans the rest next time. A row whose
 * invoice is registered (any Status but Förväntad) is the förbund's accounting record and is never
 * changed or reported for removal, whatever happens to the insats's dates.
 */
import type { Intervention } from '../entities/intervention.ts';
import type { NewRequisition, Requisition } from '../entities/requisition.ts';
import type { Stage } from '../vocabulary.ts';
import { DEFAULT_DUE_RULE, type DueRule, dueDateOfQuarter } from './due-rule.ts';
import { periodKeyOf, quartersOfPeriod } from './quarters.ts';

/**
 * Stages in which requisition rows are expected. Narrower than INVOICING_STAGES (next-deadline):
 * before Uppstart there are no costs to invoice yet, so no rows are created then.
 */
export const REQUISITION_STAGES: readonly Stage[] = ['Uppstart', 'Pågående', 'Avslutas'];

export type RequisitionPatch = Partial<Pick<NewRequisition, 'dueDate' | 'periodKey'>>;

export type RequisitionUpdate = { readonly id: string; readonly etag: string; readonly patch: RequisitionPatch };

export type RequisitionPlan = {
  /** rows to add, earliest quarter first */
  readonly create: NewRequisition[];
  /** Förväntad rows whose DueDate (or PeriodKey, after a code change) no longer matches */
  readonly update: RequisitionUpdate[];
  /** Förväntad rows no longer expected (outside the period, stage stopped invoicing, or a duplicate): the caller removes or flags them */
  readonly orphaned: Requisition[];
};

export type PlannedIntervention = Pick<Intervention, 'id' | 'code' | 'stage' | 'startDate' | 'endDate'>;

/** the rows the insats should have, earliest first; [] unless it is in a requisition stage with a whole period */
export function expectedRequisitions(
  intervention: PlannedIntervention,
  rule: DueRule = DEFAULT_DUE_RULE,
): NewRequisition[] {
  const { startDate, endDate } = intervention;
  if (!REQUISITION_STAGES.includes(intervention.stage) || startDate === null || endDate === null) {
    return [];
  }
  return quartersOfPeriod(startDate, endDate).map((quarter) => ({
    interventionId: intervention.id,
    year: quarter.year,
    quarter: quarter.quarter,
    periodKey: periodKeyOf(intervention.code, quarter),
    dueDate: dueDateOfQuarter(quarter, rule),
    status: 'Förväntad',
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  }));
}

function quarterKey(row: { readonly year: number; readonly quarter: number }): string {
  return `${row.year}-Q${row.quarter}`;
}

/** SharePoint ids are numeric strings: compare them as numbers so '9' comes before '10' */
function byId(a: Requisition, b: Requisition): number {
  return Number(a.id) - Number(b.id) || a.id.localeCompare(b.id);
}

/**
 * Plans the changes that bring `existing` in line with the insats. Rows are matched by year and
 * quarter rather than PeriodKey, so a changed insats code updates the open rows instead of
 * creating a second set. A quarter that has any row — registered or not — never gets another.
 * Idempotent: once the plan is applied (orphans removed), planning again gives an empty plan.
 */
export function planRequisitions(
  intervention: PlannedIntervention,
  existing: readonly Requisition[],
  rule: DueRule = DEFAULT_DUE_RULE,
): RequisitionPlan {
  const expected = new Map(expectedRequisitions(intervention, rule).map((row) => [quarterKey(row), row] as const));
  const byQuarter = new Map<string, Requisition[]>();
  for (const row of existing) {
    // the caller may pass every row it read; other insatser's rows are not ours to plan
    if (row.interventionId !== intervention.id) {
      continue;
    }
    const rows = byQuarter.get(quarterKey(row)) ?? [];
    rows.push(row);
    byQuarter.set(quarterKey(row), rows);
  }

  const create: NewRequisition[] = [];
  const update: RequisitionUpdate[] = [];
  const orphaned: Requisition[] = [];

  for (const [key, wanted] of expected) {
    const rows = [...(byQuarter.get(key) ?? [])].sort(byId);
    if (rows.length === 0) {
      create.push(wanted);
      continue;
    }
    // With a registered invoice the quarter is settled, so any open row beside it is a leftover;
    // without one, the oldest open row is the quarter's and later ones are duplicates.
    const keeper = rows.some((row) => row.status !== 'Förväntad') ? undefined : rows[0];
    for (const row of rows) {
      if (row.status !== 'Förväntad') {
        continue;
      }
      if (row !== keeper) {
        orphaned.push(row);
        continue;
      }
      const patch: { dueDate?: string; periodKey?: string } = {};
      if (row.dueDate !== wanted.dueDate) {
        patch.dueDate = wanted.dueDate;
      }
      if (row.periodKey !== wanted.periodKey) {
        patch.periodKey = wanted.periodKey;
      }
      if (Object.keys(patch).length > 0) {
        update.push({ id: row.id, etag: row.etag, patch });
      }
    }
  }

  for (const [key, rows] of byQuarter) {
    if (!expected.has(key)) {
      orphaned.push(...[...rows].sort(byId).filter((row) => row.status === 'Förväntad'));
    }
  }

  return { create, update, orphaned: orphaned.sort(byId) };
}

/** true when the plan changes nothing */
export function isEmptyRequisitionPlan(plan: RequisitionPlan): boolean {
  return plan.create.length === 0 && plan.update.length === 0 && plan.orphaned.length === 0;
}
