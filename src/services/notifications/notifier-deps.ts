import type { Clock } from '../../domain/clock.ts';
import { SendPacer } from '../../domain/notifications/send-pacer.ts';
import type { ConversationRepository } from '../../domain/ports/conversation-repository.ts';
import type { NotificationRepository } from '../../domain/ports/notification-repository.ts';
import type { ProactiveSender } from './proactive-sender.ts';

/** What the notifier logs through; pino's Logger fits. */
export type NotifierLogger = {
  info(payload: object, message: string): void;
  warn(payload: object, message: string): void;
  error(payload: object, message: string): void;
};

export type NotifierSettings = {
  /**
   * How long a row taken for sending is reserved for the instance that took it (its NotBefore
   * is moved this far ahead). Another instance sends it only after the lease has run out, so it
   * must be far longer than one send and its in-process retries.
   */
  readonly leaseMs: number;
  /** no new attempt starts this close to the end of the lease; the row is left for later */
  readonly leaseMarginMs: number;
  /** a row is 'Misslyckad' after this many attempts */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** rows one sendPending run takes at most; the rest wait for the next run */
  readonly batchSize: number;
  /** rows one sendPending run sends at the same time (the pacer still spaces the sends) */
  readonly concurrency: number;
};

export const DEFAULT_NOTIFIER_SETTINGS: NotifierSettings = {
  leaseMs: 120_000,
  leaseMarginMs: 30_000,
  maxAttempts: 8,
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  batchSize: 100,
  concurrency: 8,
};

export type NotifierDeps = {
  readonly notifications: NotificationRepository;
  readonly conversations: ConversationRepository;
  readonly sender: ProactiveSender;
  readonly clock: Clock;
  /** how to wait; default a real timer. Tests pass one that advances a FixedClock. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly logger: NotifierLogger;
  /** names this instance in logs */
  readonly instanceId: string;
  /**
   * The process-wide pacer. When absent, one is made per deps object (createNotifier makes one
   * deps object per process, so it is shared by every use case of that notifier).
   */
  readonly pacer?: SendPacer;
  readonly settings?: Partial<NotifierSettings>;
  /** jitter source in [0, 1); default Math.random */
  readonly random?: () => number;
};

/** NotifierDeps with every default filled in */
export type ResolvedNotifierDeps = Required<Omit<NotifierDeps, 'settings'>> & { readonly settings: NotifierSettings };

const pacers = new WeakMap<NotifierDeps, SendPacer>();

export function resolveDeps(deps: NotifierDeps): ResolvedNotifierDeps {
  let pacer = deps.pacer ?? pacers.get(deps);
  if (pacer === undefined) {
    pacer = new SendPacer(deps.clock);
    pacers.set(deps, pacer);
  }
  return {
    notifications: deps.notifications,
    conversations: deps.conversations,
    sender: deps.sender,
    clock: deps.clock,
    sleep: deps.sleep ?? realSleep,
    logger: deps.logger,
    instanceId: deps.instanceId,
    pacer,
    settings: { ...DEFAULT_NOTIFIER_SETTINGS, ...deps.settings },
    random: deps.random ?? Math.random,
  };
}

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

/**
 * SharePoint keeps date-and-time columns to the second. Round a lease or a retry time up, so it
 * is never shorter; round "now" down when asking what is due, so nothing early is taken.
 */
export function toStoredInstant(epochMs: number, rounding: 'up' | 'down' = 'up'): string {
  const seconds = rounding === 'up' ? Math.ceil(epochMs / 1_000) : Math.floor(epochMs / 1_000);
  return new Date(seconds * 1_000).toISOString().replace('.000Z', 'Z');
}
