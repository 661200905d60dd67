/**
 * What the invoicing use cases receive. The messages are rendered by the bot's cards
 * (bot/cards/requisition-card.ts implements InvoicingMessages); services only decide who gets
 * which message when, so the rules stay testable without botbuilder.
 */
import type { Clock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { Notifier } from '../notifications/create-notifier.ts';
import type { NotifierLogger } from '../notifications/notifier-deps.ts';
import type { OutgoingMessage } from '../notifications/proactive-sender.ts';
import type { RequisitionView } from './requisition-view.ts';

/**
 * Why a message about a requisition is sent:
 * - `reminder`: to the projektledare N working days before the due day (with the registration form)
 * - `overdue-projektledare`: to the projektledare, the day the invoice counts as overdue
 * - `overdue-ekonom`: the escalation to the ekonom, the same day
 * - `to-review`: to the ekonom when an invoice is registered (Granska / Avvisa)
 * - `to-attest`: to the förbundschef when the ekonom has reviewed it (Attestera / Avvisa)
 * - `to-pay`: to the ekonom when it is attested (Markera som betald)
 * - `rejected`: to the projektledare when it is sent back (Avvisad), with the reason
 */
export type RequisitionMessageKind =
  | 'reminder'
  | 'overdue-projektledare'
  | 'overdue-ekonom'
  | 'to-review'
  | 'to-attest'
  | 'to-pay'
  | 'rejected';

export type RequisitionMessageInput = {
  readonly kind: RequisitionMessageKind;
  /** the requisition as the recipient sees it: `view.viewerActions` are the recipient's */
  readonly view: RequisitionView;
  /** for `reminder`: the working days left to the due day (10, 5, 1 …) */
  readonly workingDaysLeft?: number;
};

export interface InvoicingMessages {
  /** a card (with text fallback) for one recipient; it must refresh to the row's current state */
  requisitionMessage(input: RequisitionMessageInput): OutgoingMessage;
}

export type InvoicingLogger = NotifierLogger;

export type InvoicingDeps = {
  readonly repos: Pick<
    Repositories,
    'interventions' | 'requisitions' | 'budgetLines' | 'roleAssignments' | 'auditLog' | 'settings' | 'notifications'
  >;
  readonly clock: Clock;
  /** the förbund's time zone (Europe/Stockholm): working days, "today", the 08:00 send time */
  readonly timeZone: string;
  readonly notifier: Pick<Notifier, 'notify' | 'updateSent'>;
  readonly messages: InvoicingMessages;
  readonly logger: InvoicingLogger;
};
