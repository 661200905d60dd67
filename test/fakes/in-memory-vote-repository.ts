import { type NewVote, newVoteSchema, type Vote } from '../../src/domain/entities/approval.ts';
import type { Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { VoteRepository } from '../../src/domain/ports/vote-repository.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryVoteRepository implements VoteRepository {
  readonly table = new InMemoryTable<NewVote>({
    name: 'Votes',
    newSchema: newVoteSchema,
    patchSchema: newVoteSchema.partial(),
    unique: ['voteKey'],
    conflictMessage: 'Du har redan röstat i det här ärendet.',
  });

  async listByApproval(approvalId: string): Promise<Vote[]> {
    return this.table.where((row) => row.approvalId === approvalId);
  }

  async findByVoteKey(voteKey: string): Promise<Vote | null> {
    return this.table.where((row) => row.voteKey.toLowerCase() === voteKey.toLowerCase())[0] ?? null;
  }

  async create(vote: NewVote): Promise<Vote> {
    return this.table.insert(vote);
  }

  async update(id: string, patch: Patch<NewVote>, options?: WriteOptions): Promise<Vote> {
    return this.table.update(id, patch, options);
  }
}
