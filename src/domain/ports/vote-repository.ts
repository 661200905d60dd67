import type { NewVote, Vote } from '../entities/approval.ts';
import type { NewAuditEntry } from '../entities/audit-entry.ts';
import type { Patch, WriteOptions } from './common.ts';

/**
 * A stored vote with the instant it was cast: SharePoint's own Created stamp, which nobody can
 * edit, so the order of votes (Först svarande, an ersättare before the ledamot) is trustworthy.
 */
export type RecordedVote = Vote & {
  /** ISO instant (UTC) */
  readonly castAt: string;
};

/** The outcome of casting a vote and reading the approval's votes right after, in one go. */
export type CastResult =
  | {
      readonly stored: true;
      readonly vote: RecordedVote;
      readonly votes: RecordedVote[];
      /** the audit row passed to cast() was written with the vote (false: the caller must write it) */
      readonly audited: boolean;
    }
  /** VoteKey was taken: this voter has voted already (a repeated click); nothing was stored */
  | { readonly stored: false; readonly existing: RecordedVote | null; readonly votes: RecordedVote[] };

/** Votes on approvals (list `Votes`); VoteKey (`<approvalId>:<voterAadId>`) is unique. */
export interface VoteRepository {
  /** oldest first (by castAt, then by id) */
  listByApproval(approvalId: string): Promise<RecordedVote[]>;
  findByVoteKey(voteKey: string): Promise<RecordedVote | null>;
  /** fails with AppError CONFLICT when this voter already voted on this approval (a repeated click) */
  create(vote: NewVote): Promise<RecordedVote>;
  /**
   * Stores the vote, writes `audit` (only if the vote was stored) and reads every vote of its
   * approval after it, in as few requests as the store allows (one $batch on SharePoint). A taken
   * VoteKey is a result, not an error.
   */
  cast(vote: NewVote, audit?: NewAuditEntry): Promise<CastResult>;
  update(id: string, patch: Patch<NewVote>, options?: WriteOptions): Promise<RecordedVote>;
}
