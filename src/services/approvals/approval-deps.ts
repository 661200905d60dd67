/**
 * What the approval use cases receive. The messages are rendered by the bot's cards
 * (bot/cards/approval-messages.ts implements ApprovalMessages); services only decide who gets
 * which message when, so the rules stay testable without botbuilder.
 */
import type { Clock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { Notifier } from '../notifications/create-notifier.ts';
import type { NotifierLogger } from '../notifications/notifier-deps.ts';
import type { OutgoingMessage } from '../notifications/proactive-sender.ts';
import type { ApprovalView } from './approval-view.ts';

/**
 * Why a message about an approval is sent:
 * - `request`: the card to each approver of the stage when the stage starts (buttons)
 * - `reminder`: to an approver who has not voted, 2 working days before the due date
 * - `outcome`: the approvers' cards updated once the stage is decided, withdrawn or expired
 * - `requester-outcome`: to the one who asked for the decision, when the stage is decided or withdrawn
 * - `expired`: to the requester when the due date passed without a decision (Utgången)
 */
export type ApprovalMessageKind = 'request' | 'reminder' | 'outcome' | 'requester-outcome' | 'expired';

export type ApprovalMessageInput = {
  readonly kind: ApprovalMessageKind;
  /** the approval as the recipient sees it: `view.viewer` is the recipient */
  readonly view: ApprovalView;
};

export interface ApprovalMessages {
  /** a card (no `text` beside it) for one recipient; it must refresh to the row's current state */
  approvalMessage(input: ApprovalMessageInput): OutgoingMessage;
}

export type ApprovalDeps = {
  readonly repos: Repositories;
  readonly clock: Clock;
  /** the förbund's time zone (Europe/Stockholm): working days, "today", the 08:00 send time */
  readonly timeZone: string;
  readonly notifier: Pick<Notifier, 'notify' | 'updateSent'>;
  readonly messages: ApprovalMessages;
  readonly logger: NotifierLogger;
  /** the link to an insats in the tab (`<app>/?insats=<id>`); absent: cards have no link */
  readonly tabUrl?: (interventionId: string) => string;
  /**
   * the app's link to an agreement's PDF for one person (GET /api/avtal/:driveItemId/fil, signed for
   * them so it opens from a card without a sign-in header); absent: cards link to the webUrl
   */
  readonly agreementFileUrl?: (driveItemId: string, viewerAadId: string) => string;
};
