/**
 * "frister": the next invoicing deadline of each insats the asking person works with, soonest
 * first. The kansli, who follows every insats, gets all insatser that invoice.
 */

import { todayIn } from '../../domain/calendar/today.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { type Deadline, INVOICING_STAGES, nextDeadline } from '../../domain/invoicing/next-deadline.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { KANSLI_ROLES } from '../../domain/vocabulary.ts';
import { readPersonRoles } from './person-roles.ts';
import { readDueRule } from './read-due-rule.ts';

export type UpcomingDeadlinesDeps = Pick<
  Repositories,
  'interventions' | 'roleAssignments' | 'requisitions' | 'settings'
> & {
  readonly clock: Clock;
  readonly timeZone: string;
  readonly onSettingProblem?: (problem: string) => void;
};

export type UpcomingDeadline = {
  readonly code: string;
  readonly title: string;
  readonly deadline: Deadline;
};

export type UpcomingDeadlinesResult =
  | {
      readonly kind: 'deadlines';
      /** 'mine': the person's own insatser; 'all': every invoicing insats (kansli) */
      readonly scope: 'mine' | 'all';
      readonly today: string;
      readonly items: readonly UpcomingDeadline[];
    }
  | { readonly kind: 'no-insats-role'; readonly roles: readonly Role[] }
  | { readonly kind: 'unknown-person' };

export async function listUpcomingDeadlines(
  deps: UpcomingDeadlinesDeps,
  aadObjectId: string,
): Promise<UpcomingDeadlinesResult> {
  const today = todayIn(deps.clock, deps.timeZone);
  const person = await readPersonRoles(deps, aadObjectId, today);
  const isKansli = person.governanceRoles.some((role) => KANSLI_ROLES.includes(role));
  let insatser: readonly Intervention[];
  let scope: 'mine' | 'all';
  if (person.insatser.length > 0) {
    insatser = person.insatser.map((entry) => entry.intervention);
    scope = 'mine';
  } else if (isKansli) {
    insatser = await deps.interventions.listByStages(INVOICING_STAGES);
    scope = 'all';
  } else {
    return person.governanceRoles.length === 0
      ? { kind: 'unknown-person' }
      : { kind: 'no-insats-role', roles: person.governanceRoles };
  }

  const invoicing = insatser.filter((intervention) => INVOICING_STAGES.includes(intervention.stage));
  const [rule, requisitions] = await Promise.all([
    readDueRule(deps.settings, deps.onSettingProblem),
    Promise.all(invoicing.map((intervention) => deps.requisitions.listByIntervention(intervention.id))),
  ]);
  const items: UpcomingDeadline[] = [];
  for (const [index, intervention] of invoicing.entries()) {
    const deadline = nextDeadline(intervention, requisitions[index] ?? [], today, rule);
    if (deadline !== null) {
      items.push({ code: intervention.code, title: intervention.title, deadline });
    }
  }
  items.sort((a, b) => a.deadline.dueDate.localeCompare(b.deadline.dueDate) || a.code.localeCompare(b.code, 'sv'));
  return { kind: 'deadlines', scope, today, items };
}
