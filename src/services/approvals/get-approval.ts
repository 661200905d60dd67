/**
 * One approval as the viewer sees it: the card's refresh, `beslut <id>` in the bot, the tab.
 * Someone with no part in it is refused without learning more than that it exists.
 */
import { AppError } from '../../domain/app-error.ts';
import { mayReadApproval, rolesOf } from './approval-access.ts';
import { loadApprovalContext, viewFor } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import type { ApprovalView } from './approval-view.ts';
import { findApproval } from './find-approval.ts';

export async function getApprovalForViewer(
  deps: ApprovalDeps,
  viewerAadId: string,
  approvalId: string,
): Promise<ApprovalView> {
  const approval = await findApproval(deps, approvalId);
  const [context, roles] = await Promise.all([loadApprovalContext(deps, approval), rolesOf(deps, viewerAadId)]);
  if (!mayReadApproval(context, viewerAadId, roles)) {
    // the projektledare may be named on the insats alone (ProjectLeaderAadId), not in RoleAssignments
    const intervention =
      approval.interventionId === null ? null : await deps.repos.interventions.findById(approval.interventionId);
    if (!mayReadApproval(context, viewerAadId, roles, intervention?.projectLeaderAadId ?? null)) {
      throw new AppError('FORBIDDEN', `${viewerAadId} may not read approval ${approval.id}`, {
        userMessage: `Du kan inte se beslutsärende ${approval.id}: du har ingen roll i det.`,
      });
    }
  }
  return viewFor(deps, context, viewerAadId);
}
