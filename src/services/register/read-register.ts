/**
 * The kansli's register view: every insats with its stage, owner, period, granted amount, what has
 * been invoiced so far, its next invoicing deadline and its anomalies.
 */
import type { Anomaly } from '../../domain/anomalies/anomaly.ts';
import { detectAnomalies } from '../../domain/anomalies/detect-anomalies.ts';
import { INVOICING_STAGES, nextDeadline } from '../../domain/invoicing/next-deadline.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { authorize } from '../authorization/refuse.ts';
import { readDueRule } from '../bot-queries/read-due-rule.ts';
import { INTERVENTION_ENTITY_LIST } from './access.ts';
import { readRegisterSnapshot } from './read-register-snapshot.ts';
import type { RegisterDeps } from './register-deps.ts';

export type RegisterRow = {
  readonly id: string;
  readonly code: string;
  readonly title: string;
  readonly stage: Stage;
  readonly diaryNumber: string | null;
  readonly owner: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly grantedAmount: number | null;
  /** requisitions that have come in (any status but Förväntad and Avvisad) */
  readonly invoicedSoFar: number;
  readonly nextDeadline: { readonly periodKey: string; readonly dueDate: string } | null;
  readonly anomalies: readonly Anomaly[];
};

export type RegisterView = {
  readonly today: string;
  readonly rows: readonly RegisterRow[];
  readonly anomalies: number;
};

export async function readRegister(deps: RegisterDeps, actor: Actor): Promise<RegisterView> {
  await authorize(deps, actor, 'lasa-registervyn', {}, { list: INTERVENTION_ENTITY_LIST, id: 'registervy' });
  const [snapshot, rule] = await Promise.all([readRegisterSnapshot(deps), readDueRule(deps.repos.settings)]);
  const anomalies = detectAnomalies(snapshot);
  const rows = snapshot.interventions
    .map((intervention): RegisterRow => {
      const requisitions = snapshot.requisitions.filter((row) => row.interventionId === intervention.id);
      const deadline = INVOICING_STAGES.includes(intervention.stage)
        ? nextDeadline(intervention, requisitions, snapshot.today, rule)
        : null;
      return {
        id: intervention.id,
        code: intervention.code,
        title: intervention.title,
        stage: intervention.stage,
        diaryNumber: intervention.diaryNumber,
        owner: snapshot.members.find((member) => member.id === intervention.ownerOrgId)?.name ?? null,
        startDate: intervention.startDate,
        endDate: intervention.endDate,
        grantedAmount: intervention.grantedAmount,
        invoicedSoFar: requisitions
          .filter((row) => row.status !== 'Förväntad' && row.status !== 'Avvisad')
          .reduce((sum, row) => sum + (row.amount ?? 0), 0),
        nextDeadline: deadline === null ? null : { periodKey: deadline.periodKey, dueDate: deadline.dueDate },
        anomalies: anomalies.filter((anomaly) => anomaly.interventionId === intervention.id),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { today: snapshot.today, rows, anomalies: anomalies.length };
}
