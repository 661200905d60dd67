import type { NewRoleAssignment, RoleAssignment } from '../entities/role-assignment.ts';
import type { Role } from '../vocabulary.ts';
import type { BulkResult, Patch, WriteOptions } from './common.ts';

/** Who holds which role (list `RoleAssignments`); the basis of every authorization decision. */
export interface RoleAssignmentRepository {
  list(): Promise<RoleAssignment[]>;
  /** every role one person holds (by Entra object id, as stored) */
  listByAadObjectId(aadObjectId: string): Promise<RoleAssignment[]>;
  listByRole(role: Role): Promise<RoleAssignment[]>;
  /** the roles scoped to one insats: projektledare, projektägare, styrgrupp */
  listByIntervention(interventionId: string): Promise<RoleAssignment[]>;
  create(assignment: NewRoleAssignment): Promise<RoleAssignment>;
  createMany(assignments: readonly NewRoleAssignment[]): Promise<BulkResult<RoleAssignment>>;
  update(id: string, patch: Patch<NewRoleAssignment>, options?: WriteOptions): Promise<RoleAssignment>;
  delete(id: string, options?: WriteOptions): Promise<void>;
}
