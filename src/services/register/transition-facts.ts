/**
 * Gathers what the lifecycle's guards need to know about one insats: what its application lacks,
 * whether a samarbetsavtal is signed, whether the last quarter's requisition has come in, whether a
 * slutrapport is filed.
 */
import { hasFinalReport, hasSignedAgreement } from '../../domain/anomalies/detect-anomalies.ts';
import { listApplicationProblems } from '../../domain/application/validate-application.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { BudgetLine } from '../../domain/entities/budget-line.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { AgreementFile, DocumentFile } from '../../domain/entities/library-file.ts';
import type { Member } from '../../domain/entities/member.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import { periodKeyOf, quartersOfPeriod } from '../../domain/invoicing/quarters.ts';
import type { TransitionFacts } from '../../domain/lifecycle/check-transition.ts';
import type { RegisterDeps } from './register-deps.ts';

/** the rows of one insats (and the member organisations) the facts are drawn from */
export type TransitionReads = {
  readonly budgetLines: readonly BudgetLine[];
  readonly members: readonly Member[];
  readonly agreements: readonly AgreementFile[];
  readonly documents: readonly DocumentFile[];
  readonly requisitions: readonly Requisition[];
};

export async function applicationProblemsOf(deps: RegisterDeps, intervention: Intervention): Promise<string[]> {
  const [budgetLines, members] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.members.list(),
  ]);
  return listApplicationProblems({ intervention, budgetLines, members });
}

export async function gatherTransitionFacts(deps: RegisterDeps, intervention: Intervention): Promise<TransitionFacts> {
  const [budgetLines, members, agreements, documents, requisitions] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    deps.repos.members.list(),
    deps.repos.agreements.listByIntervention(intervention.id),
    deps.repos.documents.listByIntervention(intervention.id),
    deps.repos.requisitions.listByIntervention(intervention.id),
  ]);
  return transitionFactsFrom(
    intervention,
    { budgetLines, members, agreements, documents, requisitions },
    todayIn(deps.clock, deps.timeZone),
  );
}

/** the facts from rows read already (the insats detail reads them all anyway: no second read) */
export function transitionFactsFrom(
  intervention: Intervention,
  reads: TransitionReads,
  today: string,
): TransitionFacts {
  const { requisitions } = reads;
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
    applicationProblems: listApplicationProblems({
      intervention,
      budgetLines: reads.budgetLines,
      members: reads.members,
    }),
    hasSignedAgreement: hasSignedAgreement(intervention.id, reads.agreements),
    lastQuarterRequisitionRegistered,
    hasFinalReport: hasFinalReport(intervention.id, reads.documents),
    today,
  };
}
