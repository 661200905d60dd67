/**
 * Moves a registered invoice along its review chain: Inkommen → Granskad (ekonom) → Attesterad
 * (förbundschef) → Betald (ekonom), or back to the insats as Avvisad with a reason. Each step is
 * logged, barred to whoever already handled the invoice where the duties must be separate, and
 * announced to whoever takes the next step; the earlier step's cards are updated to show it done.
 */
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import { checkRequisitionAction, type RequisitionAction } from '../../domain/invoicing/requisition-workflow.ts';
import type { RequisitionStatus } from '../../domain/vocabulary.ts';
import { actorOf } from '../register/load-actor.ts';
import { findRequisition } from './get-requisition.ts';
import type { InvoicingDeps, RequisitionMessageKind } from './invoicing-deps.ts';
import {
  currentHoldersOf,
  notifyRequisitionChange,
  projectLeaderOf,
  refreshSentCards,
  requisitionEventKey,
} from './notify-requisition-change.ts';
import { invalidState, updateRequisition } from './register-requisition.ts';
import { parseAdvanceInput, type RequisitionStepAction } from './registration-input.ts';
import {
  AUDIT_ACTION_OF,
  auditStep,
  authorizeRequisitionAction,
  type RequisitionHistory,
  readRequisitionHistory,
  withoutBarredActions,
} from './requisition-audit.ts';
import { buildRequisitionView, type RequisitionView, rolesOfActor } from './requisition-view.ts';

/** the message an earlier step sent, which this step answers: its cards are brought up to date */
const ANSWERED: Partial<
  Readonly<
    Record<
      RequisitionStatus,
      { kind: RequisitionMessageKind; step: RequisitionAction; role: 'Ekonom' | 'Förbundschef' }
    >
  >
> = {
  Inkommen: { kind: 'to-review', step: 'registrera', role: 'Ekonom' },
  Granskad: { kind: 'to-attest', step: 'granska', role: 'Förbundschef' },
  Attesterad: { kind: 'to-pay', step: 'attestera', role: 'Ekonom' },
};

export async function advanceRequisition(
  deps: InvoicingDeps,
  actorAadId: string,
  periodKey: string,
  input: unknown,
): Promise<RequisitionView> {
  const step = parseAdvanceInput(input);
  const { requisition, intervention } = await findRequisition(deps, periodKey);
  const [actor, history] = await Promise.all([actorOf(deps, actorAadId), readRequisitionHistory(deps, requisition.id)]);
  // the matrix's row for the step, separation of duties included; role first, so someone
  // without the role learns nothing about the status
  await authorizeRequisitionAction(deps, actor, step.action, { requisition, intervention, history });
  const roles = rolesOfActor(actor, intervention);
  const check = checkRequisitionAction(step.action, requisition.status, roles);
  if (!check.ok) {
    throw invalidState(requisition.periodKey, check.message);
  }

  const updated = await updateRequisition(
    deps,
    requisition,
    step.action === 'avvisa' ? { status: check.to, rejectionReason: step.reason ?? null } : { status: check.to },
    step.etag,
  );
  const eventId = await auditStep(deps, {
    actorAadId,
    action: AUDIT_ACTION_OF[step.action],
    before: requisition,
    after: updated,
    ...(step.action === 'avvisa' ? { details: { reason: step.reason ?? null } } : {}),
  });
  const nextHistory = afterStep(history, step.action, actorAadId, eventId);

  await Promise.all([
    announce(deps, step.action, { requisition: updated, intervention, eventId, history: nextHistory }),
    refreshAnswered(deps, requisition.status, { requisition: updated, intervention, history: nextHistory }),
  ]);

  const view = await buildRequisitionView(deps, { requisition: updated, intervention, viewerAadId: actorAadId, roles });
  return withoutBarredActions(view, nextHistory);
}

function afterStep(
  history: RequisitionHistory,
  action: RequisitionStepAction,
  actorAadId: string,
  eventId: string,
): RequisitionHistory {
  return {
    registeredBy: history.registeredBy,
    reviewedBy: action === 'granska' ? actorAadId.toLowerCase() : history.reviewedBy,
    eventIds: { ...history.eventIds, [action]: eventId },
  };
}

type Changed = {
  readonly requisition: Requisition;
  readonly intervention: Intervention;
  readonly eventId: string;
  readonly history: RequisitionHistory;
};

/** tells whoever takes the next step: förbundschef, ekonom, or (sent back) the projektledare */
async function announce(deps: InvoicingDeps, action: RequisitionStepAction, changed: Changed): Promise<void> {
  try {
    const next = await nextRecipients(deps, action, changed.intervention);
    if (next !== null) {
      await notifyRequisitionChange(deps, { ...changed, kind: next.kind, recipients: next.recipients });
    }
  } catch (error) {
    // the step is stored and logged; the next person still finds it in their inbox
    deps.logger.warn({ err: error, periodKey: changed.requisition.periodKey }, 'could not announce a requisition step');
  }
}

async function nextRecipients(
  deps: InvoicingDeps,
  action: RequisitionStepAction,
  intervention: Intervention,
): Promise<{ kind: RequisitionMessageKind; recipients: string[] } | null> {
  switch (action) {
    case 'granska':
      return { kind: 'to-attest', recipients: await currentHoldersOf(deps, 'Förbundschef') };
    case 'attestera':
      return { kind: 'to-pay', recipients: await currentHoldersOf(deps, 'Ekonom') };
    case 'avvisa': {
      const leader = await projectLeaderOf(deps, intervention);
      if (leader === null) {
        deps.logger.warn(
          { interventionId: intervention.id },
          'a requisition was sent back but the insats has no projektledare',
        );
        return null;
      }
      return { kind: 'rejected', recipients: [leader] };
    }
    case 'betala':
      return null;
  }
}

/** the cards that asked for this step (to every holder of the role) now show it taken */
async function refreshAnswered(
  deps: InvoicingDeps,
  from: RequisitionStatus,
  changed: Omit<Changed, 'eventId'>,
): Promise<void> {
  const answered = ANSWERED[from];
  const eventId = answered === undefined ? undefined : changed.history.eventIds[answered.step];
  if (answered === undefined || eventId === undefined) {
    return;
  }
  try {
    const holders = await currentHoldersOf(deps, answered.role);
    await refreshSentCards(deps, {
      ...changed,
      cards: holders.map((holder) => ({
        key: requisitionEventKey(changed.requisition.periodKey, answered.kind, eventId, holder),
        kind: answered.kind,
      })),
    });
  } catch (error) {
    deps.logger.warn(
      { err: error, periodKey: changed.requisition.periodKey },
      'could not update earlier requisition cards',
    );
  }
}
