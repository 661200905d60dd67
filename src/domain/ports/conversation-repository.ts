import type { Conversation, NewConversation } from '../entities/notification.ts';
import type { Patch, WriteOptions } from './common.ts';

/** Where the bot can reach someone (list `Conversations`); Key is unique. */
export interface ConversationRepository {
  findByKey(key: string): Promise<Conversation | null>;
  /** creates the row for `conversation.key`, or updates the existing one to these values */
  upsert(conversation: NewConversation): Promise<Conversation>;
  listActive(): Promise<Conversation[]>;
  update(id: string, patch: Patch<NewConversation>, options?: WriteOptions): Promise<Conversation>;
}
