import type { UnreadableRow } from '../../domain/anomalies/anomaly.ts';
import type { Clock } from '../../domain/clock.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';

/** Rows the repositories skipped as unreadable since `clear()` (fed by onInvalidRow). */
export interface UnreadableRowLog {
  clear(): void;
  list(): readonly UnreadableRow[];
}

/** What every use case of the insats register receives. */
export type RegisterDeps = {
  readonly repos: Repositories;
  readonly clock: Clock;
  /** the förbund's time zone: "today" and the diarienummer's year are Swedish ones */
  readonly timeZone: string;
  readonly unreadableRows: UnreadableRowLog;
};
