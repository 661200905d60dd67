import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
} from '../../../../src/sharepoint/graph/retry-policy.ts';

const NOW = Date.parse('2026-03-02T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['10', 10_000],
    ['0', 0],
    ['2.128', 2128],
    [' 3 ', 3000],
    [new Date(NOW + 4000).toUTCString(), 4000],
    [new Date(NOW - 4000).toUTCString(), 0],
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon', '-5'])('has no delay for %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('stays within half and all of an exponentially growing, capped step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const step = Math.min(BACKOFF_CAP_MS, 1000 * 2 ** (attempt - 1));
          const delay = backoffDelay(attempt, () => r);
          return delay >= step / 2 && delay <= step;
        },
      ),
    );
  });
});

describe('isRetryableStatus', () => {
  it('retries exactly 429, 503 and 504', () => {
    const retryable = Array.from({ length: 500 }, (_, index) => index + 100).filter(isRetryableStatus);
    expect(retryable).toEqual([429, 503, 504]);
  });
});
