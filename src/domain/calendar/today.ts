import type { Clock } from '../clock.ts';
import { formatDate } from '../format.ts';

/** today's calendar date (`YYYY-MM-DD`) where the förbund is: deadlines are Swedish days, not UTC ones */
export function todayIn(clock: Clock, timeZone: string): string {
  return formatDate(clock.now(), timeZone);
}
