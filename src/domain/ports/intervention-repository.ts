import type { Intervention, NewIntervention } from '../entities/intervention.ts';
import type { Stage } from '../vocabulary.ts';
import type { BulkResult, Patch, WriteOptions } from './common.ts';

/** The insats register (list `Interventions`). Code and DiaryNumber are unique. */
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
  /** insatser whose DiaryNumber starts with `prefix` (e.g. `SFV 2027/`): the year's numbers */
  listByDiaryNumberPrefix(prefix: string): Promise<Intervention[]>;
  /** fails with AppError CONFLICT when the code (or a DiaryNumber) is taken */
  create(intervention: NewIntervention): Promise<Intervention>;
  createMany(interventions: readonly NewIntervention[]): Promise<BulkResult<Intervention>>;
  /** fails with AppError CONFLICT when the patch gives a DiaryNumber that another insats has */
  update(id: string, patch: Patch<NewIntervention>, options?: WriteOptions): Promise<Intervention>;
}
