import {
  type NewRoleAssignment,
  newRoleAssignmentSchema,
  type RoleAssignment,
  roleAssignmentSchema,
} from '../../domain/entities/role-assignment.ts';
import type { BulkResult, Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { RoleAssignmentRepository } from '../../domain/ports/role-assignment-repository.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { dateOnlyColumn, lookupColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const roleAssignmentFields: FieldMap<NewRoleAssignment> = {
  name: textColumn('Title'),
  aadObjectId: textColumn('AadObjectId'),
  email: textColumn('Email'),
  role: textColumn('Role'),
  memberOrgId: lookupColumn('MemberOrg'),
  interventionId: lookupColumn('Intervention'),
  validFrom: dateOnlyColumn('ValidFrom'),
  validTo: dateOnlyColumn('ValidTo'),
};

/** RoleAssignments (Roller): finders on the indexed AadObjectId, Role and Intervention. */
export class SharePointRoleAssignmentRepository implements RoleAssignmentRepository {
  private readonly table: ListTable<NewRoleAssignment, RoleAssignment>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: roleAssignmentFields,
      schema: roleAssignmentSchema,
      newSchema: newRoleAssignmentSchema,
      patchSchema: newRoleAssignmentSchema.partial(),
    });
  }

  list(): Promise<RoleAssignment[]> {
    return this.table.query();
  }

  listByAadObjectId(aadObjectId: string): Promise<RoleAssignment[]> {
    return this.table.query({ filter: filter.eq('AadObjectId', aadObjectId) });
  }

  listByRole(role: Role): Promise<RoleAssignment[]> {
    return this.table.query({ filter: filter.eq('Role', role) });
  }

  listByIntervention(interventionId: string): Promise<RoleAssignment[]> {
    return this.table.query({ filter: filter.lookupEq('Intervention', interventionId) });
  }

  create(assignment: NewRoleAssignment): Promise<RoleAssignment> {
    return this.table.create(assignment);
  }

  createMany(assignments: readonly NewRoleAssignment[]): Promise<BulkResult<RoleAssignment>> {
    return this.table.createMany(assignments);
  }

  update(id: string, patch: Patch<NewRoleAssignment>, options?: WriteOptions): Promise<RoleAssignment> {
    return this.table.update(id, patch, options);
  }

  delete(id: string, options?: WriteOptions): Promise<void> {
    return this.table.delete(id, options);
  }
}
