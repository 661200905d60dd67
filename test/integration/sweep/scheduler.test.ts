/**
 * The sweep scheduler on real timers (croner), every second instead of every minute so the test
 * is short: no overlapping sweeps in one process, a failure logged and the schedule going on,
 * stop() waiting for a sweep under way, and each problem logged once rather than every run.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/env.ts';
import { type SchedulerLogger, startSweepScheduler } from '../../../src/server/scheduler.ts';
import type { SweepReport } from '../../../src/services/sweep/run-sweep.ts';

const EVERY_SECOND = '* * * * * *';

type Logged = { level: 'info' | 'warn' | 'error'; payload: object; message: string };

function recordingLogger(): SchedulerLogger & { lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    info: (payload, message) => lines.push({ level: 'info', payload, message }),
    warn: (payload, message) => lines.push({ level: 'warn', payload, message }),
    error: (payload, message) => lines.push({ level: 'error', payload, message }),
  };
}

function report(problems: string[] = [], lines: string[] = []): SweepReport {
  return {
    now: new Date().toISOString(),
    today: '2027-04-16',
    durationMs: 1,
    settingsProblems: [],
    steps: [{ name: 'Påminnelser', ok: true, durationMs: 1, counts: {}, lines, problems, error: null }],
    anomalies: null,
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the sweep scheduler', () => {
  it('never runs two sweeps at once in one process: a minute still busy is skipped', async () => {
    const logger = recordingLogger();
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const scheduler = startSweepScheduler({
      pattern: EVERY_SECOND,
      timeZone: 'Europe/Stockholm',
      logger,
      sweep: async () => {
        running += 1;
        runs += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await wait(1_600);
        running -= 1;
        return report();
      },
    });
    await wait(3_800);
    await scheduler.stop();

    expect(runs).toBeGreaterThanOrEqual(1);
    expect(mostAtOnce).toBe(1);
    expect(logger.lines.some((line) => line.message.includes('still running'))).toBe(true);
  }, 10_000);

  it('sweeps once at start when asked, without waiting for the next minute, and never twice at once', async () => {
    const logger = recordingLogger();
    let runs = 0;
    let running = 0;
    let mostAtOnce = 0;
    const scheduler = startSweepScheduler({
      // a pattern that would not fire during the test: only the start run can happen
      pattern: '0 0 1 1 *',
      timeZone: 'Europe/Stockholm',
      logger,
      runAtStart: true,
      sweep: async () => {
        running += 1;
        runs += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await wait(200);
        running -= 1;
        return report();
      },
    });
    await wait(50);
    expect(runs).toBe(1);
    await scheduler.stop();
    expect(running).toBe(0);
    expect(mostAtOnce).toBe(1);

    const quiet = startSweepScheduler({
      pattern: '0 0 1 1 *',
      timeZone: 'Europe/Stockholm',
      logger,
      sweep: async () => {
        runs += 1;
        return report();
      },
    });
    await wait(50);
    await quiet.stop();
    expect(runs).toBe(1);
  });

  it('logs a failed sweep and runs the next one; stop() waits for the sweep under way', async () => {
    const logger = recordingLogger();
    let calls = 0;
    let finished = 0;
    const scheduler = startSweepScheduler({
      pattern: EVERY_SECOND,
      timeZone: 'Europe/Stockholm',
      logger,
      sweep: async () => {
        calls += 1;
        if (calls === 1) {
          throw new Error('Graph is down');
        }
        await wait(400);
        finished += 1;
        return report();
      },
    });
    while (calls < 2) {
      await wait(50);
    }
    await scheduler.stop();

    expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1);
    expect(finished).toBe(calls - 1); // the second sweep had finished when stop() returned
    expect(scheduler.nextRun()).toBeNull();
  }, 10_000);

  it('logs what a sweep did, and a problem once when it appears, not every run', async () => {
    const logger = recordingLogger();
    let calls = 0;
    const scheduler = startSweepScheduler({
      pattern: EVERY_SECOND,
      timeZone: 'Europe/Stockholm',
      logger,
      sweep: async () => {
        calls += 1;
        return calls === 1
          ? report(['NOVA har ingen projektledare'], ['Påminnelse om NOVA-2027-Q1 skickad till Emma Ström'])
          : report(['NOVA har ingen projektledare']);
      },
    });
    while (calls < 3) {
      await wait(50);
    }
    await scheduler.stop();

    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(logger.lines.filter((line) => line.level === 'info')).toHaveLength(1);
  }, 10_000);
});

describe('SWEEP_SCHEDULE', () => {
  it('is on unless turned off, and refuses anything but on or off', () => {
    expect(loadConfig({}).sweepSchedule).toBe(true);
    expect(loadConfig({ SWEEP_SCHEDULE: 'off' }).sweepSchedule).toBe(false);
    expect(() => loadConfig({ SWEEP_SCHEDULE: 'nej' })).toThrow(ConfigError);
  });
});
