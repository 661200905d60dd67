import type { Clock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';

/** What the calendar feed's use cases receive. */
export type CalendarFeedDeps = {
  readonly repos: Pick<
    Repositories,
    'interventions' | 'requisitions' | 'roleAssignments' | 'settings' | 'approvals' | 'votes' | 'meetings' | 'auditLog'
  >;
  readonly clock: Clock;
  readonly timeZone: string;
  /** CALENDAR_FEED_SECRET (or the local one the server keeps in DATA_DIR) */
  readonly secret: string;
};
