import {
  type Conversation,
  type NewConversation,
  newConversationSchema,
} from '../../src/domain/entities/notification.ts';
import type { Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { ConversationRepository } from '../../src/domain/ports/conversation-repository.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryConversationRepository implements ConversationRepository {
  readonly table = new InMemoryTable<NewConversation>({
    name: 'Conversations',
    newSchema: newConversationSchema,
    patchSchema: newConversationSchema.partial(),
    unique: ['key'],
  });

  async findByKey(key: string): Promise<Conversation | null> {
    return this.table.where((row) => row.key.toLowerCase() === key.toLowerCase())[0] ?? null;
  }

  async upsert(conversation: NewConversation): Promise<Conversation> {
    const existing = await this.findByKey(conversation.key);
    return existing === null ? this.table.insert(conversation) : this.table.update(existing.id, conversation);
  }

  async listActive(): Promise<Conversation[]> {
    return this.table.where((row) => row.active);
  }

  async update(id: string, patch: Patch<NewConversation>, options?: WriteOptions): Promise<Conversation> {
    return this.table.update(id, patch, options);
  }
}
