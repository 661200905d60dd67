/**
 * Saves changes to an insats: the application's fields while it is a draft (its applicants or the
 * kansli), the register's fields at any stage (the kansli only) — the matrix's `andra-utkast` and
 * `andra-registeruppgifter`. A draft may be saved incomplete;
 * completeness is checked when it is submitted. With an eTag, a stale write is refused (412).
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { authorize } from '../authorization/refuse.ts';
import { INTERVENTION_ENTITY_LIST, readVisibleIntervention } from './access.ts';
import { appendAudit } from './audit.ts';
import { APPLICATION_FIELDS, assertMayEditApplication, type DraftFields, type RegisterFields } from './draft-fields.ts';
import type { RegisterDeps } from './register-deps.ts';

export type UpdateDraftInput = {
  readonly interventionId: string;
  readonly fields: DraftFields & RegisterFields;
  readonly etag?: string;
};

export async function updateDraft(deps: RegisterDeps, actor: Actor, input: UpdateDraftInput): Promise<Intervention> {
  const changed = Object.keys(input.fields).filter(
    (key) => input.fields[key as keyof typeof input.fields] !== undefined,
  );
  const applicationChanges = changed.filter((key) => (APPLICATION_FIELDS as readonly string[]).includes(key));
  const registerChanges = changed.filter((key) => !applicationChanges.includes(key));
  const intervention = await readVisibleIntervention(
    deps,
    actor,
    input.interventionId,
    registerChanges.length > 0 ? 'andra-registeruppgifter' : 'andra-utkast',
  );
  if (registerChanges.length > 0) {
    await authorize(
      deps,
      actor,
      'andra-registeruppgifter',
      { intervention },
      { list: INTERVENTION_ENTITY_LIST, id: intervention.id },
      {
        message: `Bara kansliet får ändra registeruppgifterna (${registerChanges.join(', ')}).`,
        details: { changed: registerChanges },
      },
    );
  }
  if (applicationChanges.length > 0) {
    await assertMayEditApplication(deps, actor, intervention, 'ansökan');
  }
  if (changed.length === 0) {
    // nothing to save (an empty body): no write, and no audit row saying the insats was changed
    return intervention;
  }
  const etag = input.etag ?? intervention.etag;
  const updated = await deps.repos.interventions.update(intervention.id, input.fields, { etag });
  await appendAudit(deps, actor, 'insats.uppdaterad', intervention.id, { stage: intervention.stage, changed });
  return updated;
}
