import type { NewRequisition } from '../../domain/entities/requisition.ts';
import type { BudgetCategory, RequisitionStatus } from '../../domain/vocabulary.ts';
import { SETTING_DEFAULTS } from '../schema.ts';
import { DEMO_INTERVENTIONS, type DemoIntervention } from './demo-interventions.ts';
import type { MemberKey } from './demo-members.ts';

/** "today" in the demo: invoices are history up to Q3 2026; the app creates the expected ones after */
export const DEMO_TODAY = '2026-11-24';

export type DemoRequisition = Omit<NewRequisition, 'interventionId'> & { readonly code: string };

/**
 * Left out on purpose: Insatskatalogen's Q3 2026 invoice, due 2026-10-30, has not come in, so
 * the demo has an overdue requisition to remind about and escalate.
 */
const MISSING = new Set(['INSKAT-2026-Q3']);

/** the latest quarter's state differs per insats, so the kansli has something to review */
const LATEST_STATUS: Readonly<Record<string, RequisitionStatus>> = {
  'NOVA-2026-Q3': 'Inkommen',
  'ENTER-2026-Q3': 'Attesterad',
  'FIA-2026-Q3': 'Inkommen',
  'HFE-2026-Q3': 'Attesterad',
};

/** costs vary a little around the budget from quarter to quarter */
const VARIATION = [0.96, 1.03, 0.91, 1.0, 1.06, 0.94, 0.99, 1.02, 0.88, 1.04] as const;

const INVOICE_PREFIX: Readonly<Record<MemberKey, string>> = {
  FK: 'FK',
  AF: 'AF',
  REGION: 'RK',
  ALVESTA: 'AK',
  LESSEBO: 'LK',
  TINGSRYD: 'TK',
  VAXJO: 'VK',
};

/** Every past quarter's requisition of the running insatser, with amounts per budget post. */
export function demoRequisitions(): DemoRequisition[] {
  return DEMO_INTERVENTIONS.filter((intervention) => intervention.stage === 'Pågående').flatMap(history);
}

function history(intervention: DemoIntervention): DemoRequisition[] {
  const rows: DemoRequisition[] = [];
  for (const [sequence, { year, quarter }] of quartersOf(intervention).entries()) {
    const periodKey = `${intervention.code}-${year}-Q${quarter}`;
    const dueDate = demoDueDate(year, quarter);
    if (dueDate >= DEMO_TODAY || MISSING.has(periodKey)) {
      continue;
    }
    const specification = specificationFor(intervention, year, quarter, sequence);
    rows.push({
      code: intervention.code,
      year,
      quarter,
      periodKey,
      dueDate,
      status: LATEST_STATUS[periodKey] ?? 'Betald',
      amount: Object.values(specification).reduce((sum, amount) => sum + amount, 0),
      specification,
      receivedDate: addDays(dueDate, -(4 + ((sequence * 5) % 9))),
      invoiceNumber: `${INVOICE_PREFIX[intervention.owner]}-${year}-${String(311 + sequence * 47 + quarter).padStart(5, '0')}`,
    });
  }
  return rows;
}

function specificationFor(
  intervention: DemoIntervention,
  year: number,
  quarter: number,
  sequence: number,
): Partial<Record<BudgetCategory, number>> {
  const activeQuarters = quartersOf(intervention).filter((entry) => entry.year === year).length;
  const specification: Partial<Record<BudgetCategory, number>> = {};
  for (const [index, [category, yearly]] of Object.entries(intervention.budget[year] ?? {}).entries()) {
    // the förbund procures evaluations itself (seed 003), so evaluation money is never invoiced
    if (category === 'Utvärdering' || yearly === undefined) {
      continue;
    }
    let factor: number = VARIATION[(sequence + index) % VARIATION.length] ?? 1;
    if (intervention.code === 'ENTER' && year === 2024 && quarter <= 2 && category === 'Personal') {
      factor = 0.6; // a post stood vacant most of spring 2024 (seed 004)
    }
    specification[category as BudgetCategory] = Math.round(((yearly / activeQuarters) * factor) / 100) * 100;
  }
  return specification;
}

/** every calendar quarter the insats runs in */
export function quartersOf(intervention: DemoIntervention): Array<{ year: number; quarter: number }> {
  const quarters: Array<{ year: number; quarter: number }> = [];
  const [startYear, startMonth] = intervention.startDate.split('-').map(Number);
  const [endYear, endMonth] = intervention.endDate.split('-').map(Number);
  if (startYear === undefined || startMonth === undefined || endYear === undefined || endMonth === undefined) {
    return quarters;
  }
  const last = endYear * 4 + Math.ceil(endMonth / 3);
  for (let index = startYear * 4 + Math.ceil(startMonth / 3); index <= last; index += 1) {
    const year = Math.floor((index - 1) / 4);
    quarters.push({ year, quarter: index - year * 4 });
  }
  return quarters;
}

/**
 * The default invoice due day (schema.ts SETTING_DEFAULTS: 30 April, 31 July, 31 October and
 * 20 January), moved back to a Friday when it falls on a weekend. No Swedish public holiday
 * falls on these days in 2024–2027, so weekends are all there is to skip here.
 */
export function demoDueDate(year: number, quarter: number): string {
  const rule = JSON.parse(SETTING_DEFAULTS['faktura.forfalloregel']) as Record<string, string>;
  const monthDay = rule[`q${quarter}`] ?? '04-30';
  let date = `${quarter === 4 ? year + 1 : year}-${monthDay}`;
  while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) {
    date = addDays(date, -1);
  }
  return date;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
