import type { NewNotification, Notification } from '../entities/notification.ts';
import type { NotificationStatus } from '../vocabulary.ts';
import type { Patch, WriteOptions } from './common.ts';

/**
 * The outcome of claiming a notification key: whoever created the row owns the send. `existing`
 * can be a row this instance wrote itself when a retried POST succeeded twice; callers decide by
 * its status (Väntar with no ActivityId: not sent yet).
 */
export type ClaimResult =
  | { readonly claimed: true; readonly notification: Notification }
  | { readonly claimed: false; readonly existing: Notification };

/** The outbox (list `Notifications`); Key is unique, so a key is sent at most once. */
export interface NotificationRepository {
  findByKey(key: string): Promise<Notification | null>;
  /** creates the row; if the Key exists (another instance, an earlier run) returns the existing row */
  claim(notification: NewNotification): Promise<ClaimResult>;
  /** rows with this status whose NotBefore is at or before `notBeforeOrEarlier` (ISO instant, inclusive) */
  listDue(status: NotificationStatus, notBeforeOrEarlier: string): Promise<Notification[]>;
  listByRecipient(recipientAadId: string): Promise<Notification[]>;
  update(id: string, patch: Patch<NewNotification>, options?: WriteOptions): Promise<Notification>;
}
