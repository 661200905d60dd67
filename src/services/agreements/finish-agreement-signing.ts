/**
 * What follows the firmatecknare's answer on a samarbetsavtal (issue 8 item 2), run by the
 * approval's crash-safe consequences (run-chain.ts; the sweep repeats them until they have all run):
 *
 * Godkänd — every party has signed:
 * 1. the draft is read back and its SHA-256 compared with the one recorded when it was filed: a
 *    draft edited in SharePoint meanwhile is NOT signed (the parties approved another text); the
 *    failure is recorded on the row, the draft goes back to 'Utkast', the kansli is told;
 * 2. the signed PDF — the draft's pages and a signature page (who, for which organisation, when,
 *    from which Teams identity; the approval's id; the draft's hash) — is filed as a new file
 *    `Samarbetsavtal <CODE> signerat <date>.pdf`, 'Signerat', with SignedDate, Parties, the period,
 *    its own SHA-256, the approval's id and the signatories, and recorded on the row;
 * 3. the draft is marked 'Ersatt', and so is any earlier signed agreement of the insats (kept);
 * 4. the insats moves from Avtal to Uppstart through the lifecycle (B8, via the agreement).
 * Each step is safe to repeat: the signed file is found by the row's id before one is made.
 *
 * Avslagen — someone refused (rule Alla: one Avslå decides): the draft goes back to 'Utkast'; the
 * refusal and its comment reach the kansli on the outcome card.
 */

import { partiesText, signatoriesText, signedFileName } from '../../domain/agreement-signing/agreement-files.ts';
import type { SigningRecord } from '../../domain/agreement-signing/signing-record.ts';
import { isAppError } from '../../domain/app-error.ts';
import type { AgreementFile } from '../../domain/entities/library-file.ts';
import { formatDate } from '../../domain/format.ts';
import { appendApprovalAudit, nowInstant } from '../approvals/approval-audit.ts';
import type { ApprovalContext } from '../approvals/approval-context.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { type PayloadPatch, readPayload, writePayload } from '../approvals/approval-payload.ts';
import { applyTransition } from '../register/apply-transition.ts';
import type { RegisterDeps } from '../register/register-deps.ts';
import { forbundNameOf } from './agreement-input.ts';
import { type AgreementSignature, appendSignaturePage, sha256Hex } from './agreement-pdf.ts';
import { fileAgreement } from './file-agreement.ts';

const INTERVENTION_LIST = 'Interventions';
const MAX_TRIES = 5;

export async function finishAgreementSigning(
  deps: ApprovalDeps,
  context: ApprovalContext,
  outcome: 'Godkänd' | 'Avslagen',
  actorAadId: string,
): Promise<void> {
  const record = context.payload.agreement;
  if (record === undefined) {
    deps.logger.warn({ approvalId: context.approval.id }, 'a samarbetsavtal was decided without a draft on record');
    return;
  }
  if (outcome === 'Avslagen') {
    await returnDraft(deps, context, record, actorAadId);
    return;
  }
  if (record.failure !== undefined) {
    // decided already that it cannot be signed: nothing to repeat
    return;
  }
  const signed = record.signed ?? (await signAndFile(deps, context, record, actorAadId));
  if (signed === null) {
    return;
  }
  await retireEarlier(deps, context, record, signed.driveItemId);
  await moveToUppstart(deps, context, actorAadId);
}

/** the refused draft back to Utkast (the kansli may change it and start again) */
async function returnDraft(
  deps: ApprovalDeps,
  context: ApprovalContext,
  record: SigningRecord,
  actorAadId: string,
): Promise<void> {
  const draft = await deps.repos.agreements.findByDriveItemId(record.draft.driveItemId);
  if (draft === null || draft.agreementStatus !== 'Under signering') {
    return;
  }
  await deps.repos.agreements.updateFields(draft.driveItemId, { agreementStatus: 'Utkast' });
  const refusal = context.votes.find((vote) => vote.decision === 'Avslå');
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'avtal.avslaget',
    approval: context.approval,
    entity: { list: INTERVENTION_LIST, id: context.approval.interventionId ?? '-' },
    details: {
      approval: context.approval.id,
      file: draft.name,
      driveItemId: draft.driveItemId,
      ...(refusal === undefined ? {} : { by: refusal.voterAadId, org: refusal.onBehalfOfOrgId }),
    },
  });
}

type SignedRef = NonNullable<SigningRecord['signed']>;

/** the signed file made and filed, or found from a run a crash cut short; null when it cannot be made */
async function signAndFile(
  deps: ApprovalDeps,
  context: ApprovalContext,
  record: SigningRecord,
  actorAadId: string,
): Promise<SignedRef | null> {
  const { approval } = context;
  const interventionId = approval.interventionId;
  if (interventionId === null) {
    return fail(deps, context, record, actorAadId, 'Beslutsärendet saknar insats, så avtalet kunde inte arkiveras.');
  }
  const earlier = (await deps.repos.agreements.listByIntervention(interventionId)).find(
    (file) => file.approvalId === approval.id && file.agreementStatus === 'Signerat' && file.sha256 !== null,
  );
  if (earlier !== undefined) {
    return remember(deps, context, refOf(earlier, earlier.sha256 ?? '', nowInstant(deps)));
  }
  const draft = await deps.repos.agreements.findByDriveItemId(record.draft.driveItemId);
  if (draft === null) {
    return fail(
      deps,
      context,
      record,
      actorAadId,
      `Utkastet ”${record.draft.name}” finns inte längre i biblioteket Samarbetsavtal, så avtalet kunde inte signeras. Starta en ny signering.`,
    );
  }
  const bytes = await deps.repos.agreements.download(draft.driveItemId);
  const found = sha256Hex(bytes);
  if (found !== record.draft.sha256) {
    return fail(
      deps,
      context,
      record,
      actorAadId,
      `Utkastet ”${draft.name}” har ändrats i SharePoint efter att signeringen startade (SHA-256 stämmer inte längre), så firmatecknarna har godkänt en annan version än den som finns nu. Inget signerat avtal arkiverades. Starta en ny signering av avtalet.`,
      { expected: record.draft.sha256, found },
    );
  }
  const [intervention, settings] = await Promise.all([
    deps.repos.interventions.findById(interventionId),
    deps.repos.settings.getAll(),
  ]);
  const code = intervention?.code ?? context.intervention?.code ?? draft.folder;
  const completedAt = context.payload.decidedAt ?? nowInstant(deps);
  const signatures = signaturesOf(context, record);
  const pdf = await appendSignaturePage(bytes, {
    approvalId: approval.id,
    draftSha256: record.draft.sha256,
    signatures,
    completedAt,
    forbundName: forbundNameOf(settings),
    code,
  });
  const sha256 = sha256Hex(pdf);
  const signedDate = formatDate(completedAt, deps.timeZone);
  const { file, reused } = await fileAgreement(deps.repos, {
    folder: draft.folder === '' ? code : draft.folder,
    nameFor: (attempt) => signedFileName(code, signedDate, attempt),
    content: pdf,
    fields: {
      interventionId,
      agreementStatus: 'Signerat',
      validFrom: record.validFrom,
      validTo: record.validTo,
      parties: partiesText(record.parties),
      signedDate,
      sha256,
      approvalId: approval.id,
      signatories: signatoriesText(
        signatures.map((signature) => ({
          name: signature.name,
          organisation: signature.organisation,
          signedAt: signature.signedAt,
        })),
        deps.timeZone,
      ),
    },
    isOurs: (existing) => existing.approvalId === approval.id && existing.agreementStatus === 'Signerat',
  });
  if (!reused) {
    await appendApprovalAudit(deps, {
      actorAadId,
      action: 'avtal.signerat',
      approval,
      entity: { list: INTERVENTION_LIST, id: interventionId },
      details: {
        approval: approval.id,
        file: file.name,
        driveItemId: file.driveItemId,
        sha256: file.sha256,
        draftSha256: record.draft.sha256,
        signatures: signatures.map((signature) => ({ voter: signature.aadObjectId, at: signature.signedAt })),
      },
    });
  }
  return remember(deps, context, refOf(file, file.sha256 ?? sha256, nowInstant(deps)));
}

/**
 * The signatures, one per approving vote, in the parties' order: the name as RoleAssignments has
 * it (the snapshot taken when the signing opened), the organisation the vote was cast for, when,
 * and the Entra id Teams said clicked.
 */
export function signaturesOf(context: ApprovalContext, record: SigningRecord): AgreementSignature[] {
  const order = new Map(record.parties.map((party, index) => [party.memberId, index]));
  const partyName = new Map(record.parties.map((party) => [party.memberId, party.name]));
  return context.votes
    .filter((vote) => vote.decision === 'Godkänn')
    .map((vote) => {
      const seat = context.seats.find(
        (candidate) => candidate.aadObjectId.toLowerCase() === vote.voterAadId.toLowerCase(),
      );
      const org = vote.onBehalfOfOrgId;
      return {
        name: seat?.name ?? vote.voterAadId,
        organisation: (org === null ? undefined : partyName.get(org)) ?? seat?.orgName ?? '',
        signedAt: vote.castAt,
        aadObjectId: vote.voterAadId,
        order: org === null ? Number.MAX_SAFE_INTEGER : (order.get(org) ?? Number.MAX_SAFE_INTEGER),
      };
    })
    .sort((a, b) => a.order - b.order || a.signedAt.localeCompare(b.signedAt))
    .map(({ order: _order, ...signature }) => signature);
}

function refOf(file: AgreementFile, sha256: string, at: string): SignedRef {
  return { driveItemId: file.driveItemId, name: file.name, sha256, webUrl: file.webUrl, at };
}

/** the signed file, recorded on the row (so a repeat does not look for it again) */
async function remember(deps: ApprovalDeps, context: ApprovalContext, signed: SignedRef): Promise<SignedRef> {
  await patchRecord(deps, context, (record) => ({ ...record, signed }));
  return signed;
}

/** the agreement cannot be signed: said on the row and the cards, the draft back to Utkast */
async function fail(
  deps: ApprovalDeps,
  context: ApprovalContext,
  record: SigningRecord,
  actorAadId: string,
  message: string,
  details: Record<string, unknown> = {},
): Promise<null> {
  deps.logger.warn({ approvalId: context.approval.id, ...details }, 'samarbetsavtal not signed');
  await patchRecord(deps, context, (current) => ({ ...current, failure: { message, at: nowInstant(deps) } }));
  const draft = await deps.repos.agreements.findByDriveItemId(record.draft.driveItemId);
  if (draft !== null && draft.agreementStatus === 'Under signering') {
    await deps.repos.agreements.updateFields(draft.driveItemId, { agreementStatus: 'Utkast' });
  }
  await appendApprovalAudit(deps, {
    actorAadId,
    action: 'avtal.signering-misslyckad',
    approval: context.approval,
    entity: { list: INTERVENTION_LIST, id: context.approval.interventionId ?? '-' },
    details: { approval: context.approval.id, file: record.draft.name, reason: message, ...details },
  });
  return null;
}

async function patchRecord(
  deps: ApprovalDeps,
  context: ApprovalContext,
  change: (record: SigningRecord) => SigningRecord,
): Promise<void> {
  for (let tries = 1; tries <= MAX_TRIES; tries += 1) {
    const row = await deps.repos.approvals.findById(context.approval.id);
    if (row === null) {
      return;
    }
    const payload = readPayload(row.payload);
    const current = payload.agreement ?? context.payload.agreement;
    if (current === undefined) {
      return;
    }
    const patch: PayloadPatch = { agreement: change(current) };
    try {
      await deps.repos.approvals.update(row.id, { payload: writePayload(payload, patch) }, { etag: row.etag });
      return;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'PRECONDITION_FAILED') || tries === MAX_TRIES) {
        throw error;
      }
    }
  }
}

/** the draft and any earlier signed agreement of the insats: kept, marked Ersatt */
async function retireEarlier(
  deps: ApprovalDeps,
  context: ApprovalContext,
  record: SigningRecord,
  signedId: string,
): Promise<void> {
  const interventionId = context.approval.interventionId;
  if (interventionId === null) {
    return;
  }
  const files = await deps.repos.agreements.listByIntervention(interventionId);
  for (const file of files) {
    const isDraft = file.driveItemId === record.draft.driveItemId;
    const earlierSigned = file.agreementStatus === 'Signerat' && file.driveItemId !== signedId;
    if ((isDraft && file.agreementStatus !== 'Ersatt') || earlierSigned) {
      await deps.repos.agreements.updateFields(file.driveItemId, { agreementStatus: 'Ersatt' });
    }
  }
}

function registerDeps(deps: ApprovalDeps): RegisterDeps {
  return {
    repos: deps.repos,
    clock: deps.clock,
    timeZone: deps.timeZone,
    unreadableRows: { clear: () => undefined, list: () => [] },
  };
}

/** Avtal → Uppstart through the lifecycle's own rule (B8, via the agreement), once */
async function moveToUppstart(deps: ApprovalDeps, context: ApprovalContext, actorAadId: string): Promise<void> {
  const interventionId = context.approval.interventionId;
  if (interventionId === null) {
    return;
  }
  const intervention = await deps.repos.interventions.findById(interventionId);
  if (intervention === null || intervention.stage !== 'Avtal') {
    if (intervention !== null && intervention.stage !== 'Uppstart') {
      deps.logger.warn(
        { approvalId: context.approval.id, stage: intervention.stage },
        'agreement signed but the insats is not in Avtal',
      );
    }
    return;
  }
  await applyTransition(registerDeps(deps), {
    intervention,
    to: 'Uppstart',
    via: 'agreement',
    actor: { aadObjectId: actorAadId, name: '', roles: [] },
    comment: `Samarbetsavtalet signerat av alla parter (beslutsärende ${context.approval.id})`,
  });
}
