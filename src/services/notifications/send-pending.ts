/**
 * Sends the outbox rows still 'Väntar' whose NotBefore has passed: scheduled ones, ones left by a
 * crash between claim and send, ones waiting for a retry. Run it on an interval (every 30 s).
 *
 * To send a row an instance first takes a lease: it PATCHes the row with the eTag it read
 * (If-Match), Attempts + 1 and NotBefore = now + lease. Only the instance whose PATCH succeeded
 * sends; the others get 412 and skip the row. A crash mid-send leaves the row 'Väntar' with the
 * later NotBefore, so it is tried again once the lease has run out (see deliver-notification.ts
 * for the one case where that sends a message twice).
 */
import { isAppError } from '../../domain/app-error.ts';
import type { Notification } from '../../domain/entities/notification.ts';
import { type DeliveryResult, deliverLeased } from './deliver-notification.ts';
import { readPayload } from './notification-payload.ts';
import { type NotifierDeps, type ResolvedNotifierDeps, resolveDeps, toStoredInstant } from './notifier-deps.ts';

export type SendPendingReport = {
  /** rows due when the run started (at most the batch size) */
  readonly due: number;
  readonly sent: number;
  readonly failed: number;
  readonly rescheduled: number;
  /** taken by another instance, or lost to one */
  readonly skipped: number;
  /** rows whose handling threw; they stay 'Väntar' and come back after their lease */
  readonly errors: number;
};

type RowOutcome = DeliveryResult['outcome'] | 'skipped' | 'error';

export async function sendPending(deps: NotifierDeps): Promise<SendPendingReport> {
  const resolved = resolveDeps(deps);
  const now = resolved.clock.now().getTime();
  const due = (await resolved.notifications.listDue('Väntar', toStoredInstant(now, 'down')))
    .sort((a, b) => Date.parse(a.notBefore) - Date.parse(b.notBefore) || Number(a.id) - Number(b.id))
    .slice(0, resolved.settings.batchSize);
  const outcomes = await mapConcurrently(due, resolved.settings.concurrency, (row) => sendOne(resolved, row));
  const count = (...kinds: RowOutcome[]): number => outcomes.filter((outcome) => kinds.includes(outcome)).length;
  return {
    due: due.length,
    sent: count('sent'),
    failed: count('failed'),
    rescheduled: count('rescheduled'),
    skipped: count('skipped', 'lease-lost'),
    errors: count('error'),
  };
}

async function sendOne(deps: ResolvedNotifierDeps, row: Notification): Promise<RowOutcome> {
  try {
    return await leaseAndDeliver(deps, row);
  } catch (error) {
    deps.logger.error({ key: row.key, instanceId: deps.instanceId, err: error }, 'pending notification not sent');
    return 'error';
  }
}

async function leaseAndDeliver(deps: ResolvedNotifierDeps, row: Notification): Promise<RowOutcome> {
  const payload = readPayload(row.payload);
  if (payload === null) {
    return giveUp(deps, row, 'Meddelandet i kolumnen Payload saknas eller går inte att läsa; det kan inte skickas.');
  }
  if (row.attempts >= deps.settings.maxAttempts) {
    return giveUp(deps, row, `Gav upp efter ${row.attempts} försök. ${row.lastError ?? ''}`.trim());
  }
  const leaseUntilMs = deps.clock.now().getTime() + deps.settings.leaseMs;
  let leased: Notification;
  try {
    leased = await deps.notifications.update(
      row.id,
      { attempts: row.attempts + 1, notBefore: toStoredInstant(leaseUntilMs) },
      { etag: row.etag },
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      // another instance leased (or finished) it since we listed it
      return 'skipped';
    }
    throw error;
  }
  const result = await deliverLeased(deps, { row: leased, payload, attemptsBefore: row.attempts, leaseUntilMs });
  return result.outcome;
}

async function giveUp(deps: ResolvedNotifierDeps, row: Notification, lastError: string): Promise<RowOutcome> {
  try {
    await deps.notifications.update(row.id, { status: 'Misslyckad', lastError }, { etag: row.etag });
    deps.logger.warn({ key: row.key, instanceId: deps.instanceId, lastError }, 'notification given up');
    return 'failed';
  } catch (error) {
    if (isAppError(error) && error.code === 'PRECONDITION_FAILED') {
      return 'skipped';
    }
    throw error;
  }
}

/** runs `work` over `items`, at most `limit` at a time, results in input order */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  // one iterator shared by the workers: each takes the next item when it is free
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) {
      results[index] = await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
