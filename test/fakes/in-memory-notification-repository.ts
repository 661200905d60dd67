import { AppError } from '../../src/domain/app-error.ts';
import {
  type NewNotification,
  type Notification,
  newNotificationSchema,
} from '../../src/domain/entities/notification.ts';
import type { Patch, WriteOptions } from '../../src/domain/ports/common.ts';
import type { ClaimResult, NotificationRepository } from '../../src/domain/ports/notification-repository.ts';
import type { NotificationStatus } from '../../src/domain/vocabulary.ts';
import { InMemoryTable } from './in-memory-table.ts';

export class InMemoryNotificationRepository implements NotificationRepository {
  readonly table = new InMemoryTable<NewNotification>({
    name: 'Notifications',
    newSchema: newNotificationSchema,
    patchSchema: newNotificationSchema.partial(),
    unique: ['key'],
  });

  async findByKey(key: string): Promise<Notification | null> {
    return this.table.where((row) => row.key.toLowerCase() === key.toLowerCase())[0] ?? null;
  }

  async claim(notification: NewNotification): Promise<ClaimResult> {
    try {
      return { claimed: true, notification: this.table.insert(notification) };
    } catch (error) {
      const existing =
        error instanceof AppError && error.code === 'CONFLICT' ? await this.findByKey(notification.key) : null;
      if (existing === null) {
        throw error;
      }
      return { claimed: false, existing };
    }
  }

  async listDue(status: NotificationStatus, notBeforeOrEarlier: string): Promise<Notification[]> {
    const limit = Date.parse(notBeforeOrEarlier);
    return this.table.where((row) => row.status === status && Date.parse(row.notBefore) <= limit);
  }

  async listByRecipient(recipientAadId: string): Promise<Notification[]> {
    return this.table.where((row) => row.recipientAadId.toLowerCase() === recipientAadId.toLowerCase());
  }

  async update(id: string, patch: Patch<NewNotification>, options?: WriteOptions): Promise<Notification> {
    return this.table.update(id, patch, options);
  }
}
