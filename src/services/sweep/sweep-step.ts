/**
 * One step of the sweep. Steps run in order; each one's failure is caught and reported, and the
 * steps after it still run, so a broken approval cannot stop an invoice reminder.
 */
import type { Anomaly } from '../../domain/anomalies/anomaly.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { InvoicingSettings } from '../../domain/invoicing/invoicing-settings.ts';
import type { SweepDeps } from './sweep-deps.ts';

/** What every step sees: one instant, one settings read, and what earlier steps read. */
export type SweepContext = {
  readonly deps: SweepDeps;
  /** the instant of the whole sweep: every step plans for the same moment */
  readonly now: Date;
  /** today in the förbund's time zone */
  readonly today: string;
  /** null when the Settings list could not be read: the invoicing steps then do nothing */
  readonly settings: InvoicingSettings | null;
  /** `npm run sweep -- --full`: replan every insats, not only the changed ones */
  readonly full: boolean;
  /** the register as read by the reconciliation (null until then, or when that read failed) */
  interventions: ReadonlyMap<string, Intervention> | null;
  /** set by the anomaly step */
  anomalies: readonly Anomaly[] | null;
};

export type StepOutcome = {
  /** figures for logs and the bench, e.g. { created: 4, sent: 1 } */
  readonly counts: Readonly<Record<string, number>>;
  /** what the step did, in Swedish */
  readonly lines: readonly string[];
  /** what someone should look at, in Swedish */
  readonly problems: readonly string[];
};

export type SweepStep = {
  /** Swedish, shown in the report: "Rekvisitioner", "Påminnelser" */
  readonly name: string;
  run(context: SweepContext): Promise<StepOutcome>;
};
