/**
 * Reads the whole register once for the anomaly detection and the kansli's register view. The
 * unreadable-row log is cleared first, so what it holds afterwards are the rows skipped by this read.
 */
import type { RegisterSnapshot } from '../../domain/anomalies/detect-anomalies.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Member } from '../../domain/entities/member.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import type { RegisterDeps } from './register-deps.ts';

export type FullRegister = RegisterSnapshot & {
  readonly members: readonly Member[];
  readonly requisitions: readonly Requisition[];
};

export async function readRegisterSnapshot(deps: RegisterDeps): Promise<FullRegister> {
  deps.unreadableRows.clear();
  const [interventions, roleAssignments, budgetLines, members] = await Promise.all([
    deps.repos.interventions.list(),
    deps.repos.roleAssignments.list(),
    deps.repos.budgetLines.list(),
    deps.repos.members.list(),
  ]);
  const perInsats = await Promise.all(
    interventions.map(async (intervention) => {
      const [agreements, documents, requisitions] = await Promise.all([
        deps.repos.agreements.listByIntervention(intervention.id),
        deps.repos.documents.listByIntervention(intervention.id),
        deps.repos.requisitions.listByIntervention(intervention.id),
      ]);
      return { agreements, documents, requisitions };
    }),
  );
  return {
    interventions,
    roleAssignments,
    budgetLines,
    members,
    agreements: perInsats.flatMap((entry) => entry.agreements),
    documents: perInsats.flatMap((entry) => entry.documents),
    requisitions: perInsats.flatMap((entry) => entry.requisitions),
    unreadableRows: [...deps.unreadableRows.list()],
    today: todayIn(deps.clock, deps.timeZone),
  };
}
