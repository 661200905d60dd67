import { z } from 'zod';
import { CONVERSATION_SCOPES, NOTIFICATION_KINDS, NOTIFICATION_STATUSES } from '../vocabulary.ts';
import { aadObjectId, isoInstant, stored } from './common.ts';

/** An outbox row: written (Väntar) before a Teams send, marked Skickad after (DESIGN.md §7). */
export const newNotificationSchema = z.object({
  title: z.string().max(255),
  /** the idempotency key, e.g. `req:NOVA-2027-Q1:T-5`; unique in the list */
  key: z.string().min(1).max(255),
  kind: z.enum(NOTIFICATION_KINDS),
  recipientAadId: aadObjectId,
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int().min(0),
  activityId: z.string().nullable(),
  conversationId: z.string().nullable(),
  lastError: z.string().nullable(),
  notBefore: isoInstant,
  /**
   * Stored JSON (column Payload): what to send, so that any instance can send a row left
   * 'Väntar' by a crash, a later NotBefore or a retry. Its shape belongs to the notifier
   * (src/services/notifications/notification-payload.ts); here it is opaque. Optional so that
   * rows and callers from before the column existed stay valid; absent reads back as null.
   */
  payload: z.unknown().nullable().optional(),
});
export const notificationSchema = newNotificationSchema.extend(stored);
export type NewNotification = z.infer<typeof newNotificationSchema>;
export type Notification = z.infer<typeof notificationSchema>;

/** Where the bot can reach someone: keyed by user AAD id (personal) or channel/chat id. */
export const newConversationSchema = z.object({
  title: z.string().max(255),
  key: z.string().min(1).max(255),
  scope: z.enum(CONVERSATION_SCOPES),
  /** stored JSON: the Bot Framework conversation reference */
  reference: z.unknown(),
  active: z.boolean(),
});
export const conversationSchema = newConversationSchema.extend(stored);
export type NewConversation = z.infer<typeof newConversationSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
