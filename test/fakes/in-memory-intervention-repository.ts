import { AppError } from '../../src/domain/app-error.ts';
import {
  type Intervention,
  type NewIntervention,
  newInterventionSchema,
} from '../../src/domain/entities/intervention.ts';
import type { BulkResult, Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { InterventionRepository } from '../../src/domain/ports/intervention-repository.ts';
import type { Stage } from '../../src/domain/vocabulary.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryInterventionRepository implements InterventionRepository {
  readonly table = new InMemoryTable<NewIntervention>({
    name: 'Interventions',
    newSchema: newInterventionSchema,
    patchSchema: newInterventionSchema.partial(),
    unique: ['code'],
    conflictMessage: 'Det finns redan en insats med den koden.',
  });

  async list(): Promise<Intervention[]> {
    return this.table.all();
  }

  async findById(id: string): Promise<Intervention | null> {
    return this.table.get(id);
  }

  async findByCode(code: string): Promise<Intervention | null> {
    return this.table.where((row) => row.code.toLowerCase() === code.toLowerCase())[0] ?? null;
  }

  async listByStages(stages: readonly Stage[]): Promise<Intervention[]> {
    return this.table.where((row) => stages.includes(row.stage));
  }

  async listByProjectLeader(aadObjectId: string): Promise<Intervention[]> {
    return this.table.where((row) => row.projectLeaderAadId?.toLowerCase() === aadObjectId.toLowerCase());
  }

  async listEndingOnOrBefore(date: string): Promise<Intervention[]> {
    return this.table.where((row) => row.endDate !== null && row.endDate <= date);
  }

  async listByDiaryNumberPrefix(prefix: string): Promise<Intervention[]> {
    return this.table.where((row) => row.diaryNumber?.startsWith(prefix) === true);
  }

  async create(intervention: NewIntervention): Promise<Intervention> {
    this.assertDiaryNumberFree(intervention.diaryNumber, undefined);
    return this.table.insert(intervention);
  }

  async createMany(interventions: readonly NewIntervention[]): Promise<BulkResult<Intervention>> {
    return interventions.map((intervention) => {
      try {
        return { ok: true as const, value: this.createNow(intervention) };
      } catch (error) {
        if (error instanceof AppError) {
          return { ok: false as const, error };
        }
        throw error;
      }
    });
  }

  async update(id: string, patch: Patch<NewIntervention>, options?: WriteOptions): Promise<Intervention> {
    this.assertDiaryNumberFree(patch.diaryNumber, id);
    return this.table.update(id, patch, options);
  }

  private createNow(intervention: NewIntervention): Intervention {
    this.assertDiaryNumberFree(intervention.diaryNumber, undefined);
    return this.table.insert(intervention);
  }

  /** DiaryNumber is unique in SharePoint, but many rows may have none (the unique index skips nulls) */
  private assertDiaryNumberFree(diaryNumber: string | null | undefined, ownId: string | undefined): void {
    if (diaryNumber === null || diaryNumber === undefined) {
      return;
    }
    const wanted = diaryNumber.toLowerCase();
    if (this.table.where((row) => row.id !== ownId && row.diaryNumber?.toLowerCase() === wanted).length > 0) {
      throw new AppError('CONFLICT', `Interventions: diaryNumber '${diaryNumber}' exists`, {
        userMessage: 'Det finns redan en insats med det diarienumret.',
        details: { status: 409 },
      });
    }
  }
}
