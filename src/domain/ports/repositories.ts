import type { ApprovalRepository } from './approval-repository.ts';
import type { AuditLogRepository } from './audit-log-repository.ts';
import type { BudgetLineRepository } from './budget-line-repository.ts';
import type { ConversationRepository } from './conversation-repository.ts';
import type { InterventionRepository } from './intervention-repository.ts';
import type { AgreementRepository, DocumentRepository } from './library-repository.ts';
import type { MeetingRepository } from './meeting-repository.ts';
import type { MemberRepository } from './member-repository.ts';
import type { NotificationRepository } from './notification-repository.ts';
import type { RequisitionRepository } from './requisition-repository.ts';
import type { RoleAssignmentRepository } from './role-assignment-repository.ts';
import type { SettingsRepository } from './settings-repository.ts';
import type { VoteRepository } from './vote-repository.ts';

/** Every repository, one per SharePoint list or library: what use cases receive in their deps. */
export type Repositories = {
  readonly members: MemberRepository;
  readonly roleAssignments: RoleAssignmentRepository;
  readonly interventions: InterventionRepository;
  readonly budgetLines: BudgetLineRepository;
  readonly requisitions: RequisitionRepository;
  readonly approvals: ApprovalRepository;
  readonly votes: VoteRepository;
  readonly notifications: NotificationRepository;
  readonly conversations: ConversationRepository;
  readonly meetings: MeetingRepository;
  readonly auditLog: AuditLogRepository;
  readonly settings: SettingsRepository;
  readonly agreements: AgreementRepository;
  readonly documents: DocumentRepository;
};
