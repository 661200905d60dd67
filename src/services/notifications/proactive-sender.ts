/**
 * The port through which the outbox reaches Teams. The services know nothing of Teams: a
 * conversation reference is opaque JSON stored in Conversations.Reference, handed back as is.
 * The botbuilder implementation is bot/proactive/bot-framework-sender.ts.
 */
export type OutgoingMessage = {
  readonly text?: string;
  /** an Adaptive Card (schema ≤ 1.5 in Teams), as JSON */
  readonly card?: Record<string, unknown>;
  /** the preview text in Teams' notification and activity feed */
  readonly summary?: string;
};

export type SendOutcome =
  | {
      readonly ok: true;
      readonly activityId: string;
      /** the Teams conversation id the message landed in, when the sender knows it */
      readonly conversationId?: string;
    }
  | {
      readonly ok: false;
      /** HTTP status from the Bot Connector; 0 when no response arrived */
      readonly status: number;
      readonly retryAfterMs?: number;
      readonly message: string;
    };

export interface ProactiveSender {
  /** posts a new message; never throws for an HTTP failure */
  send(reference: unknown, message: OutgoingMessage): Promise<SendOutcome>;
  /** replaces an earlier message (e.g. an approval card whose outcome changed) */
  update(reference: unknown, activityId: string, message: OutgoingMessage): Promise<SendOutcome>;
}
