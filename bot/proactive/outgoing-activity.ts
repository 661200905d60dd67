import { type Activity, ActivityTypes } from 'botbuilder';
import type { OutgoingMessage } from '../../src/services/notifications/proactive-sender.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The Bot Framework message for an outgoing notification: text (markdown, as Teams renders it),
 * an Adaptive Card attachment, and `summary`, which Teams shows as the preview in its
 * notification and activity feed (a card alone would preview as "Card").
 */
export function toActivity(message: OutgoingMessage): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    ...(message.text === undefined ? {} : { text: message.text, textFormat: 'markdown' }),
    ...(message.summary === undefined ? {} : { summary: message.summary }),
    ...(message.card === undefined
      ? {}
      : { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: message.card }] }),
  };
}
