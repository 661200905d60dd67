/**
 * Who hears about a requisition's step, and the message each gets: the ekonom when an invoice
 * comes in, the förbundschef when it is reviewed, the ekonom again when it is attested, the
 * projektledare when it is sent back. Each recipient gets the requisition as they see it (their
 * own buttons). A message that cannot be sent now is logged, never undoes the step: the outbox
 * row (claimed before the send) is retried by the poller.
 */
import { todayIn } from '../../domain/calendar/today.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Requisition } from '../../domain/entities/requisition.ts';
import type { RequisitionAction } from '../../domain/invoicing/requisition-workflow.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { isRoleInForce } from '../bot-queries/role-validity.ts';
import type { InvoicingDeps, RequisitionMessageKind } from './invoicing-deps.ts';
import { type RequisitionHistory, separationOfDutiesRefusal, withoutBarredActions } from './requisition-audit.ts';
import { buildRequisitionView } from './requisition-view.ts';

type InterventionRef = Pick<Intervention, 'id' | 'code' | 'title' | 'projectLeaderAadId'>;

/** `req:NOVA-2027-Q1:to-review:<audit entry id>:<recipient>`: one message per step and person */
export function requisitionEventKey(
  periodKey: string,
  kind: RequisitionMessageKind,
  eventId: string,
  recipientAadId: string,
): string {
  return `req:${periodKey}:${kind}:${eventId}:${recipientAadId.toLowerCase()}`;
}

/** the step the recipient is asked to take, for separation of duties */
const NEXT_ACTION: Partial<Readonly<Record<RequisitionMessageKind, RequisitionAction>>> = {
  'to-review': 'granska',
  'to-attest': 'attestera',
  'to-pay': 'betala',
  rejected: 'registrera',
};

function titleOf(kind: RequisitionMessageKind, periodKey: string): string {
  switch (kind) {
    case 'to-review':
      return `Granska fakturan ${periodKey}`;
    case 'to-attest':
      return `Attestera fakturan ${periodKey}`;
    case 'to-pay':
      return `Betala fakturan ${periodKey}`;
    case 'rejected':
      return `Fakturan ${periodKey} har avvisats`;
    case 'reminder':
      return `Påminnelse: fakturan ${periodKey}`;
    case 'overdue-projektledare':
    case 'overdue-ekonom':
      return `Försenad faktura ${periodKey}`;
  }
}

/** Entra ids compare case-insensitively; the first spelling is kept (it keys the person's chat) */
function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const id of ids) {
    if (!seen.has(id.toLowerCase())) {
      seen.set(id.toLowerCase(), id);
    }
  }
  return [...seen.values()];
}

/** the people holding a kansli role today (Ekonom, Förbundschef), each once */
export async function currentHoldersOf(
  deps: Pick<InvoicingDeps, 'repos' | 'clock' | 'timeZone'>,
  role: Role,
): Promise<string[]> {
  const today = todayIn(deps.clock, deps.timeZone);
  const rows = await deps.repos.roleAssignments.listByRole(role);
  return uniqueIds(
    rows.filter((row) => row.interventionId === null && isRoleInForce(row, today)).map((row) => row.aadObjectId),
  );
}

/** the insats's ProjectLeaderAadId, else its current Projektledare role */
export async function projectLeaderOf(
  deps: Pick<InvoicingDeps, 'repos' | 'clock' | 'timeZone'>,
  intervention: Pick<Intervention, 'id' | 'projectLeaderAadId'>,
): Promise<string | null> {
  if (intervention.projectLeaderAadId !== null) {
    return intervention.projectLeaderAadId;
  }
  const today = todayIn(deps.clock, deps.timeZone);
  const rows = await deps.repos.roleAssignments.listByIntervention(intervention.id);
  const leader = rows.find((row) => row.role === 'Projektledare' && isRoleInForce(row, today));
  return leader?.aadObjectId ?? null;
}

export type RequisitionChange = {
  readonly kind: RequisitionMessageKind;
  readonly requisition: Requisition;
  readonly intervention: InterventionRef;
  /** the AuditLog id of the step: it makes the outbox key unique per event */
  readonly eventId: string;
  readonly recipients: readonly string[];
  /** who did what so far: a recipient barred from the step asked of them is not asked */
  readonly history: RequisitionHistory;
  readonly siblings?: readonly Requisition[];
};

/** sends each recipient their message once (by key); never throws */
export async function notifyRequisitionChange(deps: InvoicingDeps, change: RequisitionChange): Promise<void> {
  const { kind, requisition, intervention } = change;
  const nextAction = NEXT_ACTION[kind];
  const recipients = uniqueIds(change.recipients).filter(
    (id) => nextAction === undefined || separationOfDutiesRefusal(nextAction, id, change.history) === null,
  );
  if (recipients.length === 0) {
    deps.logger.warn(
      { periodKey: requisition.periodKey, kind },
      'no one to tell about the requisition: no current role holder may take the next step',
    );
    return;
  }
  await Promise.all(
    recipients.map(async (recipientAadId) => {
      const key = requisitionEventKey(requisition.periodKey, kind, change.eventId, recipientAadId);
      try {
        const view = withoutBarredActions(
          await buildRequisitionView(deps, {
            requisition,
            intervention,
            viewerAadId: recipientAadId,
            ...(change.siblings === undefined ? {} : { siblings: change.siblings }),
          }),
          change.history,
        );
        await deps.notifier.notify({
          key,
          kind: 'Information',
          title: titleOf(kind, requisition.periodKey),
          recipientAadId,
          message: deps.messages.requisitionMessage({ kind, view }),
        });
      } catch (error) {
        deps.logger.warn({ err: error, key }, 'could not send a requisition message; the outbox retries it');
      }
    }),
  );
}

export type SentCard = {
  readonly key: string;
  readonly kind: RequisitionMessageKind;
  readonly workingDaysLeft?: number;
};

/**
 * Replaces cards already sent about this requisition (a reminder that still asks for the invoice,
 * a "granska" card another ekonom has dealt with) with the requisition as it is now. Only keys
 * with an outbox row are touched; each recipient gets their own view. Never throws.
 */
export async function refreshSentCards(
  deps: InvoicingDeps,
  input: {
    readonly requisition: Requisition;
    readonly intervention: InterventionRef;
    readonly cards: readonly SentCard[];
    readonly history: RequisitionHistory;
    readonly siblings?: readonly Requisition[];
  },
): Promise<void> {
  await Promise.all(
    input.cards.map(async (card) => {
      try {
        const row = await deps.repos.notifications.findByKey(card.key);
        if (row === null) {
          return;
        }
        const view = withoutBarredActions(
          await buildRequisitionView(deps, {
            requisition: input.requisition,
            intervention: input.intervention,
            viewerAadId: row.recipientAadId,
            ...(input.siblings === undefined ? {} : { siblings: input.siblings }),
          }),
          input.history,
        );
        const message = deps.messages.requisitionMessage({
          kind: card.kind,
          view,
          ...(card.workingDaysLeft === undefined ? {} : { workingDaysLeft: card.workingDaysLeft }),
        });
        const result = await deps.notifier.updateSent(card.key, message);
        if (result.outcome === 'failed') {
          deps.logger.warn({ key: card.key, error: result.error }, 'could not update a sent requisition card');
        }
      } catch (error) {
        deps.logger.warn({ err: error, key: card.key }, 'could not update a sent requisition card');
      }
    }),
  );
}
