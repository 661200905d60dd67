import { type BudgetLine, type NewBudgetLine, newBudgetLineSchema } from '../../src/domain/entities/budget-line.ts';
import type { BudgetLineRepository } from '../../src/domain/ports/budget-line-repository.ts';
import type { BulkResult, Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryBudgetLineRepository implements BudgetLineRepository {
  readonly table = new InMemoryTable<NewBudgetLine>({
    name: 'BudgetLines',
    newSchema: newBudgetLineSchema,
    patchSchema: newBudgetLineSchema.partial(),
  });

  async list(): Promise<BudgetLine[]> {
    return this.table.all();
  }

  async listByIntervention(interventionId: string): Promise<BudgetLine[]> {
    return this.table.where((row) => row.interventionId === interventionId);
  }

  async create(line: NewBudgetLine): Promise<BudgetLine> {
    return this.table.insert(line);
  }

  async createMany(lines: readonly NewBudgetLine[]): Promise<BulkResult<BudgetLine>> {
    return this.table.insertMany(lines);
  }

  async update(id: string, patch: Patch<NewBudgetLine>, options?: WriteOptions): Promise<BudgetLine> {
    return this.table.update(id, patch, options);
  }

  async delete(id: string, options?: WriteOptions): Promise<void> {
    this.table.delete(id, options);
  }
}
