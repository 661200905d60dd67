/**
 * Per-caller rate limiting of the tab's API: a token bucket per key (an Entra object id, or a
 * client address before identity), in memory. Pure: the clock is injected, nothing else is read.
 *
 * A bucket holds at most `burst` tokens and refills at `perMinute` tokens a minute; a call takes
 * one. A bucket that has refilled to full is indistinguishable from a new one, so it is dropped:
 * memory holds only callers active within the last `burst / perMinute` minutes, and a hard cap
 * (`maxBuckets`) drops the least recently used beyond that, so a flood of new keys cannot grow it.
 *
 * In memory per process: with several App Service instances each counts on its own, which is
 * fine for a limit meant to stop a runaway client, not to meter anyone exactly.
 */
import { AppError } from '../../domain/app-error.ts';

export type RateLimitSettings = {
  /** sustained calls a minute per caller */
  readonly perMinute: number;
  /** calls a caller may make at once before the sustained rate applies */
  readonly burst: number;
};

export type RateLimiterOptions = RateLimitSettings & {
  /** milliseconds since the epoch (injected so tests control time) */
  readonly now: () => number;
  /** most buckets kept at once (default 10 000) */
  readonly maxBuckets?: number;
};

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export type RateLimiter = {
  /** takes one token from the key's bucket, or says how long until one is there */
  take(key: string): RateDecision;
  /** how many buckets are held (for tests and diagnostics) */
  size(): number;
};

type Bucket = { tokens: number; at: number };

const DEFAULT_MAX_BUCKETS = 10_000;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { burst, now } = options;
  const perMs = options.perMinute / 60_000;
  const maxBuckets = options.maxBuckets ?? DEFAULT_MAX_BUCKETS;
  // a Map keeps insertion order; a touched bucket is re-inserted, so the first is the least recently used
  const buckets = new Map<string, Bucket>();
  let lastSweep = now();

  const refilled = (bucket: Bucket, at: number): number =>
    Math.min(burst, bucket.tokens + Math.max(0, at - bucket.at) * perMs);

  /** drops buckets that are full again: they remember nothing a new bucket would not */
  function evictIdle(at: number): void {
    for (const [key, bucket] of buckets) {
      if (refilled(bucket, at) >= burst) {
        buckets.delete(key);
      }
    }
    lastSweep = at;
  }

  return {
    take(key) {
      const at = now();
      // a full sweep at most once per refill period of one token, so a flood costs O(1) a call
      if (at - lastSweep >= 1 / perMs) {
        evictIdle(at);
      }
      // at the cap a new caller pushes out the least recently seen one (it is forgiven, not grown)
      if (!buckets.has(key) && buckets.size >= maxBuckets) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) {
          buckets.delete(oldest);
        }
      }
      const existing = buckets.get(key);
      const tokens = existing === undefined ? burst : refilled(existing, at);
      buckets.delete(key);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, at });
        return { allowed: true };
      }
      buckets.set(key, { tokens, at });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    },
    size: () => buckets.size,
  };
}

/**
 * The answer to a caller over the limit: 429 with `Retry-After` (sendError sets the header) and
 * the usual `{ error: { code: 'THROTTLED', message } }`. A subclass because THROTTLED otherwise
 * means that Graph throttled us (503); here it is the caller who must wait.
 */
export class TooManyRequestsError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(key: string, retryAfterSeconds: number) {
    super('THROTTLED', `rate limit reached for ${key}`, {
      userMessage: `För många anrop – vänta ${retryAfterSeconds} sekunder och försök igen.`,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }

  override get httpStatus(): number {
    return 429;
  }
}

/** a limiter as identity uses it: throws TooManyRequestsError when the key is over its limit */
export type ApiThrottle = (key: string) => void;

export function throttleWith(limiter: RateLimiter): ApiThrottle {
  return (key) => {
    const decision = limiter.take(key);
    if (!decision.allowed) {
      throw new TooManyRequestsError(key, decision.retryAfterSeconds);
    }
  };
}
