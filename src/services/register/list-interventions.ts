/**
 * The insatser the caller may see, filtered by stage, owner organisation, year (the period covers
 * it) and free text (title, code, diarienummer).
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { maySee } from './access.ts';
import type { RegisterDeps } from './register-deps.ts';

export type InterventionFilter = {
  readonly stage?: Stage;
  readonly ownerOrgId?: string;
  readonly year?: number;
  readonly search?: string;
};

export async function listInterventions(
  deps: RegisterDeps,
  actor: Actor,
  filter: InterventionFilter,
): Promise<Intervention[]> {
  const all =
    filter.stage === undefined
      ? await deps.repos.interventions.list()
      : await deps.repos.interventions.listByStages([filter.stage]);
  const search = filter.search?.trim().toLocaleLowerCase('sv-SE');
  return all
    .filter((intervention) => maySee(actor, intervention))
    .filter((intervention) => filter.ownerOrgId === undefined || intervention.ownerOrgId === filter.ownerOrgId)
    .filter((intervention) => filter.year === undefined || covers(intervention, filter.year))
    .filter(
      (intervention) =>
        search === undefined ||
        search === '' ||
        [intervention.title, intervention.code, intervention.diaryNumber ?? ''].some((text) =>
          text.toLocaleLowerCase('sv-SE').includes(search),
        ),
    )
    .sort((a, b) => a.code.localeCompare(b.code));
}

function covers(intervention: Intervention, year: number): boolean {
  const start = intervention.startDate === null ? null : Number(intervention.startDate.slice(0, 4));
  const end = intervention.endDate === null ? null : Number(intervention.endDate.slice(0, 4));
  return (start === null || start <= year) && (end === null || end >= year);
}
