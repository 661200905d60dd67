/**
 * What remains of an insats's budget per post in one year, and whether an invoice's
 * specification stays within it (seed 003 §4.4: the invoice specifies costs per budget post of
 * the application). An overdrawn post does not stop the registration — the invoice has come in —
 * but flags the row for the ekonom, with the posts and amounts in Swedish.
 */
import type { BudgetLine } from '../entities/budget-line.ts';
import type { Requisition, Specification } from '../entities/requisition.ts';
import { formatKr } from '../format.ts';
import { BUDGET_CATEGORIES, type BudgetCategory, type RequisitionStatus } from '../vocabulary.ts';

/** statuses whose amounts are spent money: registered and not sent back */
export const INVOICED_STATUSES: readonly RequisitionStatus[] = ['Inkommen', 'Granskad', 'Attesterad', 'Betald'];

export type BudgetPosition = {
  readonly category: BudgetCategory;
  readonly granted: number;
  /** registered invoices of the same year, the one being checked excluded */
  readonly invoiced: number;
  readonly remaining: number;
};

export type BudgetCheck = {
  readonly overBudget: boolean;
  readonly overdrawn: ReadonlyArray<{ readonly category: BudgetCategory; readonly over: number }>;
  /** Swedish, one sentence per post; null when within budget */
  readonly warning: string | null;
};

/** öre-exact sums: invoice amounts may have öre, and 0.1 + 0.2 must not overdraw a post */
function toOre(amount: number): number {
  return Math.round(amount * 100);
}

/**
 * Every category with a budget line or an invoiced amount that year, in the vocabulary's order.
 * `excludePeriodKey` leaves out the requisition being (re)registered.
 */
export function budgetPositions(
  budgetLines: readonly Pick<BudgetLine, 'year' | 'category' | 'amount'>[],
  requisitions: readonly Pick<Requisition, 'year' | 'status' | 'specification' | 'periodKey'>[],
  year: number,
  excludePeriodKey?: string,
): BudgetPosition[] {
  const granted = new Map<BudgetCategory, number>();
  const invoiced = new Map<BudgetCategory, number>();
  for (const line of budgetLines) {
    if (line.year === year) {
      granted.set(line.category, (granted.get(line.category) ?? 0) + toOre(line.amount));
    }
  }
  for (const row of requisitions) {
    if (row.year !== year || row.periodKey === excludePeriodKey || !INVOICED_STATUSES.includes(row.status)) {
      continue;
    }
    for (const [category, amount] of Object.entries(row.specification ?? {}) as [BudgetCategory, number][]) {
      invoiced.set(category, (invoiced.get(category) ?? 0) + toOre(amount));
    }
  }
  return BUDGET_CATEGORIES.filter((category) => granted.has(category) || invoiced.has(category)).map((category) => {
    const g = granted.get(category) ?? 0;
    const i = invoiced.get(category) ?? 0;
    return { category, granted: g / 100, invoiced: i / 100, remaining: (g - i) / 100 };
  });
}

/** checks a specification against the positions: a post without budget has nothing remaining */
export function checkAgainstBudget(positions: readonly BudgetPosition[], specification: Specification): BudgetCheck {
  const remaining = new Map(positions.map((position) => [position.category, toOre(position.remaining)]));
  const overdrawn: { category: BudgetCategory; over: number }[] = [];
  for (const category of BUDGET_CATEGORIES) {
    const amount = specification[category];
    if (amount === undefined || amount === 0) {
      continue;
    }
    const over = toOre(amount) - Math.max(0, remaining.get(category) ?? 0);
    if (over > 0) {
      overdrawn.push({ category, over: over / 100 });
    }
  }
  if (overdrawn.length === 0) {
    return { overBudget: false, overdrawn, warning: null };
  }
  const warning = overdrawn
    .map(({ category, over }) => {
      const left = remaining.get(category);
      return left === undefined
        ? `${category}: ${formatKr(over)} – posten saknar budget för året.`
        : `${category}: ${formatKr(over)} över det som återstår (${formatKr(Math.max(0, left) / 100)}).`;
    })
    .join(' ');
  return { overBudget: true, overdrawn, warning };
}
