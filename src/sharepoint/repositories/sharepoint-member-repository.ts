import { type Member, memberSchema, type NewMember, newMemberSchema } from '../../domain/entities/member.ts';
import type { BulkResult, Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { MemberRepository } from '../../domain/ports/member-repository.ts';
import { booleanColumn, numberColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';

const memberFields: FieldMap<NewMember> = {
  name: textColumn('Title'),
  orgType: textColumn('OrgType'),
  financingSharePct: numberColumn('FinancingSharePct'),
  active: booleanColumn('Active'),
};

/** Members (Medlemmar): a handful of rows, so every read is the whole list. */
export class SharePointMemberRepository implements MemberRepository {
  private readonly table: ListTable<NewMember, Member>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: memberFields,
      schema: memberSchema,
      newSchema: newMemberSchema,
      patchSchema: newMemberSchema.partial(),
    });
  }

  list(): Promise<Member[]> {
    return this.table.query();
  }

  create(member: NewMember): Promise<Member> {
    return this.table.create(member);
  }

  createMany(members: readonly NewMember[]): Promise<BulkResult<Member>> {
    return this.table.createMany(members);
  }

  update(id: string, patch: Patch<NewMember>, options?: WriteOptions): Promise<Member> {
    return this.table.update(id, patch, options);
  }
}
