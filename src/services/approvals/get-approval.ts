/**
 * One approval as the viewer sees it: the card's refresh, `beslut <id>` in the bot, the tab.
 * Someone with no part in it is refused (logged) without learning more than that it exists.
 */
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { approvalScope, mayReadApproval } from './approval-access.ts';
import { APPROVAL_ENTITY_LIST } from './approval-audit.ts';
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
  const [context, actor] = await Promise.all([loadApprovalContext(deps, approval), actorOf(deps, viewerAadId)]);
  if (!mayReadApproval(context, actor)) {
    // the projektledare may be named on the insats alone (ProjectLeaderAadId), not in RoleAssignments
    const intervention =
      approval.interventionId === null ? null : await deps.repos.interventions.findById(approval.interventionId);
    const leader = intervention?.projectLeaderAadId ?? null;
    await authorize(
      deps,
      actor,
      'lasa-beslutsarende',
      approvalScope(approval, context.seats, leader),
      { list: APPROVAL_ENTITY_LIST, id: approval.id },
      {
        message: `Du kan inte se beslutsärende ${approval.id}: du har ingen roll i det.`,
        details: { stage: approval.stage },
      },
    );
  }
  return viewFor(deps, context, viewerAadId);
}
