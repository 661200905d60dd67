import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/domain/app-error.ts';
import { createRateLimiter, TooManyRequestsError, throttleWith } from '../../../src/server/api/rate-limiter.ts';

const KARIN = 'user:4dc56134-bb48-5d37-b76d-b9a5c3b155d3';
const MATTIAS = 'user:488a44b4-dae5-5fae-b389-9d95b445f34b';

/** a clock the test moves by hand */
function manualClock(start = 1_800_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let at = start;
  return { now: () => at, advance: (ms) => (at += ms) };
}

function takeMany(limiter: { take(key: string): { allowed: boolean } }, key: string, times: number): boolean[] {
  return Array.from({ length: times }, () => limiter.take(key).allowed);
}

describe('the per-caller token bucket', () => {
  it('lets a burst of 30 through at once and refuses the 31st, saying when to come back', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perMinute: 120, burst: 30, now: clock.now });
    expect(takeMany(limiter, KARIN, 30).every(Boolean)).toBe(true);
    // 120 a minute is one token every half second: the 31st waits one second, rounded up
    expect(limiter.take(KARIN)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the per-minute rate and never above the burst', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perMinute: 6, burst: 3, now: clock.now });
    takeMany(limiter, KARIN, 3);
    const refused = limiter.take(KARIN);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 });
    clock.advance(9_999);
    expect(limiter.take(KARIN).allowed).toBe(false);
    clock.advance(1);
    expect(limiter.take(KARIN).allowed).toBe(true);
    expect(limiter.take(KARIN).allowed).toBe(false);
    // an hour of silence fills the bucket to the burst, not to 360
    clock.advance(3_600_000);
    expect(takeMany(limiter, KARIN, 4)).toEqual([true, true, true, false]);
  });

  it('keeps callers apart: one caller over the limit does not slow another', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perMinute: 1, burst: 2, now: clock.now });
    expect(takeMany(limiter, KARIN, 3)).toEqual([true, true, false]);
    expect(takeMany(limiter, MATTIAS, 2)).toEqual([true, true]);
    expect(limiter.take('ip:192.0.2.7').allowed).toBe(true);
  });

  it('forgets callers whose bucket has refilled, so idle callers take no memory', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 5, now: clock.now });
    for (let i = 0; i < 100; i += 1) {
      limiter.take(`ip:10.0.0.${i}`);
    }
    expect(limiter.size()).toBe(100);
    clock.advance(1_000); // each bucket has one token back: full again
    limiter.take(KARIN);
    expect(limiter.size()).toBe(1);
  });

  it('holds at most maxBuckets, dropping the least recently used, under a flood of new callers', () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ perMinute: 1, burst: 2, now: clock.now, maxBuckets: 50 });
    takeMany(limiter, KARIN, 2);
    for (let i = 0; i < 1_000; i += 1) {
      limiter.take(`ip:10.0.${Math.floor(i / 256)}.${i % 256}`);
      expect(limiter.size()).toBeLessThanOrEqual(50);
    }
    // Karin's empty bucket was the oldest and was dropped: she starts afresh rather than growing memory
    expect(limiter.take(KARIN).allowed).toBe(true);
  });

  it('answers a refused call as a 429 THROTTLED AppError with a Swedish message naming the wait', () => {
    const clock = manualClock();
    const throttle = throttleWith(createRateLimiter({ perMinute: 2, burst: 1, now: clock.now }));
    throttle(KARIN);
    let refusal: unknown;
    try {
      throttle(KARIN);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(TooManyRequestsError);
    expect(isAppError(refusal)).toBe(true);
    const error = refusal as TooManyRequestsError;
    expect(error.httpStatus).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
    expect(error.toJSON()).toEqual({
      code: 'THROTTLED',
      message: 'För många anrop – vänta 30 sekunder och försök igen.',
    });
  });
});
