import {
  type NewRoleAssignment,
  newRoleAssignmentSchema,
  type RoleAssignment,
} from '../../src/domain/entities/role-assignment.ts';
import type { BulkResult, Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { RoleAssignmentRepository } from '../../src/domain/ports/role-assignment-repository.ts';
import type { Role } from '../../src/domain/vocabulary.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryRoleAssignmentRepository implements RoleAssignmentRepository {
  readonly table = new InMemoryTable<NewRoleAssignment>({
    name: 'RoleAssignments',
    newSchema: newRoleAssignmentSchema,
    patchSchema: newRoleAssignmentSchema.partial(),
  });

  async list(): Promise<RoleAssignment[]> {
    return this.table.all();
  }

  async listByAadObjectId(aadObjectId: string): Promise<RoleAssignment[]> {
    // SharePoint's eq on text ignores case
    return this.table.where((row) => row.aadObjectId.toLowerCase() === aadObjectId.toLowerCase());
  }

  async listByRole(role: Role): Promise<RoleAssignment[]> {
    return this.table.where((row) => row.role === role);
  }

  async listByIntervention(interventionId: string): Promise<RoleAssignment[]> {
    return this.table.where((row) => row.interventionId === interventionId);
  }

  async create(assignment: NewRoleAssignment): Promise<RoleAssignment> {
    return this.table.insert(assignment);
  }

  async createMany(assignments: readonly NewRoleAssignment[]): Promise<BulkResult<RoleAssignment>> {
    return this.table.insertMany(assignments);
  }

  async update(id: string, patch: Patch<NewRoleAssignment>, options?: WriteOptions): Promise<RoleAssignment> {
    return this.table.update(id, patch, options);
  }

  async delete(id: string, options?: WriteOptions): Promise<void> {
    this.table.delete(id, options);
  }
}
