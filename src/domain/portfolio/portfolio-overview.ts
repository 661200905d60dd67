/**
 * The portfolio at a glance, for the tab's start page: how many insatser are in each stage, what
 * has been granted and invoiced per year, and the invoices that are due (or overdue) soon. Pure:
 * the caller decides which insatser the viewer may see and passes only those.
 */
import { addDays } from '../calendar/iso-date.ts';
import type { BudgetLine } from '../entities/budget-line.ts';
import type { Intervention } from '../entities/intervention.ts';
import type { Requisition } from '../entities/requisition.ts';
import { type RequisitionStatus, STAGES, type Stage } from '../vocabulary.ts';

/**
 * Stages whose budget counts as granted money: granted and not stopped. An Avbruten insats's
 * unspent budget is not the förbund's commitment any more, so it is left out.
 */
export const OVERVIEW_GRANTED_STAGES: readonly Stage[] = [
  'Beviljad',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
];

/** invoices that have come in (whatever step of the review they are at) */
export const INVOICED_STATUSES: readonly RequisitionStatus[] = ['Inkommen', 'Granskad', 'Attesterad', 'Betald'];

/** invoices still to come: expected, or sent back to be done again */
export const OPEN_STATUSES: readonly RequisitionStatus[] = ['Förväntad', 'Avvisad'];

/**
 * How far back an open invoice is still shown. An invoice a quarter late is exactly what the
 * board must see (they come first: the list is soonest first), so the look-back is a year.
 */
export const DEADLINE_LOOKBACK_DAYS = 365;
export const MAX_DEADLINES = 10;

export type PortfolioDeadline = {
  readonly periodKey: string;
  readonly interventionId: string;
  readonly code: string;
  readonly title: string;
  readonly dueDate: string;
  readonly status: RequisitionStatus;
};

export type PortfolioOverview = {
  readonly today: string;
  /** every stage, in lifecycle order, with zeros */
  readonly stages: ReadonlyArray<{ readonly stage: Stage; readonly count: number }>;
  /** years with any money granted or invoiced, ascending */
  readonly years: ReadonlyArray<{ readonly year: number; readonly granted: number; readonly invoiced: number }>;
  /** open invoices due from a month ago on, soonest first (overdue ones first of all) */
  readonly deadlines: readonly PortfolioDeadline[];
  readonly totals: { readonly granted: number; readonly invoiced: number };
};

export type PortfolioInput = {
  /** the insatser the viewer may see; budget lines and requisitions of others are ignored */
  readonly interventions: readonly Intervention[];
  readonly budgetLines: readonly Pick<BudgetLine, 'interventionId' | 'year' | 'amount'>[];
  readonly requisitions: readonly Pick<
    Requisition,
    'interventionId' | 'year' | 'periodKey' | 'dueDate' | 'status' | 'amount'
  >[];
  readonly today: string;
};

export function portfolioOverview(input: PortfolioInput): PortfolioOverview {
  const byId = new Map(input.interventions.map((intervention) => [intervention.id, intervention]));
  const stages = STAGES.map((stage) => ({
    stage,
    count: input.interventions.filter((intervention) => intervention.stage === stage).length,
  }));

  const granted = new Map<number, number>();
  const invoiced = new Map<number, number>();
  const add = (sums: Map<number, number>, year: number, amount: number): void => {
    sums.set(year, (sums.get(year) ?? 0) + amount);
  };
  for (const line of input.budgetLines) {
    const intervention = byId.get(line.interventionId);
    if (intervention !== undefined && OVERVIEW_GRANTED_STAGES.includes(intervention.stage)) {
      add(granted, line.year, line.amount);
    }
  }
  const visibleRequisitions = input.requisitions.filter((row) => byId.has(row.interventionId));
  for (const row of visibleRequisitions) {
    if (INVOICED_STATUSES.includes(row.status) && row.amount !== null) {
      add(invoiced, row.year, row.amount);
    }
  }
  const years = [...new Set([...granted.keys(), ...invoiced.keys()])]
    .map((year) => ({ year, granted: granted.get(year) ?? 0, invoiced: invoiced.get(year) ?? 0 }))
    .filter((year) => year.granted !== 0 || year.invoiced !== 0)
    .sort((a, b) => a.year - b.year);

  const from = addDays(input.today, -DEADLINE_LOOKBACK_DAYS);
  const deadlines = visibleRequisitions
    .filter((row) => OPEN_STATUSES.includes(row.status) && row.dueDate >= from)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodKey.localeCompare(b.periodKey))
    .slice(0, MAX_DEADLINES)
    .flatMap((row): PortfolioDeadline[] => {
      const intervention = byId.get(row.interventionId);
      return intervention === undefined
        ? []
        : [
            {
              periodKey: row.periodKey,
              interventionId: intervention.id,
              code: intervention.code,
              title: intervention.title,
              dueDate: row.dueDate,
              status: row.status,
            },
          ];
    });

  return {
    today: input.today,
    stages,
    years,
    deadlines,
    totals: {
      granted: years.reduce((sum, year) => sum + year.granted, 0),
      invoiced: years.reduce((sum, year) => sum + year.invoiced, 0),
    },
  };
}
