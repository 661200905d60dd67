/**
 * Teams' limits for proactive sends (research/graph.md §5.4, Microsoft's "Rate limiting for
 * bots" page): per bot per conversation 7 ops in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour;
 * per app per tenant 50 requests a second. A window is any interval of that length.
 */
export type RateWindow = {
  /** most operations allowed in any interval of `windowMs` */
  readonly limit: number;
  readonly windowMs: number;
};

export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];

export const TEAMS_APP_WINDOWS: readonly RateWindow[] = [{ limit: 50, windowMs: 1_000 }];

/**
 * The app limit is for the whole app in a tenant, but each instance paces only its own sends.
 * With `instances` app instances sending at once, each takes an equal share (at least 1).
 */
export function shareOf(windows: readonly RateWindow[], instances: number): RateWindow[] {
  const divisor = Math.max(1, Math.floor(instances));
  return windows.map((window) => ({ ...window, limit: Math.max(1, Math.floor(window.limit / divisor)) }));
}
