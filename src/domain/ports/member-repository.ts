import type { Member, NewMember } from '../entities/member.ts';
import type { BulkResult, Patch, WriteOptions } from './common.ts';

/** The förbund's member organisations (list `Members`). Few rows: read them all. */
export interface MemberRepository {
  list(): Promise<Member[]>;
  create(member: NewMember): Promise<Member>;
  /** creates many rows with few requests (seeding); one result per input, in order */
  createMany(members: readonly NewMember[]): Promise<BulkResult<Member>>;
  update(id: string, patch: Patch<NewMember>, options?: WriteOptions): Promise<Member>;
}
