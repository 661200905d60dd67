import { z } from 'zod';
import {
  APPROVAL_RULES,
  APPROVAL_STAGES,
  APPROVAL_STATUSES,
  APPROVAL_SUBJECTS,
  VOTE_DECISIONS,
} from '../vocabulary.ts';
import { aadObjectId, amountKr, isoDate, itemId, stored } from './common.ts';

/** A matter put to one body under one decision rule (DESIGN.md §6). */
export const newApprovalSchema = z.object({
  title: z.string().trim().min(1).max(255),
  interventionId: itemId.nullable(),
  subject: z.enum(APPROVAL_SUBJECTS),
  stage: z.enum(APPROVAL_STAGES),
  rule: z.enum(APPROVAL_RULES),
  status: z.enum(APPROVAL_STATUSES),
  dueDate: isoDate.nullable(),
  requestedByAadId: aadObjectId.nullable(),
  amount: amountKr.nullable(),
  /** stored JSON: what is being decided (the change, the agreement draft …) */
  payload: z.unknown().nullable(),
  previousId: itemId.nullable(),
});
export const approvalSchema = newApprovalSchema.extend(stored);
export type NewApproval = z.infer<typeof newApprovalSchema>;
export type Approval = z.infer<typeof approvalSchema>;

/** One person's vote on an approval; VoteKey (`<approvalId>:<voterAadId>`) makes it unique. */
export const newVoteSchema = z.object({
  approvalId: itemId,
  voterAadId: aadObjectId,
  onBehalfOfOrgId: itemId.nullable(),
  decision: z.enum(VOTE_DECISIONS),
  comment: z.string().max(4000).nullable(),
  voteKey: z.string().min(1).max(255),
});
export const voteSchema = newVoteSchema.extend(stored);
export type NewVote = z.infer<typeof newVoteSchema>;
export type Vote = z.infer<typeof voteSchema>;

export function voteKeyOf(approvalId: string, voterAadId: string): string {
  return `${approvalId}:${voterAadId.toLowerCase()}`;
}
