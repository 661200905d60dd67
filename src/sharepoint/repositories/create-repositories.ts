import type { Repositories } from '../../domain/ports/repositories.ts';
import type { GraphClient } from '../graph/graph-client.ts';
import type { ListKey } from '../schema.ts';
import type { InvalidRowReporter } from './invalid-row.ts';
import type { ListContext } from './list-table.ts';
import { SharePointAgreementRepository } from './sharepoint-agreement-repository.ts';
import { SharePointApprovalRepository } from './sharepoint-approval-repository.ts';
import { SharePointAuditLogRepository } from './sharepoint-audit-log-repository.ts';
import { SharePointBudgetLineRepository } from './sharepoint-budget-line-repository.ts';
import { SharePointConversationRepository } from './sharepoint-conversation-repository.ts';
import { SharePointDocumentRepository } from './sharepoint-document-repository.ts';
import { SharePointInterventionRepository } from './sharepoint-intervention-repository.ts';
import { SharePointMeetingRepository } from './sharepoint-meeting-repository.ts';
import { SharePointMemberRepository } from './sharepoint-member-repository.ts';
import { SharePointNotificationRepository } from './sharepoint-notification-repository.ts';
import { SharePointRequisitionRepository } from './sharepoint-requisition-repository.ts';
import { SharePointRoleAssignmentRepository } from './sharepoint-role-assignment-repository.ts';
import { SharePointSettingsRepository } from './sharepoint-settings-repository.ts';
import { SharePointVoteRepository } from './sharepoint-vote-repository.ts';

/** The provisioned site: lists (and libraries' drives) found by id, never by title. */
export type SharePointSite = {
  readonly siteId: string;
  readonly listIds: Readonly<Record<ListKey, string>>;
  /** library drives; a missing one is looked up from its list on first use */
  readonly driveIds: Readonly<Partial<Record<ListKey, string>>>;
};

export type RepositoryOptions = {
  /** told about every row skipped because it does not parse (the scheduler reports these) */
  readonly onInvalidRow?: InvalidRowReporter;
};

/** Builds every SharePoint repository over one Graph client and one provisioned site. */
export function createRepositories(
  graph: GraphClient,
  site: SharePointSite,
  options: RepositoryOptions = {},
): Repositories {
  const onInvalidRow: InvalidRowReporter = options.onInvalidRow ?? ignoreInvalidRow;
  const list = (listKey: ListKey): ListContext => ({
    graph,
    siteId: site.siteId,
    listId: site.listIds[listKey],
    listKey,
    onInvalidRow,
  });
  const library = (listKey: 'Agreements' | 'Documents') => ({ ...list(listKey), driveId: site.driveIds[listKey] });
  const auditLog = new SharePointAuditLogRepository(list('AuditLog'));
  return {
    members: new SharePointMemberRepository(list('Members')),
    roleAssignments: new SharePointRoleAssignmentRepository(list('RoleAssignments')),
    interventions: new SharePointInterventionRepository(list('Interventions')),
    budgetLines: new SharePointBudgetLineRepository(list('BudgetLines')),
    requisitions: new SharePointRequisitionRepository(list('Requisitions')),
    approvals: new SharePointApprovalRepository(list('Approvals')),
    // a vote's audit row goes in the vote's own $batch
    votes: new SharePointVoteRepository(list('Votes'), auditLog),
    notifications: new SharePointNotificationRepository(list('Notifications')),
    conversations: new SharePointConversationRepository(list('Conversations')),
    meetings: new SharePointMeetingRepository(list('Meetings')),
    auditLog,
    settings: new SharePointSettingsRepository(list('Settings')),
    agreements: new SharePointAgreementRepository(library('Agreements')),
    documents: new SharePointDocumentRepository(library('Documents')),
  };
}

/** rows are still skipped when nobody listens; the composition root should pass a reporter */
function ignoreInvalidRow(): void {
  return;
}
