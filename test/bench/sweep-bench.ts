/**
 * The sweep over 100, 1 000 and 10 000 running insatser on a fresh local SharePoint each: the
 * first sweep (which creates every Requisitions row and sends the reminders due) and a steady
 * sweep a minute later — wall time, Graph requests (a $batch envelope counts once) and Graph
 * operations from the emulator's request log, and the reminders sent.
 *
 * The data: each insats runs two quarters, starting 0–24 quarters after Q1 2027, so one insats in
 * 25 has a row due on the bench day (T-10 for Q1 2027, 16 April 2027 08:00 Stockholm): about 2 %
 * of all rows. Each of those has a projektledare of its own with a chat with the bot; the Teams
 * sender answers at once, so the time is the sweep's and SharePoint's, paced by Teams' 50 sends
 * a second per app. The steady sweep's requests should stay flat as the register grows: it reads
 * the settings, the register (2 000 insatser a page) and the due rows, and nothing per insats. A
 * third sweep a week later (T-5) has a new reminder for every due row: its requests grow with
 * those rows (about seven per reminder: the outbox check, the card's reads, the claim, the send).
 */
import { FixedClock } from '../../src/domain/clock.ts';
import type { NewIntervention } from '../../src/domain/entities/intervention.ts';
import type { Repositories } from '../../src/domain/ports/repositories.ts';
import type { InvoicingMessages } from '../../src/services/invoicing/invoicing-deps.ts';
import { createNotifier } from '../../src/services/notifications/create-notifier.ts';
import type { ProactiveSender } from '../../src/services/notifications/proactive-sender.ts';
import { countOf, runSweep, type SweepReport } from '../../src/services/sweep/run-sweep.ts';
import { createSweepState } from '../../src/services/sweep/sweep-deps.ts';
import { provisionSchema } from '../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../src/sharepoint/repositories/create-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../fixtures/interventions.ts';
import { useLocalSharePoint } from '../support/local-sharepoint.ts';

const SIZES = [100, 1_000, 10_000] as const;
const BENCH_NOW = '2027-04-16T06:00:00Z';
const T5 = '2027-04-23T06:00:00Z';
const STARTS = 25;
const SEED_CHUNK = 500;

type LogEntry = { inBatch: boolean; route: string };
type Log = { total: number; writes: number; entries: LogEntry[] };

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

const messages: InvoicingMessages = {
  requisitionMessage: ({ view, workingDaysLeft }) => ({
    text: `Fakturan för ${view.code} ${view.periodText} ska in senast ${view.dueDate} (${workingDaysLeft} arbetsdagar kvar).`,
  }),
};

/** Teams answering every send at once */
const instantTeams: ProactiveSender = {
  send: async () => ({ ok: true, activityId: 'a' }),
  update: async () => ({ ok: true, activityId: 'a' }),
};

function leaderOf(index: number): string {
  return `00000000-0000-4000-8000-${String(Math.floor(index / STARTS)).padStart(12, '0')}`;
}

function insats(index: number): NewIntervention {
  const startQuarter = index % STARTS; // 0 = Q1 2027
  const year = 2027 + Math.floor(startQuarter / 4);
  const month = (startQuarter % 4) * 3 + 1;
  const endMonth = month + 5; // two quarters, possibly into the next year
  const endYear = year + Math.floor((endMonth - 1) / 12);
  const endMonthInYear = ((endMonth - 1) % 12) + 1;
  const lastDay = new Date(Date.UTC(endYear, endMonthInYear, 0)).getUTCDate();
  return {
    title: `Insats ${index}`,
    code: `B${String(index).padStart(5, '0')}`,
    kind: 'Individinriktad',
    stage: 'Pågående',
    ownerOrgId: null,
    partnerOrgIds: [],
    projectLeaderAadId: leaderOf(index),
    startDate: `${year}-${String(month).padStart(2, '0')}-01`,
    endDate: `${endYear}-${String(endMonthInYear).padStart(2, '0')}-${lastDay}`,
    grantedAmount: 1_000_000,
    decisionDate: '2026-11-20',
    decisionRef: null,
    diaryNumber: null,
    followUpRegistered: false,
    ...EMPTY_APPLICATION_TEXTS,
  };
}

async function seed(repos: Repositories, count: number): Promise<void> {
  for (let from = 0; from < count; from += SEED_CHUNK) {
    const rows = Array.from({ length: Math.min(SEED_CHUNK, count - from) }, (_, offset) => insats(from + offset));
    const results = await repos.interventions.createMany(rows);
    if (results.some((result) => !result.ok)) {
      throw new Error('seeding the bench insatser failed');
    }
  }
  // the projektledare of the insatser with a row due on the bench day can be reached
  for (let index = 0; index < count; index += STARTS) {
    await repos.conversations.upsert({
      title: `Projektledare ${index}`,
      key: leaderOf(index),
      scope: 'personal',
      reference: { serviceUrl: 'https://smba.example/', conversation: { id: `a:${index}` } },
      active: true,
    });
  }
}

/**
 * The outbox's clock: the sweep's instant plus the time the measured sweep has run, never going
 * back. Its pacer must see time pass (a frozen clock would wait for a send slot forever).
 */
function tickingFrom(clock: FixedClock, measureStarted: () => number): { now(): Date } {
  let last = 0;
  return {
    now: () => {
      last = Math.max(last, clock.now().getTime() + (performance.now() - measureStarted()));
      return new Date(last);
    },
  };
}

type Measured = { ms: number; http: number; operations: number; writes: number; report: SweepReport };

export async function benchSweep(sizes: readonly number[] = SIZES): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  for (const size of sizes) {
    Object.assign(figures, await benchOne(size));
  }
  return figures;
}

async function benchOne(size: number): Promise<Record<string, number | string>> {
  const sp = await useLocalSharePoint();
  try {
    const provisioned = await provisionSchema(sp.graph, sp.siteId);
    const repos = createRepositories(sp.graph, { siteId: sp.siteId, ...provisioned });
    let started = performance.now();
    await seed(repos, size);
    const seedMs = performance.now() - started;

    const clock = new FixedClock(BENCH_NOW);
    const notifier = createNotifier({
      notifications: repos.notifications,
      conversations: repos.conversations,
      sender: instantTeams,
      clock: tickingFrom(clock, () => started),
      logger: quiet,
      instanceId: 'bench',
    });
    const deps = {
      repos,
      clock,
      timeZone: 'Europe/Stockholm',
      notifier,
      messages,
      logger: quiet,
      unreadableRows: { clear: () => {}, list: () => [] },
      state: createSweepState(),
    };
    const measure = async (): Promise<Measured> => {
      await fetch(`${sp.url}/_emulator/requests`, { method: 'DELETE' });
      started = performance.now();
      const report = await runSweep(deps);
      const ms = performance.now() - started;
      const log = (await (await fetch(`${sp.url}/_emulator/requests?limit=1000000`)).json()) as Log;
      return {
        ms,
        http: log.entries.filter((entry) => !entry.inBatch).length,
        operations: log.entries.filter((entry) => entry.route !== 'POST /$batch').length,
        writes: log.writes,
        report,
      };
    };
    const first = await measure();
    clock.advance(60_000);
    const steady = await measure();
    // a week later, T-5: every due row has a new reminder, so the requests grow with the due rows
    clock.set(T5);
    const nextReminder = await measure();
    const failed = [first, steady, nextReminder].flatMap((run) => run.report.steps).filter((step) => !step.ok);
    if (failed.length > 0) {
      throw new Error(`a sweep step failed in the bench: ${failed.map((step) => step.error).join('; ')}`);
    }

    const label = `${size.toLocaleString('sv-SE')} insatser`;
    const rows = countOf(first.report, 'Rekvisitioner', 'created');
    return {
      [`${label}: seeding (createMany), ms`]: Math.round(seedMs),
      [`${label}: rows created / due on the bench day`]: `${rows} / ${countOf(first.report, 'Påminnelser', 'dueRows')}`,
      [`${label}: first sweep: ms`]: Math.round(first.ms),
      [`${label}: first sweep: HTTP requests / operations / writes`]: `${first.http} / ${first.operations} / ${first.writes}`,
      [`${label}: first sweep: reminders sent`]: countOf(first.report, 'Påminnelser', 'sent'),
      [`${label}: steady sweep: ms`]: Math.round(steady.ms),
      [`${label}: steady sweep: HTTP requests / writes (due rows)`]: `${steady.http} / ${steady.writes} (${countOf(steady.report, 'Påminnelser', 'dueRows')})`,
      [`${label}: steady sweep: reminders sent`]: countOf(steady.report, 'Påminnelser', 'sent'),
      [`${label}: T-5 sweep: ms`]: Math.round(nextReminder.ms),
      [`${label}: T-5 sweep: HTTP requests / writes (due rows)`]: `${nextReminder.http} / ${nextReminder.writes} (${countOf(nextReminder.report, 'Påminnelser', 'dueRows')})`,
      [`${label}: T-5 sweep: reminders sent`]: countOf(nextReminder.report, 'Påminnelser', 'sent'),
    };
  } finally {
    await sp.close();
  }
}
