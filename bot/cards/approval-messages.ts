/**
 * The bot's implementation of the approval services' ApprovalMessages port: the approval card for
 * one approver (or the requester), and the preview line Teams shows in its notification feed.
 */
import type { Clock } from '../../src/domain/clock.ts';
import type { ApprovalMessages } from '../../src/services/approvals/approval-deps.ts';
import { approvalHeadline, renderApprovalCard } from './approval-card.ts';

export type ApprovalMessagesOptions = {
  /** the förbund's time zone, for the votes' times (Europe/Stockholm when not given) */
  readonly timeZone?: string;
  readonly clock?: Clock;
};

export function createApprovalMessages(options: ApprovalMessagesOptions = {}): ApprovalMessages {
  return {
    approvalMessage: ({ kind, view }) => {
      const card = renderApprovalCard(view, {
        kind,
        ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
        ...(options.clock === undefined ? {} : { now: options.clock.now() }),
      });
      // no text beside the card: Teams refuses to update a message that has both; the card has its fallbackText
      return { card, summary: approvalHeadline(view, kind).title };
    },
  };
}
