/**
 * Återkallad: the requester (still in the kansli) or the förbundschef takes a matter back before it is decided. Every
 * card sent is updated to say so, the requester is told when someone else withdrew it, and the
 * act is audited. A decided matter cannot be withdrawn: the decision is a record.
 */
import { AppError, isAppError } from '../../domain/app-error.ts';
import { freeText } from '../../domain/personal-data/free-text.ts';
import { releaseDraft } from '../agreements/release-draft.ts';
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import { approvalScope } from './approval-access.ts';
import { APPROVAL_ENTITY_LIST, appendApprovalAudit, nowInstant } from './approval-audit.ts';
import { type ApprovalContext, loadApprovalContext, viewFor } from './approval-context.ts';
import type { ApprovalDeps } from './approval-deps.ts';
import { deliver, requesterDelivery, updateApproverCards } from './approval-messaging.ts';
import { readPayload, writePayload } from './approval-payload.ts';
import type { ApprovalView } from './approval-view.ts';
import { findApproval } from './find-approval.ts';

const reasonSchema = freeText('Skäl', { min: 1, max: 1000 });

/** the reason as sent: the text itself, or `{ reason }` */
function reasonOf(input: unknown): unknown {
  return typeof input === 'object' && input !== null && !Array.isArray(input) ? Reflect.get(input, 'reason') : input;
}

const MAX_TRIES = 3;

/** reason: the text, or `{ reason }` */
export async function withdrawApproval(
  deps: ApprovalDeps,
  actorAadId: string,
  approvalId: string,
  reason: unknown,
): Promise<ApprovalView> {
  // one schema on the text, wherever it came: a union of the two shapes hid the guard's message
  // (a personnummer in `{ reason }` was answered "Skriv varför …")
  const parsed = reasonSchema.safeParse(reasonOf(reason));
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const message =
      issue === undefined || issue.code === 'invalid_type' ? 'Skriv varför ärendet återkallas.' : issue.message;
    throw new AppError('INVALID_INPUT', 'invalid withdrawal reason', {
      userMessage: message,
      details: { issues: [{ path: 'reason', message }] },
    });
  }
  let approval = await findApproval(deps, approvalId);
  const actor = await actorOf(deps, actorAadId);
  const isRequester = approval.requestedByAadId?.toLowerCase() === actorAadId.toLowerCase();
  // the matrix's aterkalla-beslut: the förbundschef, or the kansli member who asked for it
  await authorize(
    deps,
    actor,
    'aterkalla-beslut',
    approvalScope(approval, []),
    { list: APPROVAL_ENTITY_LIST, id: approval.id },
    { details: { stage: approval.stage } },
  );
  for (let tries = 1; ; tries += 1) {
    if (approval.status !== 'Pågår') {
      throw new AppError('INVALID_STATE', `approval ${approval.id} is ${approval.status}`, {
        userMessage: `Ärendet är redan ${approval.status.toLowerCase()} och kan inte återkallas.`,
      });
    }
    const payload = readPayload(approval.payload);
    try {
      approval = await deps.repos.approvals.update(
        approval.id,
        {
          status: 'Återkallad',
          payload: writePayload(payload, {
            withdrawn: {
              byAadId: actorAadId,
              byName: actor.name === '' ? null : actor.name,
              reason: parsed.data,
              at: nowInstant(deps),
            },
          }),
        },
        { etag: approval.etag },
      );
      break;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'PRECONDITION_FAILED') || tries >= MAX_TRIES) {
        throw error;
      }
      approval = await findApproval(deps, approval.id);
    }
  }
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'beslut.aterkallat',
    approval,
    details: { reason: parsed.data, stage: approval.stage, rule: approval.rule },
  });
  // a samarbetsavtal's draft goes back to the kansli (Utkast)
  await releaseDraft(deps, readPayload(approval.payload).agreement);
  const context: ApprovalContext = await loadApprovalContext(deps, approval);
  await Promise.all([
    updateApproverCards(deps, context),
    isRequester ? Promise.resolve() : deliver(deps, context, requesterDelivery(context, 'requester-outcome')),
  ]);
  return viewFor(deps, context, actorAadId);
}
