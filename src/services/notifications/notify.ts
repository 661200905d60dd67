/**
 * Sends one notification at most once per key: the Notifications row is claimed (created,
 * 'Väntar', with the message) before anything is sent, so a second call with the same key —
 * from this instance, another instance or a rerun of the sweep — finds the row and sends nothing.
 *
 * The claim is also the lease: a row to send now is created with NotBefore = now + lease, so
 * sendPending elsewhere leaves it alone while this call sends it, and picks it up after the
 * lease if this process dies between the claim and the send.
 */
import { AppError } from '../../domain/app-error.ts';
import type { Notification } from '../../domain/entities/notification.ts';
import type { NotificationKind } from '../../domain/vocabulary.ts';
import { type DeliveryResult, deliverLeased } from './deliver-notification.ts';
import { MAX_PAYLOAD_CHARACTERS, type NotificationPayload, outgoingMessageSchema } from './notification-payload.ts';
import { type NotifierDeps, resolveDeps, toStoredInstant } from './notifier-deps.ts';
import type { OutgoingMessage } from './proactive-sender.ts';

export type NotifyRequest = {
  /** the idempotency key, e.g. `req:NOVA-2027-Q1:T-5` or `approval:42:vote:<aad id>` */
  readonly key: string;
  readonly kind: NotificationKind;
  /** shown in the Notifications list in SharePoint */
  readonly title: string;
  /** whom it is for; their personal chat with the bot unless `conversationKey` says otherwise */
  readonly recipientAadId: string;
  readonly message: OutgoingMessage;
  /** ISO instant; a later one is only stored now and sent by sendPending once it has passed */
  readonly notBefore?: string;
  /** a Conversations key (a channel or group chat) to post to instead of the personal chat */
  readonly conversationKey?: string;
};

export type NotifyResult =
  | DeliveryResult
  | { readonly outcome: 'duplicate'; readonly existing: Notification }
  | { readonly outcome: 'scheduled'; readonly notification: Notification };

export async function notify(deps: NotifierDeps, request: NotifyRequest): Promise<NotifyResult> {
  const resolved = resolveDeps(deps);
  const payload = payloadOf(request);
  const now = resolved.clock.now().getTime();
  const requestedAt = request.notBefore === undefined ? now : instantOf(request.notBefore);
  const scheduled = requestedAt > now;
  const leaseUntilMs = now + resolved.settings.leaseMs;
  const claim = await resolved.notifications.claim({
    title: request.title,
    key: request.key,
    kind: request.kind,
    recipientAadId: request.recipientAadId,
    status: 'Väntar',
    attempts: 0,
    activityId: null,
    conversationId: null,
    lastError: null,
    notBefore: toStoredInstant(scheduled ? requestedAt : leaseUntilMs),
    payload,
  });
  if (!claim.claimed) {
    resolved.logger.info({ key: request.key, instanceId: resolved.instanceId }, 'notification key already claimed');
    return { outcome: 'duplicate', existing: claim.existing };
  }
  if (scheduled) {
    return { outcome: 'scheduled', notification: claim.notification };
  }
  return deliverLeased(resolved, { row: claim.notification, payload, attemptsBefore: 0, leaseUntilMs });
}

function payloadOf(request: NotifyRequest): NotificationPayload {
  const message = outgoingMessageSchema.safeParse(request.message);
  if (!message.success) {
    throw new AppError('INVALID_INPUT', `notification ${request.key}: ${message.error.message}`);
  }
  const payload = { conversationKey: request.conversationKey ?? request.recipientAadId, message: message.data };
  if (JSON.stringify(payload).length > MAX_PAYLOAD_CHARACTERS) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `notification ${request.key}: the message is over ${MAX_PAYLOAD_CHARACTERS} characters`,
    );
  }
  return payload;
}

function instantOf(iso: string): number {
  const parsed = Date.parse(iso);
  if (Number.isNaN(parsed)) {
    throw new AppError('INVALID_INPUT', `notBefore is not an instant: ${iso}`);
  }
  return parsed;
}
