/**
 * The time source of the domain and the services. Nothing in src/domain or src/services calls
 * Date.now() or new Date() for "now": they take a Clock, so tests (and `npm run sweep -- --now`)
 * decide what time it is.
 */
export interface Clock {
  now(): Date;
}

/**
 * "Now" as SharePoint stores a date-and-time column: an ISO instant to the second
 * (`2027-04-16T07:30:00Z`), so what is written reads back the same.
 */
export function nowToTheSecond(clock: Clock): string {
  return clock
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A clock stuck at one instant (tests, one-off sweeps); `advance` moves it. */
export class FixedClock implements Clock {
  private current: Date;

  constructor(instant: Date | string) {
    this.current = new Date(instant);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
}
