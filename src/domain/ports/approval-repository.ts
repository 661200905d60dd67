import type { Approval, NewApproval } from '../entities/approval.ts';
import type { ApprovalStatus } from '../vocabulary.ts';
import type { Patch, WriteOptions } from './common.ts';

/** Matters put to a body for decision (list `Approvals`). */
export interface ApprovalRepository {
  findById(id: string): Promise<Approval | null>;
  listByStatus(status: ApprovalStatus): Promise<Approval[]>;
  /** rows with this status whose DueDate is on or before `onOrBefore` (inclusive): expiry and reminders */
  listByStatusDueBefore(status: ApprovalStatus, onOrBefore: string): Promise<Approval[]>;
  listByIntervention(interventionId: string): Promise<Approval[]>;
  create(approval: NewApproval): Promise<Approval>;
  /** pass the eTag: two outcomes must not both be recorded */
  update(id: string, patch: Patch<NewApproval>, options?: WriteOptions): Promise<Approval>;
}
