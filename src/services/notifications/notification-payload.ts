/**
 * The stored shape of Notifications.Payload. STORED JSON: rows written with this shape may wait
 * in the list for days (a NotBefore in the future, retries), so a change here needs a reader for
 * the old shape too.
 *
 * `conversationKey` is the Conversations row to send to: the recipient's AAD object id for a
 * personal chat, or a channel/group chat key. It is stored with the message so that any
 * instance can send or update the row later without knowing how the caller chose it.
 */
import { z } from 'zod';
import type { OutgoingMessage } from './proactive-sender.ts';

export const outgoingMessageSchema = z
  .object({
    text: z.string().min(1).optional(),
    card: z.record(z.string(), z.unknown()).optional(),
    summary: z.string().max(500).optional(),
  })
  .refine((message) => message.text !== undefined || message.card !== undefined, {
    message: 'ett meddelande behöver text eller ett kort',
  });

export const notificationPayloadSchema = z.object({
  conversationKey: z.string().min(1),
  message: outgoingMessageSchema,
});

export type NotificationPayload = { readonly conversationKey: string; readonly message: OutgoingMessage };

/**
 * A multi-line text column holds about 64 000 characters; Teams refuses messages over ~100 KB
 * anyway (413), so a card this large is a bug in its renderer, refused before it is stored.
 */
export const MAX_PAYLOAD_CHARACTERS = 60_000;

export function readPayload(stored: unknown): NotificationPayload | null {
  const parsed = notificationPayloadSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
