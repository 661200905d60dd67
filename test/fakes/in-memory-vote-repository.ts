import { isAppError } from '../../src/domain/app-error.ts';
import { type NewVote, newVoteSchema, type Vote } from '../../src/domain/entities/approval.ts';
import type { NewAuditEntry } from '../../src/domain/entities/audit-entry.ts';
import type { AuditLogRepository } from '../../src/domain/ports/audit-log-repository.ts';
import type { Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { CastResult, RecordedVote, VoteRepository } from '../../src/domain/ports/vote-repository.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryVoteRepository implements VoteRepository {
  readonly table = new InMemoryTable<NewVote>({
    name: 'Votes',
    newSchema: newVoteSchema,
    patchSchema: newVoteSchema.partial(),
    unique: ['voteKey'],
    conflictMessage: 'Du har redan röstat i det här ärendet.',
  });
  /** SharePoint's Created stamp of each row; tests point `now` at their clock */
  private readonly created = new Map<string, string>();
  now: () => string = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  /** runs before a cast is stored: tests use it to interleave concurrent clicks */
  beforeCast: (() => Promise<void>) | null = null;
  private readonly auditLog: Pick<AuditLogRepository, 'append'> | undefined;

  constructor(auditLog?: Pick<AuditLogRepository, 'append'>) {
    this.auditLog = auditLog;
  }

  private recorded(vote: Vote): RecordedVote {
    return { ...vote, castAt: this.created.get(vote.id) ?? '1970-01-01T00:00:00Z' };
  }

  async listByApproval(approvalId: string): Promise<RecordedVote[]> {
    return this.table
      .where((row) => row.approvalId === approvalId)
      .map((row) => this.recorded(row))
      .sort((a, b) => a.castAt.localeCompare(b.castAt) || Number(a.id) - Number(b.id));
  }

  async findByVoteKey(voteKey: string): Promise<RecordedVote | null> {
    const row = this.table.where((candidate) => candidate.voteKey.toLowerCase() === voteKey.toLowerCase())[0];
    return row === undefined ? null : this.recorded(row);
  }

  async create(vote: NewVote): Promise<RecordedVote> {
    const row = this.table.insert(vote);
    this.created.set(row.id, this.now());
    return this.recorded(row);
  }

  async cast(vote: NewVote, audit?: NewAuditEntry): Promise<CastResult> {
    await this.beforeCast?.();
    try {
      const stored = await this.create(vote);
      // like the SharePoint adapter's $batch: the audit row is written only with a stored vote
      const audited = audit !== undefined && this.auditLog !== undefined;
      if (audited) {
        await this.auditLog?.append(audit);
      }
      return { stored: true, vote: stored, votes: await this.listByApproval(vote.approvalId), audited };
    } catch (error) {
      if (isAppError(error) && error.code === 'CONFLICT') {
        return {
          stored: false,
          existing: await this.findByVoteKey(vote.voteKey),
          votes: await this.listByApproval(vote.approvalId),
        };
      }
      throw error;
    }
  }

  async update(id: string, patch: Patch<NewVote>, options?: WriteOptions): Promise<RecordedVote> {
    return this.recorded(this.table.update(id, patch, options));
  }
}
