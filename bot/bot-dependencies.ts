import type { Clock } from '../src/domain/clock.ts';
import type { Repositories } from '../src/domain/ports/repositories.ts';
import type { ApprovalDeps } from '../src/services/approvals/approval-deps.ts';
import type { CalendarFeedDeps } from '../src/services/calendar-feed/calendar-feed-deps.ts';
import type { InvoicingDeps } from '../src/services/invoicing/invoicing-deps.ts';

/** What the bot logs through (pino's Logger fits). */
export type BotLog = {
  error(payload: object, message: string): void;
  warn(payload: object, message: string): void;
  info(payload: object, message: string): void;
};

/** Everything the bot needs, passed in by the composition root (src/server/boot-app.ts). */
export type BotDependencies = {
  readonly repositories: Repositories;
  readonly clock: Clock;
  /** 'dev' enables `agera som`; 'entra' (production) has no such command */
  readonly authMode: 'dev' | 'entra';
  /** the förbund's time zone: "today" for deadlines is a Swedish day */
  readonly timeZone: string;
  readonly logger: BotLog;
  /** the requisition cards' use cases: registration, the workflow steps, the inbox */
  readonly invoicing: InvoicingDeps;
  /** the approval cards' use cases: show, vote, start, `att besluta`, delegationsbeslut */
  readonly approvals: ApprovalDeps;
  /** the personal calendar feed; `publicBaseUrl()` is the app's address for the link */
  readonly calendar?: { readonly feed: CalendarFeedDeps; readonly publicBaseUrl: () => string };
  /** files sent to the bot (a signed agreement): plain http downloads only outside production */
  readonly files?: { readonly allowHttp: boolean };
};
