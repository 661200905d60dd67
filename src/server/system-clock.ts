import type { Clock } from '../domain/clock.ts';

/** The real clock, used only by the composition root. */
export const systemClock: Clock = { now: () => new Date() };
