/**
 * The insats's money, pure: the budget as a post × year grid and, per year, what has been
 * invoiced (requisitions that have come in: Inkommen, Granskad, Attesterad, Betald — the same as
 * the register's "fakturerat hittills").
 */
import { BUDGET_CATEGORIES, type BudgetCategory, type RequisitionStatus } from '../../../../src/domain/vocabulary.ts';
import type { InsatsDetail } from './detail-schema.ts';

const INVOICED: readonly RequisitionStatus[] = ['Inkommen', 'Granskad', 'Attesterad', 'Betald'];

export type BudgetGrid = {
  readonly years: readonly number[];
  /** the posts that have money in some year, in the förbund's order */
  readonly posts: ReadonlyArray<{
    readonly post: BudgetCategory;
    readonly perYear: readonly number[];
    readonly total: number;
  }>;
  readonly budgetPerYear: readonly number[];
  readonly invoicedPerYear: readonly number[];
  readonly budgetTotal: number;
  readonly invoicedTotal: number;
};

export function budgetGridOf(detail: Pick<InsatsDetail, 'budgetLines' | 'requisitions'>): BudgetGrid {
  const invoiced = detail.requisitions.filter((row) => INVOICED.includes(row.status) && row.amount !== null);
  const years = [...new Set([...detail.budgetLines.map((line) => line.year), ...invoiced.map((row) => row.year)])].sort(
    (a, b) => a - b,
  );
  const sum = (amounts: readonly number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const posts = BUDGET_CATEGORIES.flatMap((post) => {
    const lines = detail.budgetLines.filter((line) => line.category === post);
    if (lines.length === 0) {
      return [];
    }
    const perYear = years.map((year) => sum(lines.filter((line) => line.year === year).map((line) => line.amount)));
    return [{ post, perYear, total: sum(perYear) }];
  });
  const budgetPerYear = years.map((year) =>
    sum(detail.budgetLines.filter((line) => line.year === year).map((line) => line.amount)),
  );
  const invoicedPerYear = years.map((year) =>
    sum(invoiced.filter((row) => row.year === year).map((row) => row.amount ?? 0)),
  );
  return {
    years,
    posts,
    budgetPerYear,
    invoicedPerYear,
    budgetTotal: sum(budgetPerYear),
    invoicedTotal: sum(invoicedPerYear),
  };
}
