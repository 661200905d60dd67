import type { Repositories } from '../../src/domain/ports/repositories.ts';
import { InMemoryAgreementRepository } from './in-memory-agreement-repository.ts';
import { InMemoryApprovalRepository } from './in-memory-approval-repository.ts';
import { InMemoryAuditLogRepository } from './in-memory-audit-log-repository.ts';
import { InMemoryBudgetLineRepository } from './in-memory-budget-line-repository.ts';
import { InMemoryConversationRepository } from './in-memory-conversation-repository.ts';
import { InMemoryDocumentRepository } from './in-memory-document-repository.ts';
import { InMemoryInterventionRepository } from './in-memory-intervention-repository.ts';
import { InMemoryMeetingRepository } from './in-memory-meeting-repository.ts';
import { InMemoryMemberRepository } from './in-memory-member-repository.ts';
import { InMemoryNotificationRepository } from './in-memory-notification-repository.ts';
import { InMemoryRequisitionRepository } from './in-memory-requisition-repository.ts';
import { InMemoryRoleAssignmentRepository } from './in-memory-role-assignment-repository.ts';
import { InMemorySettingsRepository } from './in-memory-settings-repository.ts';
import { InMemoryVoteRepository } from './in-memory-vote-repository.ts';

/** Every fake, typed concretely so tests can reach `table` for set-up and assertions. */
export type InMemoryRepositories = Repositories & {
  readonly members: InMemoryMemberRepository;
  readonly roleAssignments: InMemoryRoleAssignmentRepository;
  readonly interventions: InMemoryInterventionRepository;
  readonly budgetLines: InMemoryBudgetLineRepository;
  readonly requisitions: InMemoryRequisitionRepository;
  readonly approvals: InMemoryApprovalRepository;
  readonly votes: InMemoryVoteRepository;
  readonly notifications: InMemoryNotificationRepository;
  readonly conversations: InMemoryConversationRepository;
  readonly meetings: InMemoryMeetingRepository;
  readonly auditLog: InMemoryAuditLogRepository;
  readonly settings: InMemorySettingsRepository;
  readonly agreements: InMemoryAgreementRepository;
  readonly documents: InMemoryDocumentRepository;
};

export function createInMemoryRepositories(options: { now?: () => string } = {}): InMemoryRepositories {
  const auditLog = new InMemoryAuditLogRepository();
  return {
    members: new InMemoryMemberRepository(),
    roleAssignments: new InMemoryRoleAssignmentRepository(),
    interventions: new InMemoryInterventionRepository(),
    budgetLines: new InMemoryBudgetLineRepository(),
    requisitions: new InMemoryRequisitionRepository(),
    approvals: new InMemoryApprovalRepository(),
    votes: new InMemoryVoteRepository(auditLog),
    notifications: new InMemoryNotificationRepository(),
    conversations: new InMemoryConversationRepository(),
    meetings: new InMemoryMeetingRepository(),
    auditLog,
    settings: new InMemorySettingsRepository(),
    agreements: new InMemoryAgreementRepository(options.now),
    documents: new InMemoryDocumentRepository(options.now),
  };
}
