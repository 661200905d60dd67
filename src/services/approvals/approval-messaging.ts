/**
 * Who gets which message about an approval, through the outbox (one Notifications row per key, so
 * a key is sent once however many sweeps or instances try): the card to each approver when the
 * stage starts, the outcome on every card sent, the outcome to the requester.
 */
import { approvalCardKey, approvalOutcomeKey } from '../../domain/approvals/approval-keys.ts';
import type { NotificationKind } from '../../domain/vocabulary.ts';
import { mapConcurrently } from '../sweep/map-concurrently.ts';
import type { ApprovalContext } from './approval-context.ts';
import { viewFor } from './approval-context.ts';
import type { ApprovalDeps, ApprovalMessageKind } from './approval-deps.ts';

/** cards to one approval's approvers at the same time; the notifier's pacer still spaces the sends */
const FAN_OUT = 4;

export type DeliveryCounts = { sent: number; alreadyClaimed: number; notDelivered: number; queued: number };

export function emptyCounts(): DeliveryCounts {
  return { sent: 0, alreadyClaimed: 0, notDelivered: 0, queued: 0 };
}

export function addCounts(into: DeliveryCounts, more: DeliveryCounts): void {
  into.sent += more.sent;
  into.alreadyClaimed += more.alreadyClaimed;
  into.notDelivered += more.notDelivered;
  into.queued += more.queued;
}

function notificationTitle(prefix: string, context: ApprovalContext): string {
  return `${prefix}: ${context.approval.title}`.slice(0, 255);
}

export type Delivery = {
  readonly key: string;
  readonly kind: NotificationKind;
  readonly messageKind: ApprovalMessageKind;
  readonly recipientAadId: string;
  readonly titlePrefix: string;
};

/** sends each delivery once (its key), skipping keys this process has seen claimed */
export async function deliver(
  deps: ApprovalDeps,
  context: ApprovalContext,
  deliveries: readonly Delivery[],
  claimedKeys: Set<string> = new Set(),
): Promise<DeliveryCounts> {
  const counts = emptyCounts();
  await mapConcurrently(deliveries, FAN_OUT, async (delivery) => {
    if (claimedKeys.has(delivery.key)) {
      counts.alreadyClaimed += 1;
      return;
    }
    try {
      const result = await deps.notifier.notify({
        key: delivery.key,
        kind: delivery.kind,
        title: notificationTitle(delivery.titlePrefix, context),
        recipientAadId: delivery.recipientAadId,
        message: deps.messages.approvalMessage({
          kind: delivery.messageKind,
          view: viewFor(deps, context, delivery.recipientAadId),
        }),
      });
      claimedKeys.add(delivery.key);
      switch (result.outcome) {
        case 'sent':
          counts.sent += 1;
          break;
        case 'duplicate':
          counts.alreadyClaimed += 1;
          break;
        case 'failed':
          counts.notDelivered += 1;
          break;
        default:
          counts.queued += 1;
      }
    } catch (error) {
      counts.notDelivered += 1;
      deps.logger.error({ err: error, key: delivery.key }, 'approval message not sent');
    }
  });
  return counts;
}

/** the card asking each approver of the stage to answer */
export function requestDeliveries(context: ApprovalContext): Delivery[] {
  return context.seats.map((seat) => ({
    key: approvalCardKey(context.approval.id, seat.aadObjectId),
    kind: 'Godkännande',
    messageKind: 'request',
    recipientAadId: seat.aadObjectId,
    titlePrefix: 'Beslut',
  }));
}

/** the outcome (decided, withdrawn, expired) to the one who asked for the decision */
export function requesterDelivery(context: ApprovalContext, messageKind: 'requester-outcome' | 'expired'): Delivery[] {
  const requester = context.approval.requestedByAadId;
  return requester === null
    ? []
    : [
        {
          key: approvalOutcomeKey(context.approval.id, requester),
          kind: 'Information',
          messageKind,
          recipientAadId: requester,
          titlePrefix: messageKind === 'expired' ? 'Utgånget' : `Beslut ${context.approval.status.toLowerCase()}`,
        },
      ];
}

/**
 * Replaces every approver's card with its current state (the outcome). A card never sent has no
 * row and is skipped; a card not sent yet goes out in its new form. Failures are logged: the card
 * still refreshes itself when opened (Universal Actions).
 */
export async function updateApproverCards(deps: ApprovalDeps, context: ApprovalContext): Promise<number> {
  let updated = 0;
  await mapConcurrently(context.seats, FAN_OUT, async (seat) => {
    const key = approvalCardKey(context.approval.id, seat.aadObjectId);
    try {
      const result = await deps.notifier.updateSent(
        key,
        deps.messages.approvalMessage({ kind: 'outcome', view: viewFor(deps, context, seat.aadObjectId) }),
      );
      if (result.outcome === 'updated' || result.outcome === 'pending-replaced') {
        updated += 1;
      }
    } catch (error) {
      deps.logger.warn({ err: error, key }, 'approval card not updated');
    }
  });
  return updated;
}
