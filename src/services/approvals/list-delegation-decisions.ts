/**
 * Delegationsbeslut: the minor changes the förbundschef decided on delegation (the last stage of
 * a Budgetändring or Planändring was Förbundschef). The board is told of them at its next meeting,
 * so the board and the kansli read this list; the newest first.
 */
import { AppError } from '../../domain/app-error.ts';
import { isoDate } from '../../domain/entities/common.ts';
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { mapConcurrently } from '../sweep/map-concurrently.ts';
import { APPROVAL_ENTITY_LIST } from './approval-audit.ts';
import { loadApprovalContext, viewFor } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import type { ApprovalView } from './approval-view.ts';
import { decidedOn } from './list-my-approvals.ts';

const READS_AT_ONCE = 8;

export async function listDelegationDecisions(
  deps: ApprovalDeps,
  viewerAadId: string,
  options: { readonly from?: string } = {},
): Promise<{ items: ApprovalView[] }> {
  if (options.from !== undefined && !isoDate.safeParse(options.from).success) {
    throw new AppError('INVALID_INPUT', `bad from date ${options.from}`, {
      userMessage: 'Från-datumet ska skrivas ÅÅÅÅ-MM-DD.',
      details: { issues: [{ path: 'from', message: 'Från-datumet ska skrivas ÅÅÅÅ-MM-DD.' }] },
    });
  }
  await authorize(
    deps,
    await actorOf(deps, viewerAadId),
    'lasa-delegationsbeslut',
    {},
    {
      list: APPROVAL_ENTITY_LIST,
      id: 'delegationsbeslut',
    },
  );
  const [approved, rejected] = await Promise.all([
    deps.repos.approvals.listByStatus('Godkänd'),
    deps.repos.approvals.listByStatus('Avslagen'),
  ]);
  const delegated = [...approved, ...rejected].filter(
    (approval) =>
      approval.stage === 'Förbundschef' && (approval.subject === 'Budgetändring' || approval.subject === 'Planändring'),
  );
  const views = await mapConcurrently(delegated, READS_AT_ONCE, async (approval) =>
    viewFor(deps, await loadApprovalContext(deps, approval), viewerAadId),
  );
  const from = options.from;
  return {
    items: views
      .filter((view) => from === undefined || (decidedOn(view, deps.timeZone) ?? '') >= from)
      .sort(
        (a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? '') || Number(b.approvalId) - Number(a.approvalId),
      ),
  };
}
