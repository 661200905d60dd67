import type { NewVote, Vote } from '../entities/approval.ts';
import type { Patch, WriteOptions } from './common.ts';

/** Votes on approvals (list `Votes`); VoteKey (`<approvalId>:<voterAadId>`) is unique. */
export interface VoteRepository {
  listByApproval(approvalId: string): Promise<Vote[]>;
  findByVoteKey(voteKey: string): Promise<Vote | null>;
  /** fails with AppError CONFLICT when this voter already voted on this approval (a repeated click) */
  create(vote: NewVote): Promise<Vote>;
  update(id: string, patch: Patch<NewVote>, options?: WriteOptions): Promise<Vote>;
}
