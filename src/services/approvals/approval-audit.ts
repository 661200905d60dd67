/**
 * The AuditLog rows of approvals (issue 4 item 7): every vote, every refusal, every decision, the
 * start, a withdrawal and an expiry — who, when, under which rule, with what outcome. The förbund's
 * decisions are public records; the trail must say who decided what, also when a card was forged.
 */
import { nowToTheSecond } from '../../domain/clock.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { NewAuditEntry } from '../../domain/entities/audit-entry.ts';
import type { ApprovalDeps } from './approval-deps.ts';

export const APPROVAL_ENTITY_LIST = 'Approvals';

/** who the AuditLog names when the sweep, not a person, acts (a row typed by hand, an expiry, a crash finished) */
export const SWEEP_ACTOR = 'system';

export type ApprovalAuditAction =
  | 'beslut.startat'
  | 'beslut.rost'
  | 'beslut.fattat'
  | 'beslut.aterkallat'
  | 'beslut.utganget'
  | 'budget.andrad'
  | 'avtal.utkast'
  | 'avtal.signerat'
  | 'avtal.avslaget'
  | 'avtal.signering-misslyckad'
  | 'avtal.arkiverat'
  | 'nekad';

type AuditDeps = Pick<ApprovalDeps, 'repos' | 'clock' | 'logger'>;

/** SharePoint keeps date-and-time to the second */
export function nowInstant(deps: Pick<ApprovalDeps, 'clock'>): string {
  return nowToTheSecond(deps.clock);
}

export type ApprovalAuditEntry = {
  readonly actorAadId: string;
  readonly action: ApprovalAuditAction;
  readonly approval: Pick<Approval, 'id'> | null;
  readonly details: Record<string, unknown>;
  /** another list than Approvals (budget.andrad is about the insats) */
  readonly entity?: { readonly list: string; readonly id: string };
};

/** the AuditLog row of an approval event, stamped now */
export function approvalAuditRow(deps: Pick<ApprovalDeps, 'clock'>, entry: ApprovalAuditEntry): NewAuditEntry {
  return {
    at: nowInstant(deps),
    actorAadId: entry.actorAadId,
    action: entry.action,
    entityList: entry.entity?.list ?? APPROVAL_ENTITY_LIST,
    entityId: entry.entity?.id ?? entry.approval?.id ?? '-',
    details: entry.details,
  };
}

export async function appendApprovalAudit(deps: AuditDeps, entry: ApprovalAuditEntry): Promise<void> {
  await deps.repos.auditLog.append(approvalAuditRow(deps, entry));
}

/**
 * The audit row written while the caller goes on (a vote's reply must be quick): a failure is
 * logged loudly rather than lost silently, and the caller may await the promise when it must.
 */
export function appendApprovalAuditSoon(
  deps: AuditDeps,
  entry: Parameters<typeof appendApprovalAudit>[1],
): Promise<void> {
  return appendApprovalAudit(deps, entry).catch((error: unknown) => {
    deps.logger.error(
      { err: error, action: entry.action, approvalId: entry.approval?.id ?? null },
      'audit row for an approval not written',
    );
  });
}
