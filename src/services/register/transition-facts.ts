/**
 * Gathers what the lifecycle's guards need to know about one insats: what its application lacks,
 * whether a samarbetsavtal is signed, whether the last quarter's requisition has come in, whether a
 * slutrapport is filed.
 */
import { hasFinalReport, hasSignedAgreement } from '../../domain/anomalies/detect-anomalies.ts';
import { listApplicationProblems } from '../../domain/application/validate-application.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { periodKeyOf, quartersOfPeriod } from '../../domain/invoicing/quarters.ts';
import type { TransitionFacts } from '../../domain/lifecycle/check-transition.ts';
import type { RegisterDeps } from './register-deps.ts';

export async function applicationProblemsOf(deps: RegisterDeps, intervention: Intervention): Promise<string[]> {
  const [budgetLines, members] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.members.list(),
  ]);
  return listApplicationProblems({ intervention, budgetLines, members });
}

export async function gatherTransitionFacts(deps: RegisterDeps, intervention: Intervention): Promise<TransitionFacts> {
  const [applicationProblems, agreements, documents, requisitions] = await Promise.all([
    applicationProblemsOf(deps, intervention),
    deps.repos.agreements.listByIntervention(intervention.id),
    deps.repos.documents.listByIntervention(intervention.id),
    deps.repos.requisitions.listByIntervention(intervention.id),
  ]);
  let lastQuarterRequisitionRegistered = false;
  if (
    intervention.startDate !== null &&
    intervention.endDate !== null &&
    intervention.endDate >= intervention.startDate
  ) {
    const last = quartersOfPeriod(intervention.startDate, intervention.endDate).at(-1);
    const key = last === undefined ? null : periodKeyOf(intervention.code, last);
    lastQuarterRequisitionRegistered = requisitions.some(
      (row) => row.periodKey === key && row.status !== 'Förväntad' && row.status !== 'Avvisad',
    );
  }
  return {
    applicationProblems,
    hasSignedAgreement: hasSignedAgreement(intervention.id, agreements),
    lastQuarterRequisitionRegistered,
    hasFinalReport: hasFinalReport(intervention.id, documents),
    today: todayIn(deps.clock, deps.timeZone),
  };
}
