/**
 * Which fields of an insats belong to the application (written by the applicants while it is a
 * draft) and which to the register (kept by the kansli at any stage).
 */
import { AppError } from '../../domain/app-error.ts';
import type { Intervention, NewIntervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { authorize } from '../authorization/refuse.ts';
import { INTERVENTION_ENTITY_LIST } from './access.ts';
import type { RegisterDeps } from './register-deps.ts';

export const APPLICATION_FIELDS = [
  'title',
  'kind',
  'ownerOrgId',
  'partnerOrgIds',
  'projectLeaderAadId',
  'startDate',
  'endDate',
  'purpose',
  'background',
  'goals',
  'targetGroup',
  'methods',
  'staffing',
  'anchoring',
  'implementationPlan',
  'applicationDetails',
] as const satisfies readonly (keyof NewIntervention)[];

export const REGISTER_FIELDS = [
  'grantedAmount',
  'decisionDate',
  'decisionRef',
  'followUpRegistered',
] as const satisfies readonly (keyof NewIntervention)[];

export type DraftFields = Partial<Pick<NewIntervention, (typeof APPLICATION_FIELDS)[number]>>;
export type RegisterFields = Partial<Pick<NewIntervention, (typeof REGISTER_FIELDS)[number]>>;

/** the stages in which the application may be edited */
export const DRAFT_STAGES: readonly Stage[] = ['Idé', 'Ansökan', 'Komplettering'];

/**
 * Refuses (403, logged as 'nekad') when the actor may not change the application of this insats
 * (the matrix's `andra-utkast`), and (409) when it is not a draft any more.
 */
export async function assertMayEditApplication(
  deps: RegisterDeps,
  actor: Actor,
  intervention: Intervention,
  what: string,
): Promise<void> {
  await authorize(
    deps,
    actor,
    'andra-utkast',
    { intervention },
    { list: INTERVENTION_ENTITY_LIST, id: intervention.id },
    {
      message: `Bara insatsens projektledare eller projektägare eller kansliet får ändra ${what}.`,
      details: { changed: [what === 'budgeten' ? 'budget' : 'ansökan'] },
    },
  );
  if (!DRAFT_STAGES.includes(intervention.stage)) {
    const reason = `${intervention.code} är ${intervention.stage}; ${what} kan bara ändras i skedena Idé, Ansökan och Komplettering.`;
    throw new AppError('INVALID_STATE', `${intervention.id} is ${intervention.stage}`, {
      userMessage: reason,
      details: { reasons: [reason] },
    });
  }
}
