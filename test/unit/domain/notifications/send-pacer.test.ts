import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../../src/domain/clock.ts';
import { SendPacer } from '../../../../src/domain/notifications/send-pacer.ts';
import { type RateWindow, shareOf } from '../../../../src/domain/notifications/teams-rate-limits.ts';

const T0 = Date.parse('2027-04-23T06:00:00Z');

/** sends `count` times to one conversation as fast as the pacer allows; returns the send offsets */
function drain(pacer: SendPacer, clock: FixedClock, key: string, count: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    const wait = pacer.tryAcquire(key);
    if (wait === 0) {
      times.push(clock.now().getTime() - T0);
    } else {
      clock.advance(wait);
    }
  }
  return times;
}

/** the largest number of times in any half-open interval [a, a + windowMs) */
function busiest(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) {
      start += 1;
    }
    most = Math.max(most, end - start + 1);
  }
  return most;
}

describe('SendPacer', () => {
  it('lets 7 sends to a conversation through at once and holds the 8th until the first leaves the 1 s window', () => {
    const clock = new FixedClock(new Date(T0));
    const pacer = new SendPacer(clock);
    expect(drain(pacer, clock, 'a', 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(pacer.waitFor('a')).toBe(1_000);
    expect(pacer.waitFor('b')).toBe(0);
  });

  it('keeps to 8 in 2 s after the first second', () => {
    const clock = new FixedClock(new Date(T0));
    const pacer = new SendPacer(clock);
    // 7 at 0 ms, the 8th at 1000 ms; the 9th must wait for the 2 s window (2000 ms)
    expect(drain(pacer, clock, 'a', 9)).toEqual([0, 0, 0, 0, 0, 0, 0, 1_000, 2_000]);
  });

  it('keeps to 60 in 30 s over a long burst', () => {
    const clock = new FixedClock(new Date(T0));
    const pacer = new SendPacer(clock);
    const times = drain(pacer, clock, 'a', 61);
    expect(busiest(times, 30_000)).toBe(60);
    expect(times[60]).toBeGreaterThanOrEqual(30_000);
  });

  it('holds a paused conversation until the pause is over, and only that one', () => {
    const clock = new FixedClock(new Date(T0));
    const pacer = new SendPacer(clock);
    pacer.pause('a', T0 + 3_000);
    expect(pacer.tryAcquire('a')).toBe(3_000);
    expect(pacer.tryAcquire('b')).toBe(0);
    clock.advance(3_000);
    expect(pacer.tryAcquire('a')).toBe(0);
  });

  it('shares the app limit between conversations, split between instances', () => {
    const clock = new FixedClock(new Date(T0));
    const pacer = new SendPacer(clock, { instances: 2 });
    for (let index = 0; index < 25; index += 1) {
      expect(pacer.tryAcquire(`c${index}`)).toBe(0);
    }
    expect(pacer.tryAcquire('c-next')).toBe(1_000);
    expect(shareOf([{ limit: 50, windowMs: 1_000 }], 3)).toEqual([{ limit: 16, windowMs: 1_000 }]);
    expect(shareOf([{ limit: 1, windowMs: 1_000 }], 4)).toEqual([{ limit: 1, windowMs: 1_000 }]);
  });

  it('never places a send before one already recorded when the clock steps back', () => {
    const clock = new FixedClock(new Date(T0 + 5_000));
    const pacer = new SendPacer(clock);
    expect(pacer.tryAcquire('a')).toBe(0);
    clock.set(new Date(T0));
    expect(pacer.waitFor('a')).toBe(5_000);
  });
});

type Request = { readonly conversation: number; readonly at: number };

/**
 * Event-driven simulation on a FixedClock: each request arrives at its time and tries until the
 * pacer lets it send; the clock jumps to the next arrival or the next time a waiter may go.
 */
function simulate(requests: readonly Request[], appWindows?: readonly RateWindow[]): Map<number, number[]> {
  const clock = new FixedClock(new Date(T0));
  const pacer = new SendPacer(clock, appWindows === undefined ? {} : { appWindows });
  const pending = [...requests].sort((a, b) => a.at - b.at);
  const sends = new Map<number, number[]>();
  let rounds = 0;
  while (pending.length > 0) {
    rounds += 1;
    if (rounds > 100_000) {
      throw new Error('the pacer never let every request through');
    }
    const now = clock.now().getTime() - T0;
    let nextEvent = Number.POSITIVE_INFINITY;
    for (let index = 0; index < pending.length; ) {
      const request = pending[index] as Request;
      if (request.at > now) {
        nextEvent = Math.min(nextEvent, request.at);
        index += 1;
        continue;
      }
      const wait = pacer.tryAcquire(`conversation-${request.conversation}`);
      if (wait === 0) {
        sends.set(request.conversation, [...(sends.get(request.conversation) ?? []), now]);
        pending.splice(index, 1);
      } else {
        nextEvent = Math.min(nextEvent, now + wait);
        index += 1;
      }
    }
    if (pending.length > 0) {
      clock.set(new Date(T0 + nextEvent));
    }
  }
  return sends;
}

describe('SendPacer (property)', () => {
  const requests = (conversations: number, maxAt: number, maxLength: number) =>
    fc.array(
      fc.record({
        conversation: fc.integer({ min: 0, max: conversations - 1 }),
        at: fc.integer({ min: 0, max: maxAt }),
      }),
      // size 'max': without it fast-check keeps arrays short and bursts never form
      { maxLength, size: 'max' },
    );

  it('never sends more than 7 to one conversation in any 1 s, 8 in any 2 s or 60 in any 30 s, and sends everything', () => {
    fc.assert(
      fc.property(requests(3, 20_000, 300), (batch) => {
        const sends = simulate(batch);
        const total = [...sends.values()].reduce((sum, times) => sum + times.length, 0);
        expect(total).toBe(batch.length);
        for (const times of sends.values()) {
          expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
          expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
          expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every conversation within 60 in 30 s under a burst to one conversation', () => {
    fc.assert(
      fc.property(requests(1, 5_000, 200), (batch) => {
        const times = simulate(batch).get(0) ?? [];
        expect(times).toHaveLength(batch.length);
        expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
        expect(busiest(times, 30_000)).toBeLessThanOrEqual(60);
      }),
      { numRuns: 50 },
    );
  });

  it('never exceeds the app-wide limit across conversations', () => {
    const appWindows = [{ limit: 5, windowMs: 1_000 }];
    fc.assert(
      fc.property(requests(20, 3_000, 150), (batch) => {
        const all = [...simulate(batch, appWindows).values()].flat();
        expect(all).toHaveLength(batch.length);
        expect(busiest(all, 1_000)).toBeLessThanOrEqual(5);
      }),
      { numRuns: 100 },
    );
  });
});
