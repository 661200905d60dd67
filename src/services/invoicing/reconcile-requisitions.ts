/**
 * The sweep's first step (issue 5 item 1): one Requisitions row per calendar quarter of every
 * running insats, kept in step when the kansli edits dates, stage or due rule in SharePoint.
 *
 * Cheap when nothing changed: each insats carries the fingerprint of what its rows were last
 * planned from (Interventions.RequisitionSync). An insats whose fingerprint still matches is
 * skipped without reading its rows, so a steady sweep over thousands of insatser reads the
 * register and nothing more. Only a changed (or never planned) insats has its rows read, planned
 * by the pure planner and written.
 *
 * Safe with several instances and with a kansli editing at the same time, because every write
 * is conditional: a create that hits the unique PeriodKey (409) means another instance made the
 * row; an update or delete with a stale eTag (412) and a fingerprint write on a changed insats
 * are left alone, and the fingerprint is written only when every write went through, so the
 * next sweep plans the insats again from what is there then. Rows whose invoice is registered
 * (any Status but Förväntad) are never written.
 */
import { type AppError, isAppError } from '../../domain/app-error.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import { type DueRule, effectiveDueRule } from '../../domain/invoicing/due-rule.ts';
import {
  expectedRequisitions,
  planRequisitions,
  REQUISITION_STAGES,
  type RequisitionPlan,
} from '../../domain/invoicing/reconcile-requisitions.ts';
import { requisitionFingerprint } from '../../domain/invoicing/requisition-fingerprint.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import { mapConcurrently } from '../sweep/map-concurrently.ts';
import type { InvoicingLogger } from './invoicing-deps.ts';

export type ReconcileDeps = {
  readonly repos: Pick<Repositories, 'interventions' | 'requisitions'>;
  readonly logger: InvoicingLogger;
};

export type ReconcileInput = {
  /** the whole register, read once by the sweep (the reminders reuse the same read) */
  readonly interventions: readonly Intervention[];
  /** the förbund's rule from Settings; an insats's own InvoiceDueRule overrides it */
  readonly dueRule: DueRule;
  /** plan every insats, fingerprint or not (`npm run sweep -- --full`) */
  readonly full?: boolean;
  /** insatser handled at the same time; default 8 */
  readonly concurrency?: number;
};

export type ReconcileResult = {
  /** insatser that have or may have rows: in a requisition stage, or planned before */
  readonly considered: number;
  /** skipped because their fingerprint still matched */
  readonly unchanged: number;
  /** insatser whose rows were read and planned */
  readonly replanned: number;
  readonly created: number;
  readonly updated: number;
  readonly removed: number;
  /** writes another instance or a kansli edit got to first; the next sweep plans those again */
  readonly deferred: number;
  /** what changed, in Swedish, one line per insats and kind of change */
  readonly lines: string[];
  /** what the kansli should look at, in Swedish */
  readonly problems: string[];
};

const DEFAULT_CONCURRENCY = 8;

type InsatsOutcome = {
  readonly replanned: boolean;
  readonly created: string[];
  readonly updated: string[];
  readonly removed: string[];
  readonly deferred: number;
  readonly problems: string[];
};

const UNCHANGED: InsatsOutcome = Object.freeze({
  replanned: false,
  created: [],
  updated: [],
  removed: [],
  deferred: 0,
  problems: [],
});

export async function reconcileRequisitions(deps: ReconcileDeps, input: ReconcileInput): Promise<ReconcileResult> {
  // Insatser outside the requisition stages with no fingerprint were never planned: there is
  // nothing of ours to remove, so they are not even looked at.
  const candidates = input.interventions.filter(
    (intervention) => REQUISITION_STAGES.includes(intervention.stage) || hasFingerprint(intervention),
  );
  const outcomes = await mapConcurrently(candidates, input.concurrency ?? DEFAULT_CONCURRENCY, (intervention) =>
    reconcileOne(deps, intervention, input).catch(
      (error: unknown): InsatsOutcome => ({
        ...UNCHANGED,
        replanned: true,
        problems: [`${intervention.code}: rekvisitionerna kunde inte stämmas av: ${messageOf(error)}`],
      }),
    ),
  );

  const lines: string[] = [];
  const problems: string[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const code = candidates[index]?.code ?? '?';
    if (outcome.created.length > 0) {
      const count = outcome.created.length;
      lines.push(
        `${code}: ${count === 1 ? 'förväntad rekvisition skapad' : `${count} förväntade rekvisitioner skapade`} – ${outcome.created.join(', ')}`,
      );
    }
    lines.push(...outcome.updated.map((line) => `${code}: ${line}`));
    lines.push(...outcome.removed.map((line) => `${code}: ${line}`));
    problems.push(...outcome.problems);
  }
  const sum = (pick: (outcome: InsatsOutcome) => number): number =>
    outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  return {
    considered: candidates.length,
    unchanged: outcomes.filter((outcome) => !outcome.replanned).length,
    replanned: outcomes.filter((outcome) => outcome.replanned).length,
    created: sum((outcome) => outcome.created.length),
    updated: sum((outcome) => outcome.updated.length),
    removed: sum((outcome) => outcome.removed.length),
    deferred: sum((outcome) => outcome.deferred),
    lines,
    problems,
  };
}

function hasFingerprint(intervention: Intervention): boolean {
  return (intervention.requisitionSync ?? '').trim() !== '';
}

async function reconcileOne(
  deps: ReconcileDeps,
  intervention: Intervention,
  input: ReconcileInput,
): Promise<InsatsOutcome> {
  const running = REQUISITION_STAGES.includes(intervention.stage);
  const { rule, problem: ruleProblem } = effectiveDueRule(intervention, input.dueRule);
  // Out of the requisition stages nothing is expected, whatever the dates: an empty fingerprint,
  // so the insats is not looked at again until it comes back.
  const wanted = running ? requisitionFingerprint(intervention, rule) : '';
  const stored = (intervention.requisitionSync ?? '').trim();
  const problems = ruleProblem === null ? [] : [ruleProblem];
  if (stored === wanted && !input.full) {
    return { ...UNCHANGED, problems };
  }

  const rows = await deps.repos.requisitions.listByIntervention(intervention.id);
  const plan = planRequisitions(intervention, rows, rule);
  const applied = await applyPlan(deps, intervention, plan, rule);
  problems.push(...applied.problems);

  // Only a plan carried out in full may be marked done; otherwise the next sweep plans again.
  if (applied.complete && stored !== wanted) {
    try {
      await deps.repos.interventions.update(
        intervention.id,
        { requisitionSync: wanted === '' ? null : wanted },
        { etag: intervention.etag },
      );
    } catch (error) {
      if (!isPreconditionFailed(error)) {
        throw error;
      }
      // the kansli (or the app) changed the insats since it was read: the next sweep replans
      deps.logger.info({ code: intervention.code }, 'insats changed during the sweep; replanned next time');
      return { ...applied, replanned: true, deferred: applied.deferred + 1, problems };
    }
  }
  return { ...applied, replanned: true, problems };
}

type Applied = Omit<InsatsOutcome, 'replanned'> & { readonly complete: boolean };

async function applyPlan(
  deps: ReconcileDeps,
  intervention: Intervention,
  plan: RequisitionPlan,
  rule: DueRule,
): Promise<Applied> {
  const created: string[] = [];
  const updated: string[] = [];
  const removed: string[] = [];
  const problems: string[] = [];
  let deferred = 0;
  let complete = true;
  const { code } = intervention;

  if (plan.create.length > 0) {
    const results = await deps.repos.requisitions.createMany(plan.create);
    for (const [index, result] of results.entries()) {
      const row = plan.create[index];
      if (row === undefined) {
        continue;
      }
      if (result.ok) {
        created.push(`${row.periodKey} (sista dag ${row.dueDate})`);
      } else if (result.error.code === 'CONFLICT') {
        // the unique PeriodKey: another instance created the row a moment ago
        deferred += 1;
      } else {
        complete = false;
        problems.push(`${code}: ${row.periodKey} kunde inte skapas: ${result.error.message}`);
      }
    }
  }

  for (const change of plan.update) {
    try {
      const row = await deps.repos.requisitions.update(change.id, change.patch, { etag: change.etag });
      if (change.patch.periodKey !== undefined) {
        updated.push(`rekvisitionen för kvartal ${row.quarter} ${row.year} heter nu ${row.periodKey}`);
      }
      if (change.patch.dueDate !== undefined) {
        updated.push(`${row.periodKey} har ny sista dag ${row.dueDate}`);
      }
    } catch (error) {
      complete = false;
      if (isPreconditionFailed(error)) {
        deferred += 1;
      } else {
        problems.push(`${code}: rekvisition ${change.id} kunde inte uppdateras: ${messageOf(error)}`);
      }
    }
  }

  const expectedQuarters = new Set(expectedRequisitions(intervention, rule).map((row) => `${row.year}-${row.quarter}`));
  for (const row of plan.orphaned) {
    // the planner only offers open rows; a registered invoice is the förbund's record
    if (row.status !== 'Förväntad') {
      continue;
    }
    try {
      await deps.repos.requisitions.delete(row.id, { etag: row.etag });
      removed.push(`${row.periodKey} borttagen (${whyRemoved(intervention, row, expectedQuarters)})`);
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') {
        continue; // removed by another instance, or by the kansli: what we wanted
      }
      complete = false;
      if (isPreconditionFailed(error)) {
        deferred += 1; // edited meanwhile, perhaps registered: look again next sweep
      } else {
        problems.push(`${code}: ${row.periodKey} kunde inte tas bort: ${messageOf(error)}`);
      }
    }
  }
  return { created, updated, removed, deferred, problems, complete };
}

function whyRemoved(intervention: Intervention, row: Requisition, expectedQuarters: ReadonlySet<string>): string {
  if (!REQUISITION_STAGES.includes(intervention.stage)) {
    return `insatsen är ${intervention.stage}`;
  }
  return expectedQuarters.has(`${row.year}-${row.quarter}`)
    ? 'en dubblett för samma kvartal'
    : 'kvartalet ingår inte längre i insatsens period';
}

function isPreconditionFailed(error: unknown): error is AppError {
  return isAppError(error) && error.code === 'PRECONDITION_FAILED';
}

function messageOf(error: unknown): string {
  if (isAppError(error)) {
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
