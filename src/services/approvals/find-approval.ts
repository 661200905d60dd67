import { AppError } from '../../domain/app-error.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { ApprovalDeps } from './approval-deps.ts';

/** the row by its id as people type it (`12`, ` 12 `); NOT_FOUND for anything else */
export async function findApproval(deps: Pick<ApprovalDeps, 'repos'>, approvalId: string): Promise<Approval> {
  const id = String(approvalId).trim();
  const approval = /^[1-9]\d{0,9}$/.test(id) ? await deps.repos.approvals.findById(id) : null;
  if (approval === null) {
    const shown = id.slice(0, 20);
    throw new AppError('NOT_FOUND', `no approval ${shown}`, { userMessage: `Det finns inget beslutsärende ${shown}.` });
  }
  return approval;
}
