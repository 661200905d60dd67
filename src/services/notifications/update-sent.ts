/**
 * Replaces an earlier card by the ActivityId stored on its Notifications row, e.g. an approval
 * card whose outcome changed. A row not sent yet ('Väntar') gets the new message instead, so it
 * goes out in its latest form. Updates are not queued: one that fails for good is logged and
 * reported, and the card can still be refreshed by its user (Universal Actions refresh).
 */
import { AppError, isAppError } from '../../domain/app-error.ts';
import type { Notification } from '../../domain/entities/notification.ts';
import { decideAfterFailure } from '../../domain/notifications/retry-policy.ts';
import { describeFailure, NOT_INSTALLED_ERROR } from './deliver-notification.ts';
import { type NotificationPayload, outgoingMessageSchema, readPayload } from './notification-payload.ts';
import { type NotifierDeps, type ResolvedNotifierDeps, resolveDeps } from './notifier-deps.ts';
import type { OutgoingMessage } from './proactive-sender.ts';
import { waitForSlot } from './wait-for-slot.ts';

export type UpdateSentResult =
  | { readonly outcome: 'updated'; readonly notification: Notification }
  /** not sent yet: the row now holds the new message */
  | { readonly outcome: 'pending-replaced'; readonly notification: Notification }
  | { readonly outcome: 'not-found'; readonly key: string }
  /** the row failed for good ('Misslyckad'): there is no card to update */
  | { readonly outcome: 'not-sent'; readonly notification: Notification }
  | { readonly outcome: 'failed'; readonly notification: Notification; readonly error: string };

const READ_TRIES = 3;

export async function updateSent(deps: NotifierDeps, key: string, message: OutgoingMessage): Promise<UpdateSentResult> {
  const resolved = resolveDeps(deps);
  const parsed = outgoingMessageSchema.safeParse(message);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `update of ${key}: ${parsed.error.message}`);
  }
  for (let tries = 1; ; tries += 1) {
    const row = await resolved.notifications.findByKey(key);
    if (row === null) {
      return { outcome: 'not-found', key };
    }
    const payload = readPayload(row.payload);
    if (payload === null) {
      return { outcome: 'failed', notification: row, error: 'Meddelandet i kolumnen Payload går inte att läsa.' };
    }
    const next: NotificationPayload = { conversationKey: payload.conversationKey, message: parsed.data };
    if (row.status === 'Misslyckad') {
      return { outcome: 'not-sent', notification: row };
    }
    if (row.status === 'Skickad') {
      return row.activityId === null
        ? { outcome: 'failed', notification: row, error: 'Utskicket saknar aktivitets-id och kan inte uppdateras.' }
        : updateCard(resolved, row, row.activityId, next);
    }
    try {
      const notification = await resolved.notifications.update(row.id, { payload: next }, { etag: row.etag });
      return { outcome: 'pending-replaced', notification };
    } catch (error) {
      // it was sent (or leased) between our read and our write: read it again
      if (!(isAppError(error) && error.code === 'PRECONDITION_FAILED') || tries >= READ_TRIES) {
        throw error;
      }
    }
  }
}

async function updateCard(
  deps: ResolvedNotifierDeps,
  row: Notification,
  activityId: string,
  payload: NotificationPayload,
): Promise<UpdateSentResult> {
  const context = { key: row.key, instanceId: deps.instanceId, activityId };
  const conversation = await deps.conversations.findByKey(payload.conversationKey);
  if (conversation === null || !conversation.active) {
    deps.logger.warn(context, 'card not updated: no active conversation');
    return { outcome: 'failed', notification: row, error: NOT_INSTALLED_ERROR };
  }
  const giveUpAt = deps.clock.now().getTime() + deps.settings.leaseMs;
  for (let attempts = 1; ; attempts += 1) {
    if ((await waitForSlot(deps, conversation.key, giveUpAt)) > 0) {
      return { outcome: 'failed', notification: row, error: 'Teams begränsar utskicken till mottagaren just nu.' };
    }
    const outcome = await deps.sender.update(conversation.reference, activityId, payload.message);
    if (outcome.ok) {
      // keep the row's Payload equal to what the card shows; last writer wins
      const notification = await deps.notifications.update(row.id, { payload });
      deps.logger.info(context, 'card updated');
      return { outcome: 'updated', notification };
    }
    const decision = decideAfterFailure(outcome, attempts, deps.random, deps.settings);
    const now = deps.clock.now().getTime();
    if (decision.kind === 'retry' && decision.throttled) {
      deps.pacer.pause(conversation.key, now + decision.delayMs);
    }
    if (decision.kind === 'give-up' || now + decision.delayMs > giveUpAt) {
      // only 403 says the bot lost the conversation; a 404 on an update is usually the message
      if (outcome.status === 403) {
        await deps.conversations
          .update(conversation.id, { active: false }, { etag: conversation.etag })
          .catch((error: unknown) => deps.logger.warn({ ...context, err: error }, 'conversation not marked inactive'));
      }
      deps.logger.warn({ ...context, status: outcome.status, error: outcome.message }, 'card update failed');
      return { outcome: 'failed', notification: row, error: describeFailure(outcome) };
    }
    await deps.sleep(decision.delayMs);
  }
}
