import type { Intervention, NewIntervention } from '../entities/intervention.ts';
import type { Stage } from '../vocabulary.ts';
import type { BulkResult, Patch, WriteOptions } from './common.ts';

/** The insats register (list `Interventions`). Code is unique. */
export interface InterventionRepository {
  list(): Promise<Intervention[]>;
  /** null when there is no such row */
  findById(id: string): Promise<Intervention | null>;
  findByCode(code: string): Promise<Intervention | null>;
  /** every insats in any of the given stages (an empty list of stages gives no insatser) */
  listByStages(stages: readonly Stage[]): Promise<Intervention[]>;
  listByProjectLeader(aadObjectId: string): Promise<Intervention[]>;
  /** insatser whose EndDate is on or before `date` (YYYY-MM-DD), for closing them */
  listEndingOnOrBefore(date: string): Promise<Intervention[]>;
  /** fails with AppError CONFLICT when the code is taken */
  create(intervention: NewIntervention): Promise<Intervention>;
  createMany(interventions: readonly NewIntervention[]): Promise<BulkResult<Intervention>>;
  update(id: string, patch: Patch<NewIntervention>, options?: WriteOptions): Promise<Intervention>;
}
