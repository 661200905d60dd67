/**
 * "status <kod eller namn>": one insats's name, code, stage, period, projektledare, projektägare,
 * granted amount and next invoicing deadline — for those who may read the insats.
 */

import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { type Deadline, INVOICING_STAGES, nextDeadline } from '../../domain/invoicing/next-deadline.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { findIntervention } from './find-intervention.ts';
import { readDueRule } from './read-due-rule.ts';

export type InterventionStatusDeps = Pick<
  Repositories,
  'interventions' | 'roleAssignments' | 'members' | 'requisitions' | 'settings' | 'auditLog'
> & {
  readonly clock: Clock;
  readonly timeZone: string;
  readonly onSettingProblem?: (problem: string) => void;
};

export type InterventionStatus = {
  readonly intervention: Intervention;
  readonly projectLeaders: readonly string[];
  readonly projectOwners: readonly string[];
  readonly ownerOrgName: string | null;
  /** false for applications and closed insatser, which have no invoicing */
  readonly invoices: boolean;
  readonly nextDeadline: Deadline | null;
};

export type InterventionStatusResult =
  | { readonly kind: 'found'; readonly status: InterventionStatus }
  | { readonly kind: 'not-found'; readonly query: string; readonly suggestions: readonly Intervention[] }
  | { readonly kind: 'ambiguous'; readonly query: string; readonly candidates: readonly Intervention[] };

/**
 * `viewerAadId`: who asks. The insats is read as the matrix's lasa-insats says (its people, the
 * kansli, the board, the beredningsgrupp); anyone else is refused (FORBIDDEN, logged `nekad`).
 * Finding the insats by code or name is not a refusal: the register's codes and titles are public.
 */
export async function getInterventionStatus(
  deps: InterventionStatusDeps,
  query: string,
  viewerAadId: string,
): Promise<InterventionStatusResult> {
  const match = await findIntervention(deps.interventions, query);
  if (match.kind === 'not-found') {
    return { kind: 'not-found', query, suggestions: match.suggestions };
  }
  if (match.kind === 'ambiguous') {
    return { kind: 'ambiguous', query, candidates: match.candidates };
  }
  const intervention = match.intervention;
  const actor = await actorOf({ repos: deps, clock: deps.clock, timeZone: deps.timeZone }, viewerAadId);
  await authorize(
    { repos: deps, clock: deps.clock },
    actor,
    'lasa-insats',
    { intervention },
    { list: 'Interventions', id: intervention.id },
  );
  const invoices = INVOICING_STAGES.includes(intervention.stage);
  const [roles, members, requisitions, rule] = await Promise.all([
    deps.roleAssignments.listByIntervention(intervention.id),
    deps.members.list(),
    invoices ? deps.requisitions.listByIntervention(intervention.id) : Promise.resolve([]),
    invoices ? readDueRule(deps.settings, deps.onSettingProblem) : Promise.resolve(undefined),
  ]);
  const namesOf = (role: 'Projektledare' | 'Projektägare'): string[] => [
    ...new Set(roles.filter((assignment) => assignment.role === role).map((assignment) => assignment.name)),
  ];
  const projectLeaders = namesOf('Projektledare');
  if (projectLeaders.length === 0 && intervention.projectLeaderAadId !== null) {
    // the insats names its leader only by id: look the name up among that person's roles
    const leaderRoles = await deps.roleAssignments.listByAadObjectId(intervention.projectLeaderAadId);
    projectLeaders.push(...new Set(leaderRoles.map((assignment) => assignment.name)));
  }
  const ownerOrgName = members.find((member) => member.id === intervention.ownerOrgId)?.name ?? null;
  const today = todayIn(deps.clock, deps.timeZone);
  return {
    kind: 'found',
    status: {
      intervention,
      projectLeaders,
      projectOwners: namesOf('Projektägare'),
      ownerOrgName,
      invoices,
      nextDeadline: invoices ? nextDeadline(intervention, requisitions, today, rule) : null,
    },
  };
}
