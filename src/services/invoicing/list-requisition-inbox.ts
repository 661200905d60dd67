/**
 * What waits for one person in the invoicing chain, soonest due first:
 * - the projektledare or projektägare of an insats: its invoices due within 30 days or overdue
 *   (Förväntad), and those sent back (Avvisad);
 * - the ekonom: invoices to review (Inkommen) and to pay (Attesterad);
 * - the förbundschef: invoices to attest (Granskad).
 * Reads by the indexed columns only (Status, DueDate, Intervention), never the whole list.
 */
import { addDays } from '../../domain/calendar/iso-date.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import { mayPerform, type RequisitionActorRoles } from '../../domain/invoicing/requisition-workflow.ts';
import { INSATS_ROLES, type RequisitionStatus } from '../../domain/vocabulary.ts';
import { countsForSignIn } from '../register/load-actor.ts';
import type { InvoicingDeps } from './invoicing-deps.ts';
import { mayNeedHistory, readRequisitionHistory, withoutBarredActions } from './requisition-audit.ts';
import { buildRequisitionView, type RequisitionView, rolesForRequisition } from './requisition-view.ts';

/** how far ahead an expected invoice shows up in the projektledare's inbox */
export const INBOX_HORIZON_DAYS = 30;

/** the kansli's queues: which statuses wait for which role */
const QUEUES: ReadonlyArray<{ readonly role: 'Ekonom' | 'Förbundschef'; readonly status: RequisitionStatus }> = [
  { role: 'Ekonom', status: 'Inkommen' },
  { role: 'Ekonom', status: 'Attesterad' },
  { role: 'Förbundschef', status: 'Granskad' },
];

export async function listRequisitionInbox(
  deps: InvoicingDeps,
  viewerAadId: string,
): Promise<{ readonly items: RequisitionView[] }> {
  const today = todayIn(deps.clock, deps.timeZone);
  const horizon = addDays(today, INBOX_HORIZON_DAYS);
  const [assignments, led] = await Promise.all([
    deps.repos.roleAssignments.listByAadObjectId(viewerAadId),
    deps.repos.interventions.listByProjectLeader(viewerAadId),
  ]);
  // as for signing in: a governance mandate counts from its ValidFrom, an insats role until its ValidTo
  const current = assignments.filter((row) => countsForSignIn(row, today));
  const governance = new Set(current.filter((row) => row.interventionId === null).map((row) => row.role));
  const insatsIds = new Set([
    ...current
      .filter((row) => row.interventionId !== null && INSATS_ROLES.includes(row.role))
      .map((row) => row.interventionId as string),
    ...led.map((intervention) => intervention.id),
  ]);

  const insatser = new InsatsCache(deps, viewerAadId, led);
  const siblingsOf = new Map<string, Requisition[]>();
  const found = new Map<string, Requisition>();

  // the insatser this person answers for: one query per insats gives every quarter it has
  await Promise.all(
    [...insatsIds].map(async (interventionId) => {
      const rows = await deps.repos.requisitions.listByIntervention(interventionId);
      siblingsOf.set(interventionId, rows);
      for (const row of rows) {
        if ((row.status === 'Förväntad' && row.dueDate <= horizon) || row.status === 'Avvisad') {
          found.set(row.id, row);
        }
      }
    }),
  );
  await Promise.all(
    QUEUES.filter((queue) => governance.has(queue.role)).map(async (queue) => {
      for (const row of await deps.repos.requisitions.listByStatus(queue.status)) {
        found.set(row.id, row);
      }
    }),
  );

  const items = await Promise.all(
    [...found.values()].map((requisition) => viewOf(deps, { requisition, viewerAadId, insatser, siblingsOf })),
  );
  return {
    items: items
      .filter((item): item is RequisitionView => item !== null)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodKey.localeCompare(b.periodKey)),
  };
}

/** each insats and the viewer's roles in it read once, however many of its quarters are listed */
class InsatsCache {
  private readonly entries = new Map<string, Promise<InsatsEntry | null>>();

  constructor(
    private readonly deps: InvoicingDeps,
    private readonly viewerAadId: string,
    known: readonly Intervention[],
  ) {
    for (const intervention of known) {
      this.entries.set(intervention.id, this.withRoles(Promise.resolve(intervention)));
    }
  }

  get(id: string): Promise<InsatsEntry | null> {
    let entry = this.entries.get(id);
    if (entry === undefined) {
      entry = this.withRoles(this.deps.repos.interventions.findById(id));
      this.entries.set(id, entry);
    }
    return entry;
  }

  private async withRoles(pending: Promise<Intervention | null>): Promise<InsatsEntry | null> {
    const intervention = await pending;
    return intervention === null
      ? null
      : { intervention, roles: await rolesForRequisition(this.deps, intervention, this.viewerAadId) };
  }
}

type InsatsEntry = { readonly intervention: Intervention; readonly roles: RequisitionActorRoles };

async function viewOf(
  deps: InvoicingDeps,
  input: {
    readonly requisition: Requisition;
    readonly viewerAadId: string;
    readonly insatser: InsatsCache;
    readonly siblingsOf: ReadonlyMap<string, Requisition[]>;
  },
): Promise<RequisitionView | null> {
  const { requisition, viewerAadId } = input;
  const entry = await input.insatser.get(requisition.interventionId);
  // a row whose insats is gone is an anomaly for the kansli, not a task
  if (entry === null) {
    return null;
  }
  const { intervention, roles } = entry;
  if (!waitsFor(requisition.status, roles)) {
    return null;
  }
  const siblings = input.siblingsOf.get(intervention.id);
  const view = await buildRequisitionView(deps, {
    requisition,
    intervention,
    viewerAadId,
    roles,
    ...(siblings === undefined ? {} : { siblings }),
  });
  return mayNeedHistory(view) ? withoutBarredActions(view, await readRequisitionHistory(deps, requisition.id)) : view;
}

/** an insats's invoices wait only for those who may register them; a styrgrupp member just reads them */
function waitsFor(status: RequisitionStatus, roles: RequisitionActorRoles): boolean {
  if (status === 'Förväntad' || status === 'Avvisad') {
    return mayPerform('registrera', { governanceRoles: [], insatsRoles: roles.insatsRoles });
  }
  return true;
}
