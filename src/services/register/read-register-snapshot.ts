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
  // each list read whole, once: the cost does not grow with the number of insatser (it did, at
  // three requests per insats, when agreements, documents and requisitions were read per insats)
  const [interventions, roleAssignments, budgetLines, members, agreements, documents, requisitions] = await Promise.all(
    [
      deps.repos.interventions.list(),
      deps.repos.roleAssignments.list(),
      deps.repos.budgetLines.list(),
      deps.repos.members.list(),
      deps.repos.agreements.list(),
      deps.repos.documents.list(),
      deps.repos.requisitions.list(),
    ],
  );
  return {
    interventions,
    roleAssignments,
    budgetLines,
    members,
    agreements,
    documents,
    requisitions,
    unreadableRows: [...deps.unreadableRows.list()],
    today: todayIn(deps.clock, deps.timeZone),
  };
}
