/**
 * Runs sendPending on an interval. The composition root starts it after boot and stops it on
 * shutdown; a failed run is logged and the next one tries again.
 */
import type { Notifier } from './create-notifier.ts';
import type { NotifierLogger } from './notifier-deps.ts';

export type OutboxPoller = { stop(): void };

export function startOutboxPoller(
  notifier: Notifier,
  options: { intervalMs: number; logger: NotifierLogger },
): OutboxPoller {
  const run = (): void => {
    notifier.sendPending().then(
      (report) => {
        if (report.due > 0) {
          options.logger.info({ report }, 'outbox run');
        }
      },
      (error: unknown) => options.logger.error({ err: error }, 'outbox run failed'),
    );
  };
  const timer = setInterval(run, options.intervalMs);
  // the poller alone must not keep the process alive
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
