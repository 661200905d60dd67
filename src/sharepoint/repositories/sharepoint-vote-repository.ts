import { type NewVote, newVoteSchema, type Vote, voteSchema } from '../../domain/entities/approval.ts';
import type { Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { VoteRepository } from '../../domain/ports/vote-repository.ts';
import { lookupColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const voteFields: FieldMap<NewVote> = {
  approvalId: lookupColumn('Approval'),
  voterAadId: textColumn('VoterAadId'),
  onBehalfOfOrgId: lookupColumn('OnBehalfOfOrg'),
  decision: textColumn('Decision'),
  comment: textColumn('Comment'),
  voteKey: textColumn('VoteKey'),
};

/** Votes (Röster): the unique VoteKey makes a repeated vote a CONFLICT, never a second row. */
export class SharePointVoteRepository implements VoteRepository {
  private readonly table: ListTable<NewVote, Vote>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: voteFields,
      schema: voteSchema,
      newSchema: newVoteSchema,
      patchSchema: newVoteSchema.partial(),
      titleOf: (vote) => vote.voteKey,
      conflictMessage: 'Du har redan röstat i det här ärendet.',
    });
  }

  listByApproval(approvalId: string): Promise<Vote[]> {
    return this.table.query({ filter: filter.lookupEq('Approval', approvalId) });
  }

  findByVoteKey(voteKey: string): Promise<Vote | null> {
    return this.table.findOne(filter.eq('VoteKey', voteKey));
  }

  create(vote: NewVote): Promise<Vote> {
    return this.table.create(vote);
  }

  update(id: string, patch: Patch<NewVote>, options?: WriteOptions): Promise<Vote> {
    return this.table.update(id, patch, options);
  }
}
