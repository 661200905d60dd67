import { type NewRequisition, newRequisitionSchema, type Requisition } from '../../src/domain/entities/requisition.ts';
import type { BulkResult, Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { RequisitionRepository } from '../../src/domain/ports/requisition-repository.ts';
import type { RequisitionStatus } from '../../src/domain/vocabulary.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryRequisitionRepository implements RequisitionRepository {
  readonly table = new InMemoryTable<NewRequisition>({
    name: 'Requisitions',
    newSchema: newRequisitionSchema,
    patchSchema: newRequisitionSchema.partial(),
    unique: ['periodKey'],
    conflictMessage: 'Det finns redan en rekvisition för den perioden.',
  });

  async findByPeriodKey(periodKey: string): Promise<Requisition | null> {
    return this.table.where((row) => row.periodKey.toLowerCase() === periodKey.toLowerCase())[0] ?? null;
  }

  async list(): Promise<Requisition[]> {
    return this.table.all();
  }

  async listByIntervention(interventionId: string): Promise<Requisition[]> {
    return this.table.where((row) => row.interventionId === interventionId);
  }

  async listByStatusDueBefore(status: RequisitionStatus, onOrBefore: string): Promise<Requisition[]> {
    return this.table.where((row) => row.status === status && row.dueDate <= onOrBefore);
  }

  async listByStatus(status: RequisitionStatus): Promise<Requisition[]> {
    return this.table.where((row) => row.status === status);
  }

  async create(requisition: NewRequisition): Promise<Requisition> {
    return this.table.insert(requisition);
  }

  async createMany(requisitions: readonly NewRequisition[]): Promise<BulkResult<Requisition>> {
    return this.table.insertMany(requisitions);
  }

  async update(id: string, patch: Patch<NewRequisition>, options?: WriteOptions): Promise<Requisition> {
    return this.table.update(id, patch, options);
  }

  async delete(id: string, options?: WriteOptions): Promise<void> {
    this.table.delete(id, options);
  }
}
