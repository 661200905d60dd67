import { type Approval, type NewApproval, newApprovalSchema } from '../../src/domain/entities/approval.ts';
import type { ApprovalRepository } from '../../src/domain/ports/approval-repository.ts';
import type { Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { ApprovalStatus } from '../../src/domain/vocabulary.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryApprovalRepository implements ApprovalRepository {
  readonly table = new InMemoryTable<NewApproval>({
    name: 'Approvals',
    newSchema: newApprovalSchema,
    patchSchema: newApprovalSchema.partial(),
  });

  async findById(id: string): Promise<Approval | null> {
    return this.table.get(id);
  }

  async listByStatus(status: ApprovalStatus): Promise<Approval[]> {
    return this.table.where((row) => row.status === status);
  }

  async listByStatusDueBefore(status: ApprovalStatus, onOrBefore: string): Promise<Approval[]> {
    return this.table.where((row) => row.status === status && row.dueDate !== null && row.dueDate <= onOrBefore);
  }

  async listByIntervention(interventionId: string): Promise<Approval[]> {
    return this.table.where((row) => row.interventionId === interventionId);
  }

  async create(approval: NewApproval): Promise<Approval> {
    return this.table.insert(approval);
  }

  async update(id: string, patch: Patch<NewApproval>, options?: WriteOptions): Promise<Approval> {
    return this.table.update(id, patch, options);
  }
}
