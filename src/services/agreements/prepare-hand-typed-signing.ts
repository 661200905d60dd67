/**
 * A Samarbetsavtal row the kansli typed into the Approvals list by hand (issue 8 item 2: "or an
 * Approvals row Subject 'Samarbetsavtal'") has no draft in its Payload. The sweep's pickup
 * (open-stage.ts) calls this before it stamps the row: the insats must be in Avtal with no other
 * signing open and every party must have a firmatecknare; then the draft is filed for this row and
 * recorded in its Payload with the stamp, as startAgreementSigning does.
 *
 * Repeatable: the draft is filed with the row's id (ApprovalId), so a sweep after a crash between
 * the filing and the stamp finds that draft and uses it instead of filing a second one.
 */
import type { SigningRecord } from '../../domain/agreement-signing/signing-record.ts';
import type { Approval } from '../../domain/entities/approval.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import { appendApprovalAudit, SWEEP_ACTOR } from '../approvals/approval-audit.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { readPayload } from '../approvals/approval-payload.ts';
import { draftProblemText, fileDraft, prepareDraft, recordOf, retireStaleDrafts } from './agreement-draft.ts';
import { signingSummary } from './start-agreement-signing.ts';

export type HandTypedSigning =
  | { readonly ok: true; readonly record: SigningRecord; readonly summary: string | undefined }
  | { readonly ok: false; readonly problems: readonly string[] };

export async function prepareHandTypedSigning(
  deps: ApprovalDeps,
  approval: Approval,
  intervention: Intervention,
): Promise<HandTypedSigning> {
  const label = `Beslutsärende ${approval.id} (samarbetsavtal, ${intervention.code})`;
  if (intervention.stage !== 'Avtal') {
    return {
      ok: false,
      problems: [
        `${label}: ${intervention.code} är i skedet ${intervention.stage}; ett samarbetsavtal signeras i skedet Avtal. Flytta insatsen eller återkalla raden.`,
      ],
    };
  }
  const siblings = await deps.repos.approvals.listByIntervention(intervention.id);
  const other = siblings.find(
    (row) =>
      row.id !== approval.id &&
      row.subject === 'Samarbetsavtal' &&
      row.status === 'Pågår' &&
      readPayload(row.payload).agreement !== undefined,
  );
  if (other !== undefined) {
    return {
      ok: false,
      problems: [`${label}: avtalet är redan ute för signering i beslutsärende ${other.id}. Återkalla den ena raden.`],
    };
  }
  const prepared = await prepareDraft(deps, intervention);
  if (prepared.problem !== null) {
    return { ok: false, problems: [`${label}: ${draftProblemText(intervention.code, prepared.problem)}`] };
  }
  const summary = readPayload(approval.payload).summary;
  const mine = (await deps.repos.agreements.listByIntervention(intervention.id)).find(
    (file) => file.approvalId === approval.id && file.agreementStatus === 'Under signering' && file.sha256 !== null,
  );
  if (mine !== undefined) {
    // filed by an earlier sweep that did not get to stamp the row
    const record = recordOf(mine, prepared, mine.sha256 ?? '');
    return { ok: true, record, summary: summary ?? signingSummary(intervention, record) };
  }
  const retired = await retireStaleDrafts(deps, intervention.id, null);
  const filed = await fileDraft(deps, prepared, { approvalId: approval.id });
  await appendApprovalAudit(deps, {
    actorAadId: SWEEP_ACTOR,
    action: 'avtal.utkast',
    approval,
    entity: { list: 'Interventions', id: intervention.id },
    details: {
      approval: approval.id,
      file: filed.file.name,
      driveItemId: filed.file.driveItemId,
      sha256: filed.record.draft.sha256,
      via: 'rad i SharePoint',
      ...(retired.length > 0 ? { replaced: retired } : {}),
    },
  });
  return { ok: true, record: filed.record, summary: summary ?? signingSummary(intervention, filed.record) };
}
