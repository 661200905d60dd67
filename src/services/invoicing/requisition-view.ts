/**
 * One requisition as one person sees it: the insats, the period, the due day, the invoice so far,
 * the year's budget per post with what remains, and what this person may do with it now. The
 * reminder card, the bot, the tab and the API all render this one shape.
 */
import type { Clock } from '../../domain/clock.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition, Specification } from '../../domain/entities/requisition.ts';
import { type BudgetPosition, budgetPositions } from '../../domain/invoicing/budget-check.ts';
import { isQuarterNumber, quarterPeriodText } from '../../domain/invoicing/quarters.ts';
import {
  allowedRequisitionActions,
  type RequisitionAction,
  type RequisitionActorRoles,
} from '../../domain/invoicing/requisition-workflow.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Repositories } from '../../domain/ports/repositories.ts';
import type { RequisitionStatus } from '../../domain/vocabulary.ts';
import { INSATS_ROLES } from '../../domain/vocabulary.ts';
import { actorOf } from '../register/load-actor.ts';

export type RequisitionView = {
  readonly requisitionId: string;
  /** pass back with a change: a row edited since (in SharePoint, by someone else) gives 412 */
  readonly etag: string;
  readonly periodKey: string;
  readonly interventionId: string;
  readonly code: string;
  readonly title: string;
  readonly year: number;
  readonly quarter: number;
  /** `kvartal 1 2027, januari–mars` */
  readonly periodText: string;
  readonly dueDate: string;
  readonly status: RequisitionStatus;
  readonly amount: number | null;
  readonly specification: Specification | null;
  readonly receivedDate: string | null;
  readonly invoiceNumber: string | null;
  readonly overBudget: boolean;
  readonly budgetWarning: string | null;
  readonly rejectionReason: string | null;
  /** the insats's budget for the requisition's year, this requisition excluded from "invoiced" */
  readonly budget: readonly BudgetPosition[];
  readonly projectLeaderAadId: string | null;
  /** who is looking, and what they may do now (empty: read only) */
  readonly viewerAadId: string;
  readonly viewerActions: readonly RequisitionAction[];
};

export type RequisitionViewDeps = {
  readonly repos: Pick<Repositories, 'budgetLines' | 'requisitions' | 'roleAssignments'>;
  readonly clock: Clock;
  readonly timeZone: string;
};

/**
 * The viewer's roles for this insats: governance roles, and insats roles incl. ProjectLeaderAadId.
 * Read as for signing in (load-actor.ts): a governance mandate counts from its ValidFrom, a role
 * for an insats until its ValidTo — so an ekonom whose mandate has not begun cannot review yet.
 */
export async function rolesForRequisition(
  deps: RequisitionViewDeps,
  intervention: Pick<Intervention, 'id' | 'projectLeaderAadId'>,
  aadObjectId: string,
): Promise<RequisitionActorRoles> {
  return rolesOfActor(await actorOf(deps, aadObjectId), intervention);
}

/** the same, from a person already read */
export function rolesOfActor(
  actor: Actor,
  intervention: Pick<Intervention, 'id' | 'projectLeaderAadId'>,
): RequisitionActorRoles {
  const insatsRoles = new Set(
    actor.roles
      .filter((held) => held.interventionId === intervention.id && INSATS_ROLES.includes(held.role))
      .map((held) => held.role),
  );
  if (
    intervention.projectLeaderAadId !== null &&
    intervention.projectLeaderAadId.toLowerCase() === actor.aadObjectId.toLowerCase()
  ) {
    insatsRoles.add('Projektledare');
  }
  return {
    governanceRoles: [...new Set(actor.roles.filter((held) => held.interventionId === null).map((held) => held.role))],
    insatsRoles: [...insatsRoles],
  };
}

/**
 * Builds the view. `siblings` (the insats's requisitions) and `roles` may be passed when the
 * caller has them already (the sweep does), to save their requests.
 */
export async function buildRequisitionView(
  deps: RequisitionViewDeps,
  input: {
    readonly requisition: Requisition;
    readonly intervention: Pick<Intervention, 'id' | 'code' | 'title' | 'projectLeaderAadId'>;
    readonly viewerAadId: string;
    readonly siblings?: readonly Requisition[];
    readonly roles?: RequisitionActorRoles;
  },
): Promise<RequisitionView> {
  const { requisition, intervention, viewerAadId } = input;
  const [budgetLines, siblings, roles] = await Promise.all([
    deps.repos.budgetLines.listByIntervention(intervention.id),
    input.siblings ?? deps.repos.requisitions.listByIntervention(intervention.id),
    input.roles ?? rolesForRequisition(deps, intervention, viewerAadId),
  ]);
  const quarter = isQuarterNumber(requisition.quarter) ? requisition.quarter : 1;
  return {
    requisitionId: requisition.id,
    etag: requisition.etag,
    periodKey: requisition.periodKey,
    interventionId: intervention.id,
    code: intervention.code,
    title: intervention.title,
    year: requisition.year,
    quarter: requisition.quarter,
    periodText: quarterPeriodText({ year: requisition.year, quarter }),
    dueDate: requisition.dueDate,
    status: requisition.status,
    amount: requisition.amount,
    specification: requisition.specification,
    receivedDate: requisition.receivedDate,
    invoiceNumber: requisition.invoiceNumber,
    overBudget: requisition.overBudget ?? false,
    budgetWarning: requisition.budgetWarning ?? null,
    rejectionReason: requisition.rejectionReason ?? null,
    budget: budgetPositions(budgetLines, siblings, requisition.year, requisition.periodKey),
    projectLeaderAadId: intervention.projectLeaderAadId,
    viewerAadId,
    viewerActions: allowedRequisitionActions(requisition.status, roles),
  };
}
