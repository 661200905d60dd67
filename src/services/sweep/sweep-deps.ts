/**
 * What one sweep receives. Built once per process by the composition root (the server's
 * scheduler, `npm run sweep`), with `state` kept between sweeps of that process.
 */
import type { Clock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import type { InvoicingLogger, InvoicingMessages } from '../invoicing/invoicing-deps.ts';
import type { Notifier } from '../notifications/create-notifier.ts';
import type { UnreadableRowLog } from '../register/register-deps.ts';

/** What a process remembers from one sweep to the next, to spare requests (never to decide). */
export type SweepState = {
  /** outbox keys seen claimed; an overdue row asks the outbox about its keys once per process */
  readonly claimedKeys: Set<string>;
};

export function createSweepState(): SweepState {
  return { claimedKeys: new Set() };
}

export type SweepDeps = {
  readonly repos: Repositories;
  /** "now" for the sweep; `npm run sweep -- --now` passes the instant asked for */
  readonly clock: Clock;
  /** the förbund's time zone (Europe/Stockholm): working days, the 08:00 send time */
  readonly timeZone: string;
  readonly notifier: Pick<Notifier, 'notify'>;
  readonly messages: InvoicingMessages;
  readonly logger: InvoicingLogger;
  /** rows the repositories skipped as unreadable, for the anomaly report */
  readonly unreadableRows: UnreadableRowLog;
  readonly state: SweepState;
  /**
   * The approval use cases with their cards (bot/cards/approval-messages.ts); absent: the
   * approvals step does nothing (a composition root without a bot to render the cards).
   */
  readonly approvals?: ApprovalDeps;
};
