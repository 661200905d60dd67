/**
 * Starts a new insats as an idea or an application draft: the kansli, and those who work with
 * insatser (projektledare, projektägare, styrgrupp of any insats) — not the board, the
 * beredningsgrupp or the firmatecknare, who assess and sign applications (the matrix's
 * `skapa-utkast`). An applicant who is not kansli becomes its projektledare (with a role row for
 * it), so the draft is theirs to complete and submit.
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import { type Actor, isKansli } from '../../domain/lifecycle/actor.ts';
import { authorize } from '../authorization/refuse.ts';
import { INTERVENTION_ENTITY_LIST } from './access.ts';
import { appendAudit } from './audit.ts';
import type { DraftFields } from './draft-fields.ts';
import type { RegisterDeps } from './register-deps.ts';

export type CreateDraftInput = DraftFields & {
  readonly title: string;
  readonly code: string;
  readonly stage?: 'Idé' | 'Ansökan';
};

export async function createDraft(deps: RegisterDeps, actor: Actor, input: CreateDraftInput): Promise<Intervention> {
  await authorize(deps, actor, 'skapa-utkast', {}, { list: INTERVENTION_ENTITY_LIST, id: '-' });
  const projectLeaderAadId = input.projectLeaderAadId ?? (isKansli(actor) ? null : actor.aadObjectId);
  const created = await deps.repos.interventions.create({
    title: input.title,
    code: input.code,
    kind: input.kind ?? null,
    stage: input.stage ?? 'Ansökan',
    ownerOrgId: input.ownerOrgId ?? null,
    partnerOrgIds: input.partnerOrgIds ?? [],
    projectLeaderAadId,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    grantedAmount: null,
    decisionDate: null,
    decisionRef: null,
    diaryNumber: null,
    followUpRegistered: false,
    purpose: input.purpose ?? null,
    background: input.background ?? null,
    goals: input.goals ?? null,
    targetGroup: input.targetGroup ?? null,
    methods: input.methods ?? null,
    staffing: input.staffing ?? null,
    anchoring: input.anchoring ?? null,
    implementationPlan: input.implementationPlan ?? null,
    applicationDetails: input.applicationDetails ?? null,
  });
  if (projectLeaderAadId !== null && projectLeaderAadId.toLowerCase() === actor.aadObjectId.toLowerCase()) {
    // the role row is what the lifecycle and the anomaly sweep recognise a projektledare by
    await deps.repos.roleAssignments.create({
      name: actor.name,
      aadObjectId: actor.aadObjectId,
      email: null,
      role: 'Projektledare',
      memberOrgId: null,
      interventionId: created.id,
      validFrom: null,
      validTo: null,
    });
  }
  await appendAudit(deps, actor, 'insats.skapad', created.id, {
    to: created.stage,
    code: created.code,
    changed: Object.keys(input),
  });
  return created;
}
