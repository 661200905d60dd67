import { isAppError } from '../../domain/app-error.ts';
import {
  type Conversation,
  conversationSchema,
  type NewConversation,
  newConversationSchema,
} from '../../domain/entities/notification.ts';
import type { Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { ConversationRepository } from '../../domain/ports/conversation-repository.ts';
import { booleanColumn, jsonColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const conversationFields: FieldMap<NewConversation> = {
  title: textColumn('Title'),
  key: textColumn('Key'),
  scope: textColumn('Scope'),
  reference: jsonColumn('Reference'),
  active: booleanColumn('Active'),
};

/** Conversations (Konversationer): one row per user or channel the bot can reach, by unique Key. */
export class SharePointConversationRepository implements ConversationRepository {
  private readonly table: ListTable<NewConversation, Conversation>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: conversationFields,
      schema: conversationSchema,
      newSchema: newConversationSchema,
      patchSchema: newConversationSchema.partial(),
    });
  }

  findByKey(key: string): Promise<Conversation | null> {
    return this.table.findOne(filter.eq('Key', key));
  }

  async upsert(conversation: NewConversation): Promise<Conversation> {
    const existing = await this.findByKey(conversation.key);
    if (existing !== null) {
      return this.table.update(existing.id, conversation);
    }
    try {
      return await this.table.create(conversation);
    } catch (error) {
      // created by a concurrent install event between our read and our write: update that row
      if (isAppError(error) && error.code === 'CONFLICT') {
        const winner = await this.findByKey(conversation.key);
        if (winner !== null) {
          return this.table.update(winner.id, conversation);
        }
      }
      throw error;
    }
  }

  /**
   * Active is not indexed (a Yes/No column is a poor index and the list is small: one row per
   * user or channel), so this reads the list and filters here.
   */
  async listActive(): Promise<Conversation[]> {
    const rows = await this.table.query();
    return rows.filter((row) => row.active);
  }

  update(id: string, patch: Patch<NewConversation>, options?: WriteOptions): Promise<Conversation> {
    return this.table.update(id, patch, options);
  }
}
