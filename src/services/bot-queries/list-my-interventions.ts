/**
 * "mina insatser": the insatser where the asking person is projektledare, projektägare or sits in
 * the styrgrupp, running ones first.
 */

import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import { type Role, STAGES, type Stage } from '../../domain/vocabulary.ts';
import { type PersonRolesDeps, readPersonRoles } from './person-roles.ts';

export type MyInterventionsDeps = PersonRolesDeps & { readonly clock: Clock; readonly timeZone: string };

export type MyIntervention = {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly stage: Stage;
  readonly roles: readonly Role[];
  readonly startDate: string | null;
  readonly endDate: string | null;
};

export type MyInterventionsResult =
  | { readonly kind: 'interventions'; readonly personName: string | null; readonly items: readonly MyIntervention[] }
  /** a board member, kansli or beredningsgrupp member: roles, but none in a single insats */
  | { readonly kind: 'no-insats-role'; readonly personName: string | null; readonly roles: readonly Role[] }
  | { readonly kind: 'unknown-person' };

/** running and upcoming insatser before applications, closed ones last */
const STAGE_ORDER: readonly Stage[] = [
  'Pågående',
  'Uppstart',
  'Avtal',
  'Beviljad',
  'Avslutas',
  ...STAGES.filter(
    (stage) => !['Pågående', 'Uppstart', 'Avtal', 'Beviljad', 'Avslutas', 'Avslutad', 'Avbruten'].includes(stage),
  ),
  'Avslutad',
  'Avbruten',
];

export async function listMyInterventions(
  deps: MyInterventionsDeps,
  aadObjectId: string,
): Promise<MyInterventionsResult> {
  const person = await readPersonRoles(deps, aadObjectId, todayIn(deps.clock, deps.timeZone));
  if (person.insatser.length === 0) {
    return person.governanceRoles.length === 0
      ? { kind: 'unknown-person' }
      : { kind: 'no-insats-role', personName: person.name, roles: person.governanceRoles };
  }
  const items = person.insatser
    .map(({ intervention, roles }) => ({
      id: intervention.id,
      code: intervention.code,
      title: intervention.title,
      stage: intervention.stage,
      roles,
      startDate: intervention.startDate,
      endDate: intervention.endDate,
    }))
    .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) || a.code.localeCompare(b.code, 'sv'));
  return { kind: 'interventions', personName: person.name, items };
}
