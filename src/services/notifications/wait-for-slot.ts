import type { ResolvedNotifierDeps } from './notifier-deps.ts';

/**
 * Waits until the pacer lets a send to this conversation start, and takes that slot. Returns 0
 * once the slot is taken; if the wait would run past `latestStartMs` it waits for nothing and
 * returns the wait, so the caller can leave the work for later instead of overrunning its lease.
 */
export async function waitForSlot(
  deps: ResolvedNotifierDeps,
  conversationKey: string,
  latestStartMs: number,
): Promise<number> {
  for (;;) {
    const wait = deps.pacer.tryAcquire(conversationKey);
    if (wait === 0) {
      return 0;
    }
    if (deps.clock.now().getTime() + wait > latestStartMs) {
      return wait;
    }
    await deps.sleep(wait);
  }
}
