import { isAppError } from '../../domain/app-error.ts';
import {
  type NewNotification,
  type Notification,
  newNotificationSchema,
  notificationSchema,
} from '../../domain/entities/notification.ts';
import type { Patch, WriteOptions } from '../../domain/ports/common.ts';
import type { ClaimResult, NotificationRepository } from '../../domain/ports/notification-repository.ts';
import type { NotificationStatus } from '../../domain/vocabulary.ts';
import { instantColumn, jsonColumn, numberColumn, textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';
import { filter } from './odata-filter.ts';

const notificationFields: FieldMap<NewNotification> = {
  title: textColumn('Title'),
  key: textColumn('Key'),
  kind: textColumn('Kind'),
  recipientAadId: textColumn('RecipientAadId'),
  status: textColumn('Status'),
  attempts: numberColumn('Attempts'),
  activityId: textColumn('ActivityId'),
  conversationId: textColumn('ConversationId'),
  lastError: textColumn('LastError'),
  notBefore: instantColumn('NotBefore'),
  payload: jsonColumn('Payload'),
};

/** Notifications (Utskick), the outbox: the unique Key lets exactly one instance claim a send. */
export class SharePointNotificationRepository implements NotificationRepository {
  private readonly table: ListTable<NewNotification, Notification>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: notificationFields,
      schema: notificationSchema,
      newSchema: newNotificationSchema,
      patchSchema: newNotificationSchema.partial(),
    });
  }

  findByKey(key: string): Promise<Notification | null> {
    return this.table.findOne(filter.eq('Key', key));
  }

  async claim(notification: NewNotification): Promise<ClaimResult> {
    try {
      return { claimed: true, notification: await this.table.create(notification) };
    } catch (error) {
      if (!isAppError(error) || error.code !== 'CONFLICT') {
        throw error;
      }
      // someone else (another instance, an earlier run, a retried POST) holds the key
      const existing = await this.findByKey(notification.key);
      if (existing === null) {
        throw error;
      }
      return { claimed: false, existing };
    }
  }

  listDue(status: NotificationStatus, notBeforeOrEarlier: string): Promise<Notification[]> {
    return this.table.query({
      filter: filter.and(filter.eq('Status', status), filter.le('NotBefore', notBeforeOrEarlier)),
    });
  }

  listByRecipient(recipientAadId: string): Promise<Notification[]> {
    return this.table.query({ filter: filter.eq('RecipientAadId', recipientAadId) });
  }

  update(id: string, patch: Patch<NewNotification>, options?: WriteOptions): Promise<Notification> {
    return this.table.update(id, patch, options);
  }
}
