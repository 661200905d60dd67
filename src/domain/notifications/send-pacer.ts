import type { Clock } from '../clock.ts';
import { type RateWindow, shareOf, TEAMS_APP_WINDOWS, TEAMS_CONVERSATION_WINDOWS } from './teams-rate-limits.ts';

export type SendPacerOptions = {
  readonly conversationWindows?: readonly RateWindow[];
  readonly appWindows?: readonly RateWindow[];
  /** how many app instances share the app-wide budget (default 1: this instance has it all) */
  readonly instances?: number;
};

/**
 * Paces Teams sends so that they stay inside the per-conversation and per-app windows, and
 * holds a conversation back after a 429 until its Retry-After has passed.
 *
 * It records sends when they start, at the clock's "now", so every recorded send lies in the
 * past; then a new send at t is allowed in a window of length W with limit L exactly when the
 * L-th most recent send is at or before t − W. `tryAcquire` checks and records with no await in
 * between, so concurrent callers in one process cannot both take the last slot.
 *
 * One pacer per process: several instances each pace their own sends (see `instances`).
 */
export class SendPacer {
  private readonly clock: Clock;
  private readonly conversationWindows: readonly RateWindow[];
  private readonly appWindows: readonly RateWindow[];
  private readonly conversationHorizonMs: number;
  private readonly appHorizonMs: number;
  private readonly byConversation = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  private appSends: number[] = [];
  private latest = Number.NEGATIVE_INFINITY;

  constructor(clock: Clock, options: SendPacerOptions = {}) {
    this.clock = clock;
    this.conversationWindows = options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS;
    this.appWindows = shareOf(options.appWindows ?? TEAMS_APP_WINDOWS, options.instances ?? 1);
    this.conversationHorizonMs = longest(this.conversationWindows);
    this.appHorizonMs = longest(this.appWindows);
  }

  /** milliseconds until a send to this conversation may start; 0 means now */
  waitFor(conversationKey: string): number {
    const now = this.clock.now().getTime();
    return this.earliestStart(conversationKey, now) - now;
  }

  /** records a send starting now if allowed (returns 0), else returns how long to wait first */
  tryAcquire(conversationKey: string): number {
    const now = this.clock.now().getTime();
    const wait = this.earliestStart(conversationKey, now) - now;
    if (wait > 0) {
      return wait;
    }
    this.prune(now);
    const sends = this.byConversation.get(conversationKey) ?? [];
    sends.push(now);
    this.byConversation.set(conversationKey, sends);
    this.appSends.push(now);
    this.latest = Math.max(this.latest, now);
    return 0;
  }

  /** after a 429: no send to this conversation before `untilMs` (epoch ms) */
  pause(conversationKey: string, untilMs: number): void {
    this.pausedUntil.set(conversationKey, Math.max(untilMs, this.pausedUntil.get(conversationKey) ?? 0));
  }

  private earliestStart(conversationKey: string, now: number): number {
    // a clock that stepped back must not let a send land before one already recorded
    let start = Math.max(now, this.latest, this.pausedUntil.get(conversationKey) ?? Number.NEGATIVE_INFINITY);
    start = Math.max(start, earliestIn(this.byConversation.get(conversationKey) ?? [], this.conversationWindows));
    return Math.max(start, earliestIn(this.appSends, this.appWindows));
  }

  /** forgets sends older than the longest window and pauses that are over */
  private prune(now: number): void {
    const cutoff = now - this.conversationHorizonMs;
    for (const [key, sends] of this.byConversation) {
      const kept = sends.filter((at) => at > cutoff);
      if (kept.length === 0) {
        this.byConversation.delete(key);
      } else {
        this.byConversation.set(key, kept);
      }
    }
    this.appSends = this.appSends.filter((at) => at > now - this.appHorizonMs);
    for (const [key, until] of this.pausedUntil) {
      if (until <= now) {
        this.pausedUntil.delete(key);
      }
    }
  }
}

/** the first instant a new send fits every window, given earlier sends in ascending order */
function earliestIn(sends: readonly number[], windows: readonly RateWindow[]): number {
  let earliest = Number.NEGATIVE_INFINITY;
  for (const window of windows) {
    const lth = sends[sends.length - window.limit];
    if (lth !== undefined) {
      earliest = Math.max(earliest, lth + window.windowMs);
    }
  }
  return earliest;
}

function longest(windows: readonly RateWindow[]): number {
  return Math.max(0, ...windows.map((window) => window.windowMs));
}
