/**
 * One sweep (issue 5 item 5): reconcile the requisitions, send the reminders and escalations due
 * now, pick up approvals (issue 4), and — when asked — list the register's anomalies. The server
 * runs it every minute; `npm run sweep -- --now <instant>` runs it once. Every write it makes is
 * idempotent (unique PeriodKey, unique Notifications.Key, eTags), so two instances sweeping at
 * once, or a sweep repeated after a crash, change nothing twice and send nothing twice.
 */
import type { Anomaly } from '../../domain/anomalies/anomaly.ts';
import { formatDate } from '../../domain/format.ts';
import { type InvoicingSettings, parseInvoicingSettings } from '../../domain/invoicing/invoicing-settings.ts';
import { listAnomalies } from '../register/list-anomalies.ts';
import { APPROVALS_PICKUP_STEPS } from './approvals-pickup.ts';
import { RECONCILE_REQUISITIONS_STEP, SEND_REQUISITION_REMINDERS_STEP } from './invoicing-steps.ts';
import type { SweepDeps } from './sweep-deps.ts';
import type { SweepContext, SweepStep } from './sweep-step.ts';

export type SweepOptions = {
  /** replan every insats's rows, not only those whose fingerprint changed */
  readonly full?: boolean;
  /**
   * Also read the whole register for anomalies. That read costs requests per insats, so the
   * every-minute sweep leaves it out (GET /api/avvikelser answers on demand); the CLI includes it.
   */
  readonly anomalies?: boolean;
};

export type StepReport = {
  readonly name: string;
  readonly ok: boolean;
  readonly durationMs: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly lines: readonly string[];
  readonly problems: readonly string[];
  /** why the step stopped, when it did */
  readonly error: string | null;
};

export type SweepReport = {
  /** the instant swept, ISO */
  readonly now: string;
  /** that instant's date in the förbund's time zone */
  readonly today: string;
  readonly durationMs: number;
  /** broken values in Settings (the default was used), in Swedish */
  readonly settingsProblems: readonly string[];
  readonly steps: readonly StepReport[];
  /** null unless the sweep was asked for anomalies and that step ran */
  readonly anomalies: readonly Anomaly[] | null;
};

const ANOMALIES_STEP: SweepStep = {
  name: 'Avvikelser',
  async run(context) {
    const { deps } = context;
    const anomalies = await listAnomalies(
      { repos: deps.repos, clock: deps.clock, timeZone: deps.timeZone, unreadableRows: deps.unreadableRows },
      null,
    );
    context.anomalies = anomalies;
    return { counts: { anomalies: anomalies.length }, lines: [], problems: [] };
  },
};

/** the steps in order; the approvals pickup's list is empty until issue 4 fills it */
export function sweepSteps(options: SweepOptions = {}): readonly SweepStep[] {
  return [
    RECONCILE_REQUISITIONS_STEP,
    SEND_REQUISITION_REMINDERS_STEP,
    ...APPROVALS_PICKUP_STEPS,
    ...(options.anomalies ? [ANOMALIES_STEP] : []),
  ];
}

export async function runSweep(deps: SweepDeps, options: SweepOptions = {}): Promise<SweepReport> {
  const started = performance.now();
  const now = deps.clock.now();
  const { settings, problems: settingsProblems } = await readSettings(deps);
  const context: SweepContext = {
    deps,
    now,
    today: formatDate(now, deps.timeZone),
    settings,
    full: options.full ?? false,
    interventions: null,
    anomalies: null,
  };
  const steps: StepReport[] = [];
  for (const step of sweepSteps(options)) {
    steps.push(await runStep(deps, step, context));
  }
  return {
    now: now.toISOString(),
    today: context.today,
    durationMs: Math.round(performance.now() - started),
    settingsProblems,
    steps,
    anomalies: context.anomalies,
  };
}

async function readSettings(deps: SweepDeps): Promise<{ settings: InvoicingSettings | null; problems: string[] }> {
  try {
    const parsed = parseInvoicingSettings(await deps.repos.settings.getAll());
    return { settings: parsed.settings, problems: parsed.problems };
  } catch (error) {
    deps.logger.error({ err: error }, 'sweep: the Settings list could not be read');
    return { settings: null, problems: [`Inställningarna kunde inte läsas: ${messageOf(error)}`] };
  }
}

async function runStep(deps: SweepDeps, step: SweepStep, context: SweepContext): Promise<StepReport> {
  const started = performance.now();
  try {
    const outcome = await step.run(context);
    return {
      name: step.name,
      ok: true,
      durationMs: Math.round(performance.now() - started),
      counts: outcome.counts,
      lines: outcome.lines,
      problems: outcome.problems,
      error: null,
    };
  } catch (error) {
    // one step's failure must not stop the others: a broken approval must not stop a reminder
    deps.logger.error({ err: error, step: step.name }, 'sweep step failed');
    return {
      name: step.name,
      ok: false,
      durationMs: Math.round(performance.now() - started),
      counts: {},
      lines: [],
      problems: [],
      error: messageOf(error),
    };
  }
}

/** a step's figure, 0 when the step did not run or has no such figure */
export function countOf(report: SweepReport, stepName: string, figure: string): number {
  return report.steps.find((step) => step.name === stepName)?.counts[figure] ?? 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
