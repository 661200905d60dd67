/**
 * When to retry a Graph request and how long to wait (research/graph.md §3.8): 429, 503 and 504,
 * waiting exactly what `Retry-After` says (seconds or an HTTP date), else an exponential backoff
 * with jitter. Shared by the retry middleware and by $batch, whose inner responses the
 * middleware never sees.
 */
import type { GraphLogger } from './graph-logger.ts';

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** The first backoff step; later steps double it. */
export const BACKOFF_BASE_MS = 1_000;
/** Backoff without Retry-After never waits longer than this. */
export const BACKOFF_CAP_MS = 60_000;

/**
 * Milliseconds to wait from a Retry-After value, or undefined when the header is absent or
 * unreadable (then the caller backs off). A date in the past means "now".
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    // Graph has sent fractional seconds (`2.128`); wait the whole of it.
    return Math.ceil(Number(trimmed) * 1000);
  }
  // An HTTP date names its weekday and month; Date.parse alone would take "-5" for a year.
  const at = /[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so that many
 * clients throttled at once do not come back in the same millisecond. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

export function retryDelay(
  retryAfter: string | null | undefined,
  attempt: number,
  clock: { now: () => number; random: () => number },
): number {
  return parseRetryAfter(retryAfter, clock.now()) ?? backoffDelay(attempt, clock.random);
}

/** How the retry middleware and the batch retrier wait: injectable so tests never sleep. */
export type RetryOptions = {
  readonly maxRetries: number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly logger: GraphLogger;
  /** a Retry-After beyond this is not waited for: the request fails as THROTTLED at once */
  readonly maxDelayMs: number;
  readonly now: () => number;
  readonly random: () => number;
};
