/**
 * "att besluta" in the bot and the tab: the open approvals waiting for my answer (earliest due
 * first), then the open ones I asked for. Votes are read only for approvals I take part in.
 */
import { formatDate } from '../../domain/format.ts';
import { mapConcurrently } from '../sweep/map-concurrently.ts';
import { loadApprovalContext, viewFor } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { readPayload } from './approval-payload.ts';
import type { ApprovalView } from './approval-view.ts';

const READS_AT_ONCE = 8;

function sameId(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

function byDue(a: ApprovalView, b: ApprovalView): number {
  return (
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    a.title.localeCompare(b.title, 'sv') ||
    Number(a.approvalId) - Number(b.approvalId)
  );
}

export async function listMyApprovals(deps: ApprovalDeps, viewerAadId: string): Promise<{ items: ApprovalView[] }> {
  const open = await deps.repos.approvals.listByStatus('Pågår');
  const mine = open.filter((approval) => {
    const seats = readPayload(approval.payload).approvers;
    // not opened yet (no snapshot): its approvers are read to find out
    return (
      seats === undefined ||
      seats.some((seat) => sameId(seat.aadObjectId, viewerAadId)) ||
      sameId(approval.requestedByAadId, viewerAadId)
    );
  });
  const views = await mapConcurrently(mine, READS_AT_ONCE, async (approval) =>
    viewFor(deps, await loadApprovalContext(deps, approval), viewerAadId),
  );
  const awaiting = views.filter((view) => view.viewer.awaited).sort(byDue);
  const requested = views
    .filter((view) => !view.viewer.awaited)
    .filter((view) => {
      const approval = mine.find((row) => row.id === view.approvalId);
      return approval !== undefined && sameId(approval.requestedByAadId, viewerAadId);
    })
    .sort(byDue);
  return { items: [...awaiting, ...requested] };
}

/** the local date an approval was decided, for filtering by date */
export function decidedOn(view: Pick<ApprovalView, 'decidedAt'>, timeZone: string): string | null {
  return view.decidedAt === null ? null : formatDate(view.decidedAt, timeZone);
}
