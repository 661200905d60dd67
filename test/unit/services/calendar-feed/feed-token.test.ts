import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedToken, isValidFeedToken } from '../../../../src/services/calendar-feed/feed-token.ts';

const SECRET = 's'.repeat(40);
const EMMA = '177b73fb-9471-586a-8734-7a3f7a305478';

describe('calendar feed tokens', () => {
  it('accept the token made for the person and version, case of the id aside', () => {
    const token = feedToken(SECRET, EMMA, 3);
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(isValidFeedToken(SECRET, EMMA.toUpperCase(), 3, token)).toBe(true);
  });

  it('refuse another version, another person and another secret', () => {
    const token = feedToken(SECRET, EMMA, 3);
    expect(isValidFeedToken(SECRET, EMMA, 4, token)).toBe(false);
    expect(isValidFeedToken(SECRET, '488a44b4-dae5-5fae-b389-9d95b445f34b', 3, token)).toBe(false);
    expect(isValidFeedToken('t'.repeat(40), EMMA, 3, token)).toBe(false);
  });

  it('refuse every other string', () => {
    const token = feedToken(SECRET, EMMA, 1);
    fc.assert(
      fc.property(fc.string({ maxLength: 64 }), (guess) => {
        fc.pre(guess !== token);
        expect(isValidFeedToken(SECRET, EMMA, 1, guess)).toBe(false);
      }),
    );
  });
});
