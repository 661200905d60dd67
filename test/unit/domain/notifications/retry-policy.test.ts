import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  decideAfterFailure,
} from '../../../../src/domain/notifications/retry-policy.ts';

const half = () => 0.5;

describe('decideAfterFailure', () => {
  it('waits exactly the Retry-After of a 429', () => {
    expect(decideAfterFailure({ status: 429, retryAfterMs: 2_500 }, 1, half)).toEqual({
      kind: 'retry',
      delayMs: 2_500,
      throttled: true,
    });
  });

  it('backs off on a 429 without Retry-After', () => {
    expect(decideAfterFailure({ status: 429 }, 2, half)).toEqual({ kind: 'retry', delayMs: 1_500, throttled: true });
  });

  it.each([412, 502, 503, 504, 408, 0])('retries %i with exponential backoff and jitter', (status) => {
    const delays = [1, 2, 3, 4].map((attempts) => decideAfterFailure({ status }, attempts, half));
    expect(delays.map((decision) => (decision.kind === 'retry' ? decision.delayMs : -1))).toEqual([
      750, 1_500, 3_000, 6_000,
    ]);
  });

  it('honours a Retry-After on 503 as well', () => {
    expect(decideAfterFailure({ status: 503, retryAfterMs: 4_000 }, 1, half)).toMatchObject({ delayMs: 4_000 });
  });

  it.each([400, 401, 413, 500])('does not retry %i', (status) => {
    expect(decideAfterFailure({ status }, 1, half)).toEqual({
      kind: 'give-up',
      reason: 'permanent',
      conversationGone: false,
    });
  });

  it.each([403, 404])('gives up on %i and says the conversation is gone', (status) => {
    expect(decideAfterFailure({ status }, 1, half)).toEqual({
      kind: 'give-up',
      reason: 'permanent',
      conversationGone: true,
    });
  });

  it('gives up once the attempts are used up', () => {
    expect(decideAfterFailure({ status: 503 }, DEFAULT_RETRY_POLICY.maxAttempts, half)).toEqual({
      kind: 'give-up',
      reason: 'attempts',
      conversationGone: false,
    });
  });
});

describe('backoffDelay', () => {
  it('grows by doubling, is capped, and keeps half of each step fixed', () => {
    const settings = { maxAttempts: 20, baseDelayMs: 1_000, maxDelayMs: 8_000 };
    expect(backoffDelay(1, () => 0, settings)).toBe(500);
    expect(backoffDelay(1, () => 0.999_999, settings)).toBe(1_000);
    expect(backoffDelay(10, () => 0, settings)).toBe(4_000);
    expect(backoffDelay(10, () => 1, settings)).toBe(8_000);
  });
});
