import { type Member, type NewMember, newMemberSchema } from '../../src/domain/entities/member.ts';
import type { BulkResult, Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { MemberRepository } from '../../src/domain/ports/member-repository.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryMemberRepository implements MemberRepository {
  readonly table = new InMemoryTable<NewMember>({
    name: 'Members',
    newSchema: newMemberSchema,
    patchSchema: newMemberSchema.partial(),
  });

  async list(): Promise<Member[]> {
    return this.table.all();
  }

  async create(member: NewMember): Promise<Member> {
    return this.table.insert(member);
  }

  async createMany(members: readonly NewMember[]): Promise<BulkResult<Member>> {
    return this.table.insertMany(members);
  }

  async update(id: string, patch: Patch<NewMember>, options?: WriteOptions): Promise<Member> {
    return this.table.update(id, patch, options);
  }
}
