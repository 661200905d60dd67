/**
 * Sends one outbox row that this instance holds the lease on, with pacing and retries, and
 * records the outcome on the row. Shared by notify (which holds the lease from its claim) and
 * sendPending (which takes it with an If-Match PATCH).
 *
 * THE ONE WINDOW FOR A DOUBLE SEND: Teams has no idempotency key. If this process dies after
 * Teams accepted a message but before the row is marked 'Skickad' (or that PATCH keeps failing),
 * the row is still 'Väntar' and is sent again once its lease has run out. The window is kept as
 * small as we can: the row is marked 'Skickad' straight after the send, before anything else,
 * and that write is retried a few times before giving up.
 */
import { isAppError } from '../../domain/app-error.ts';
import type { Conversation, NewNotification, Notification } from '../../domain/entities/notification.ts';
import { decideAfterFailure } from '../../domain/notifications/retry-policy.ts';
import type { Patch } from '../../domain/ports/common.ts';
import { type NotificationPayload, readPayload } from './notification-payload.ts';
import { type ResolvedNotifierDeps, toStoredInstant } from './notifier-deps.ts';
import type { SendOutcome } from './proactive-sender.ts';
import { waitForSlot } from './wait-for-slot.ts';

export const NOT_INSTALLED_ERROR = 'Boten är inte installerad hos mottagaren (ingen aktiv konversation).';

export type DeliveryResult =
  | { readonly outcome: 'sent'; readonly notification: Notification }
  | { readonly outcome: 'failed'; readonly notification: Notification }
  /** still 'Väntar', NotBefore moved to when the next attempt may start */
  | { readonly outcome: 'rescheduled'; readonly notification: Notification }
  /** the lease ran out and another instance holds the row now: it decides */
  | { readonly outcome: 'lease-lost'; readonly key: string };

export type Lease = {
  /** the row as this instance holds it: its eTag proves the lease */
  readonly row: Notification;
  readonly payload: NotificationPayload;
  /** attempts made before this lease */
  readonly attemptsBefore: number;
  readonly leaseUntilMs: number;
};

const MARK_SENT_TRIES = 3;

export async function deliverLeased(deps: ResolvedNotifierDeps, lease: Lease): Promise<DeliveryResult> {
  const { row, payload } = lease;
  const context = { key: row.key, instanceId: deps.instanceId, conversationKey: payload.conversationKey };
  const conversation = await deps.conversations.findByKey(payload.conversationKey);
  if (conversation === null || !conversation.active) {
    deps.logger.warn(context, 'notification not sent: the bot has no active conversation with the recipient');
    return finish(deps, row, 'failed', {
      status: 'Misslyckad',
      attempts: lease.attemptsBefore,
      lastError: NOT_INSTALLED_ERROR,
    });
  }
  const latestStart = lease.leaseUntilMs - deps.settings.leaseMarginMs;
  let attempts = lease.attemptsBefore;
  for (;;) {
    const slotWait = await waitForSlot(deps, conversation.key, latestStart);
    if (slotWait > 0) {
      // the conversation is paced or paused past our lease: leave the row for a later run
      const notBefore = toStoredInstant(deps.clock.now().getTime() + slotWait);
      return finish(deps, row, 'rescheduled', { attempts, notBefore });
    }
    const outcome = await deps.sender.send(conversation.reference, payload.message);
    attempts += 1;
    if (outcome.ok) {
      return markSent(
        deps,
        { row, conversation, payload },
        {
          status: 'Skickad',
          attempts,
          activityId: outcome.activityId,
          conversationId: outcome.conversationId ?? conversation.key,
          lastError: null,
        },
      );
    }
    const lastError = describeFailure(outcome);
    const decision = decideAfterFailure(outcome, attempts, deps.random, deps.settings);
    const now = deps.clock.now().getTime();
    if (decision.kind === 'give-up') {
      if (decision.conversationGone) {
        await deactivate(deps, conversation, context);
      }
      deps.logger.warn({ ...context, status: outcome.status, attempts, error: outcome.message }, 'notification failed');
      const reason = decision.reason === 'attempts' ? `Gav upp efter ${attempts} försök. ${lastError}` : lastError;
      return finish(deps, row, 'failed', { status: 'Misslyckad', attempts, lastError: reason });
    }
    if (decision.throttled) {
      deps.pacer.pause(conversation.key, now + decision.delayMs);
    }
    if (now + decision.delayMs > latestStart) {
      return finish(deps, row, 'rescheduled', {
        attempts,
        lastError,
        notBefore: toStoredInstant(now + decision.delayMs),
      });
    }
    deps.logger.info({ ...context, status: outcome.status, attempts, delayMs: decision.delayMs }, 'retrying a send');
    await deps.sleep(decision.delayMs);
  }
}

type Sent = { readonly row: Notification; readonly conversation: Conversation; readonly payload: NotificationPayload };

async function markSent(
  deps: ResolvedNotifierDeps,
  sent: Sent,
  patch: Patch<NewNotification>,
): Promise<DeliveryResult> {
  const { row } = sent;
  for (let tries = 1; ; tries += 1) {
    try {
      const notification = await deps.notifications.update(row.id, patch, { etag: row.etag });
      deps.logger.info(
        { key: row.key, instanceId: deps.instanceId, activityId: patch.activityId },
        'notification sent',
      );
      return { outcome: 'sent', notification };
    } catch (error) {
      if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
        return recordSentAfterLostLease(deps, sent, patch);
      }
      if (tries >= MARK_SENT_TRIES) {
        // Teams has the message but the row still says 'Väntar': it is sent again after the lease
        deps.logger.error(
          { key: row.key, instanceId: deps.instanceId, err: error },
          'notification sent but not recorded as Skickad; it will be sent again when its lease runs out',
        );
        throw error;
      }
      await deps.sleep(deps.settings.baseDelayMs * tries);
    }
  }
}

/**
 * The row changed while the send was under way: either the lease ran out and another instance
 * took the row, or updateSent gave the unsent row a newer message. The message did reach Teams,
 * so record that unless another instance already has (which keeps it from sending once more),
 * and bring the card up to date if the row holds a newer message than the one sent.
 */
async function recordSentAfterLostLease(
  deps: ResolvedNotifierDeps,
  sent: Sent,
  patch: Patch<NewNotification>,
): Promise<DeliveryResult> {
  const { row, conversation, payload } = sent;
  const context = { key: row.key, instanceId: deps.instanceId };
  deps.logger.warn(context, 'the row changed during a send; recording it as sent');
  const current = await deps.notifications.findByKey(row.key);
  if (current === null) {
    return { outcome: 'lease-lost', key: row.key };
  }
  if (current.status === 'Skickad') {
    return { outcome: 'sent', notification: current };
  }
  const notification = await deps.notifications.update(current.id, patch);
  const newer = readPayload(current.payload);
  if (newer !== null && patch.activityId && JSON.stringify(newer.message) !== JSON.stringify(payload.message)) {
    const outcome = await deps.sender.update(conversation.reference, patch.activityId, newer.message);
    if (!outcome.ok) {
      deps.logger.warn({ ...context, status: outcome.status, error: outcome.message }, 'newer message not applied');
    }
  }
  return { outcome: 'sent', notification };
}

async function finish(
  deps: ResolvedNotifierDeps,
  row: Notification,
  outcome: 'failed' | 'rescheduled',
  patch: Patch<NewNotification>,
): Promise<DeliveryResult> {
  try {
    const notification = await deps.notifications.update(row.id, patch, { etag: row.etag });
    return { outcome, notification };
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      deps.logger.warn({ key: row.key, instanceId: deps.instanceId }, 'lease lost; another instance has the row');
      return { outcome: 'lease-lost', key: row.key };
    }
    throw error;
  }
}

/** 403/404: the bot was removed, blocked or the chat is gone; stop sending there until it is back */
async function deactivate(deps: ResolvedNotifierDeps, conversation: Conversation, context: object): Promise<void> {
  try {
    await deps.conversations.update(conversation.id, { active: false }, { etag: conversation.etag });
    deps.logger.warn(context, 'conversation marked inactive');
  } catch (error) {
    // a 412 means the row changed since we read it, most likely a reinstall: leave it active
    deps.logger.warn({ ...context, err: error }, 'conversation not marked inactive');
  }
}

/** LastError, read by the kansli in SharePoint: Swedish first, Teams' own words after */
export function describeFailure(outcome: Extract<SendOutcome, { ok: false }>): string {
  const detail = outcome.message.slice(0, 500);
  switch (outcome.status) {
    case 0:
      return `Teams gick inte att nå: ${detail}`;
    case 403:
      return `Boten får inte skriva till mottagaren (403: avinstallerad, blockerad eller spärrad). ${detail}`;
    case 404:
      return `Konversationen finns inte längre (404). ${detail}`;
    case 413:
      return `Meddelandet är för stort för Teams (413). ${detail}`;
    case 429:
      return `Teams begränsade antalet utskick (429). ${detail}`;
    default:
      return `Teams svarade ${outcome.status}. ${detail}`;
  }
}
