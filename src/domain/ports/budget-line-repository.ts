import type { BudgetLine, NewBudgetLine } from '../entities/budget-line.ts';
import type { BulkResult, Patch, WriteOptions } from './common.ts';

/** Granted money per insats, year and budget post (list `BudgetLines`). */
export interface BudgetLineRepository {
  list(): Promise<BudgetLine[]>;
  listByIntervention(interventionId: string): Promise<BudgetLine[]>;
  create(line: NewBudgetLine): Promise<BudgetLine>;
  createMany(lines: readonly NewBudgetLine[]): Promise<BulkResult<BudgetLine>>;
  update(id: string, patch: Patch<NewBudgetLine>, options?: WriteOptions): Promise<BudgetLine>;
  delete(id: string, options?: WriteOptions): Promise<void>;
}
