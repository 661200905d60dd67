import type { NewRequisition, Requisition } from '../entities/requisition.ts';
import type { RequisitionStatus } from '../vocabulary.ts';
import type { BulkResult, Patch, WriteOptions } from './common.ts';

/** Quarterly requisitions (list `Requisitions`); PeriodKey (`CODE-YYYY-Qn`) is unique. */
export interface RequisitionRepository {
  findByPeriodKey(periodKey: string): Promise<Requisition | null>;
  /** every row of every insats, in one read (the portfolio overview sums them per year) */
  list(): Promise<Requisition[]>;
  listByIntervention(interventionId: string): Promise<Requisition[]>;
  /**
   * Rows with this status whose DueDate is on or before `onOrBefore` (YYYY-MM-DD, inclusive):
   * what the reminder sweep asks for ("Förväntad, due by the horizon").
   */
  listByStatusDueBefore(status: RequisitionStatus, onOrBefore: string): Promise<Requisition[]>;
  /** every row with this status (the ekonom's and förbundschef's inboxes: Inkommen, Granskad, Attesterad) */
  listByStatus(status: RequisitionStatus): Promise<Requisition[]>;
  /** fails with AppError CONFLICT when the PeriodKey exists (a second row for the same quarter) */
  create(requisition: NewRequisition): Promise<Requisition>;
  createMany(requisitions: readonly NewRequisition[]): Promise<BulkResult<Requisition>>;
  update(id: string, patch: Patch<NewRequisition>, options?: WriteOptions): Promise<Requisition>;
  /** removes an expected row no longer wanted (Förväntad only: the caller checks; registered rows are records) */
  delete(id: string, options?: WriteOptions): Promise<void>;
}
