/**
 * What has happened to one insats, from AuditLog: the rows about the insats itself and about its
 * approvals and requisitions (whose rows carry their own ids: entity ids are per list), newest
 * first with a short Swedish line each, and the insats's stage history, oldest first.
 *
 * One read of AuditLog for the lot (listByEntities: the ids or-ed on the indexed EntityId, 20 to a
 * query, the queries at once), so the cost grows with the insats's approvals and quarters by one
 * request per twenty, not by one each. Details is never passed on: it may hold a vote's comment or
 * a withdrawal's reason, and the line says what happened without them.
 */
import { stageChangesOf, summariseAuditEntry } from '../../domain/audit/audit-summary.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { AuditEntry } from '../../domain/entities/audit-entry.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import type { RegisterDeps } from './register-deps.ts';

/** newest rows shown; older ones stay in SharePoint's Händelselogg */
export const MAX_AUDIT_ROWS = 100;

export type AuditRowView = {
  readonly at: string;
  readonly actorAadId: string;
  /** from Roller; null for the sweep ('system') and for someone no longer in the list */
  readonly actorName: string | null;
  readonly action: string;
  readonly entityList: string;
  readonly entityId: string;
  readonly summary: string;
};

export type StageHistoryEntry = {
  readonly at: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly actorName: string | null;
};

export type InterventionHistory = {
  readonly audit: readonly AuditRowView[];
  readonly stageHistory: readonly StageHistoryEntry[];
};

export async function readInterventionHistory(
  deps: RegisterDeps,
  subject: {
    readonly intervention: Pick<Intervention, 'id'>;
    readonly approvals: readonly Pick<Approval, 'id' | 'subject'>[];
    readonly requisitions: readonly Pick<Requisition, 'id' | 'periodKey'>[];
    /** Entra object id (any case) → name */
    readonly nameOf: (aadObjectId: string) => string | null;
  },
): Promise<InterventionHistory> {
  const { intervention, approvals, requisitions, nameOf } = subject;
  const approvalById = new Map(approvals.map((approval) => [approval.id, approval]));
  const requisitionById = new Map(requisitions.map((requisition) => [requisition.id, requisition]));
  const entries = await deps.repos.auditLog.listByEntities([
    intervention.id,
    ...approvalById.keys(),
    ...requisitionById.keys(),
  ]);
  const ours = entries.filter(
    (entry) =>
      (entry.entityList === 'Interventions' && entry.entityId === intervention.id) ||
      (entry.entityList === 'Approvals' && approvalById.has(entry.entityId)) ||
      (entry.entityList === 'Requisitions' && requisitionById.has(entry.entityId)),
  );
  const audit = [...ours]
    .sort(newestFirst)
    .slice(0, MAX_AUDIT_ROWS)
    .map(
      (entry): AuditRowView => ({
        at: entry.at,
        actorAadId: entry.actorAadId,
        actorName: nameOf(entry.actorAadId),
        action: entry.action,
        entityList: entry.entityList,
        entityId: entry.entityId,
        summary: summariseAuditEntry(entry, {
          periodKey: entry.entityList === 'Requisitions' ? requisitionById.get(entry.entityId)?.periodKey : null,
          approvalSubject: entry.entityList === 'Approvals' ? approvalById.get(entry.entityId)?.subject : null,
        }),
      }),
    );
  const stageHistory = stageChangesOf(ours).map(
    ({ entry, from, to }): StageHistoryEntry => ({ at: entry.at, from, to, actorName: nameOf(entry.actorAadId) }),
  );
  return { audit, stageHistory };
}

function newestFirst(a: AuditEntry, b: AuditEntry): number {
  return b.at.localeCompare(a.at) || Number(b.id) - Number(a.id);
}
