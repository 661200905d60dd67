/**
 * Runs the sweep on a schedule (every minute by default) with croner, in the förbund's time zone.
 *
 * - `protect`: a sweep still running when the next minute comes is not joined by a second one in
 *   this process; that minute is skipped and logged.
 * - A failed sweep is logged and the schedule goes on; nothing here can crash the process.
 * - Several instances (App Service scale-out) each run their own schedule. That is safe because
 *   every write of the sweep is idempotent (unique PeriodKey, unique Notifications.Key, eTags).
 * - `stop()` ends the schedule and waits for a sweep under way, so closing the server never
 *   pulls the local SharePoint from under a running sweep.
 *
 * The log says what changed, and each problem once when it appears rather than every minute.
 * Every line of one run carries the run's `sweepId`.
 */
import { randomUUID } from 'node:crypto';
import { Cron } from 'croner';
import type { SweepReport } from '../services/sweep/run-sweep.ts';
import { withLogContext } from './logger.ts';

export type SchedulerLogger = {
  info(payload: object, message: string): void;
  warn(payload: object, message: string): void;
  error(payload: object, message: string): void;
};

export type SweepSchedulerOptions = {
  readonly sweep: () => Promise<SweepReport>;
  readonly timeZone: string;
  readonly logger: SchedulerLogger;
  /** cron pattern; default every minute at second 0 */
  readonly pattern?: string;
  /**
   * also sweep once right away, not only at the next minute: a förbund opening the tab just after
   * `npm start` (or after a deploy) sees this quarter's invoice deadlines at once
   */
  readonly runAtStart?: boolean;
};

export type SweepScheduler = {
  /** when the next sweep starts; null once stopped */
  nextRun(): Date | null;
  stop(): Promise<void>;
};

export const EVERY_MINUTE = '* * * * *';

export function startSweepScheduler(options: SweepSchedulerOptions): SweepScheduler {
  const { logger } = options;
  let running: Promise<void> | null = null;
  let problemsLastRun = new Set<string>();

  const runOnce = async (): Promise<void> => {
    try {
      const report = await options.sweep();
      problemsLastRun = logReport(logger, report, problemsLastRun);
    } catch (error) {
      logger.error({ err: error }, 'the sweep failed; the next one runs as scheduled');
    }
  };

  const job = new Cron(
    options.pattern ?? EVERY_MINUTE,
    {
      timezone: options.timeZone,
      protect: () => logger.warn({}, 'the previous sweep is still running; this one is skipped'),
      // runOnce catches everything; this is the last line should croner itself throw
      catch: (error: unknown) => logger.error({ err: error }, 'the sweep scheduler caught an error'),
    },
    () => {
      // every line of one run, down to the Graph client's, carries its sweepId (logger.ts)
      running = withLogContext({ sweepId: randomUUID() }, runOnce).finally(() => {
        running = null;
      });
      return running;
    },
  );

  if (options.runAtStart === true) {
    // trigger() goes through the same protect/catch as a scheduled run
    void job.trigger();
  }

  return {
    nextRun: () => job.nextRun(),
    stop: async () => {
      job.stop();
      await running;
    },
  };
}

function logReport(logger: SchedulerLogger, report: SweepReport, seenBefore: ReadonlySet<string>): Set<string> {
  const lines = report.steps.flatMap((step) => step.lines);
  const counts = Object.fromEntries(report.steps.map((step) => [step.name, step.counts]));
  if (lines.length > 0) {
    logger.info({ now: report.now, durationMs: report.durationMs, counts, lines }, 'sweep');
  }
  const problems = [
    ...report.settingsProblems,
    ...report.steps.flatMap((step) => [
      ...(step.error === null ? [] : [`${step.name}: ${step.error}`]),
      ...step.problems,
    ]),
  ];
  const fresh = problems.filter((problem) => !seenBefore.has(problem));
  if (fresh.length > 0) {
    logger.warn({ now: report.now, problems: fresh }, 'sweep: something to look at');
  }
  return new Set(problems);
}
