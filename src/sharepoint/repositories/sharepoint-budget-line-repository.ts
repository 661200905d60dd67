import {
  type BudgetLine,
  budgetLineSchema,
  type NewBudgetLine,
  newBudgetLineSchema,
} from '../../domain/entities/budget-line.ts';
import type { BudgetLineRepository } from '../../domain/ports/budget-line-repository.ts';
import type { BulkResult, Patch, WriteOptions } from '../../domain/ports/common.ts';
import { lookupColumn, numberColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const budgetLineFields: FieldMap<NewBudgetLine> = {
  interventionId: lookupColumn('Intervention'),
  year: numberColumn('Year'),
  category: textColumn('Category'),
  amount: numberColumn('Amount'),
};

/** BudgetLines (Budgetposter): read per insats through the indexed Intervention lookup. */
export class SharePointBudgetLineRepository implements BudgetLineRepository {
  private readonly table: ListTable<NewBudgetLine, BudgetLine>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: budgetLineFields,
      schema: budgetLineSchema,
      newSchema: newBudgetLineSchema,
      patchSchema: newBudgetLineSchema.partial(),
      // a readable Title for the kansli, set when the row is created
      titleOf: (line) => `${line.year} ${line.category}`,
    });
  }

  list(): Promise<BudgetLine[]> {
    return this.table.query();
  }

  listByIntervention(interventionId: string): Promise<BudgetLine[]> {
    return this.table.query({ filter: filter.lookupEq('Intervention', interventionId) });
  }

  create(line: NewBudgetLine): Promise<BudgetLine> {
    return this.table.create(line);
  }

  createMany(lines: readonly NewBudgetLine[]): Promise<BulkResult<BudgetLine>> {
    return this.table.createMany(lines);
  }

  update(id: string, patch: Patch<NewBudgetLine>, options?: WriteOptions): Promise<BudgetLine> {
    return this.table.update(id, patch, options);
  }

  delete(id: string, options?: WriteOptions): Promise<void> {
    return this.table.delete(id, options);
  }
}
