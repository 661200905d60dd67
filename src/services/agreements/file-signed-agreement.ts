/**
 * Filing a signed samarbetsavtal that was signed on paper and scanned, instead of in Teams (issue 8
 * item 3): from the tab (POST /api/insatser/:id/avtal) and from a PDF sent to the bot in a
 * personal chat — the same use case. Only a PDF (by content, pdf-lib.ts), at most 20 MB, under a
 * name made valid for SharePoint, filed with conflictBehavior=fail: the same name twice gets a
 * distinct name (` (2)`), never an overwrite. Filed 'Signerat' with its SHA-256, SignedDate (given,
 * else today), the insats's period and parties; an earlier signed agreement of the insats is kept
 * and marked 'Ersatt'; an insats in Avtal moves to Uppstart (B8, via the agreement).
 *
 * Refused, with nothing stored: someone the matrix's arkivera-avtal does not allow (403, logged
 * nekad); an insats before the board's decision, or with a signing open in Teams (409: withdraw
 * it first — one agreement is signed one way); anything that is not a PDF (400) or too large (413).
 */
import { z } from 'zod';
import { partiesOf, partiesText, uploadFileName } from '../../domain/agreement-signing/agreement-files.ts';
import { AppError } from '../../domain/app-error.ts';
import { isAllowed } from '../../domain/authorization/may.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import { isoDate } from '../../domain/entities/common.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { appendApprovalAudit } from '../approvals/approval-audit.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { authorize } from '../authorization/refuse.ts';
import { applyTransition } from '../register/apply-transition.ts';
import { sha256Hex } from './agreement-pdf.ts';
import { type AgreementFileView, agreementFileView } from './agreement-view.ts';
import { fileAgreement } from './file-agreement.ts';
import { assertPdf } from './pdf-check.ts';
import { openSigningOf } from './start-agreement-signing.ts';

const INTERVENTION_LIST = 'Interventions';

/** from the board's decision on: an agreement is signed after it, and a new version may come later */
const FILING_STAGES: readonly Stage[] = [
  'Beviljad',
  'Avtal',
  'Uppstart',
  'Pågående',
  'Avslutas',
  'Avslutad',
  'Avbruten',
];

export type SignedAgreementUpload = {
  /** the insats's list item id */
  readonly interventionId: string;
  /** the sender's file name (any folder part is dropped); null: `Samarbetsavtal <CODE> signerat <date>.pdf` */
  readonly fileName: string | null;
  /** `YYYY-MM-DD`, not after today; null: today */
  readonly signedDate: string | null;
  readonly content: Uint8Array;
};

export type SignedAgreementFiled = {
  readonly agreement: AgreementFileView;
  /** earlier signed agreements of the insats, now Ersatt (kept) */
  readonly replaced: readonly string[];
  /** the insats's stage before and after (Avtal → Uppstart when it moved) */
  readonly stage: { readonly from: Stage; readonly to: Stage };
  /** the name the sender gave was taken: the file got this one instead */
  readonly renamed: boolean;
};

const signedDateSchema = isoDate.nullable();

/**
 * The insats, if the caller may file its agreement: 404 when there is none, 403 (logged nekad)
 * when the matrix's arkivera-avtal says no. The bot asks this before it downloads a file.
 */
export async function authorizeAgreementFiling(
  deps: ApprovalDeps,
  actor: Actor,
  interventionId: string,
): Promise<Intervention> {
  const intervention = /^[1-9]\d{0,9}$/.test(interventionId)
    ? await deps.repos.interventions.findById(interventionId)
    : null;
  if (intervention === null) {
    throw new AppError('NOT_FOUND', `intervention ${interventionId} not found`, {
      userMessage: `Insatsen ${interventionId.slice(0, 20)} finns inte.`,
    });
  }
  await authorize(deps, actor, 'arkivera-avtal', { intervention }, { list: INTERVENTION_LIST, id: intervention.id });
  return intervention;
}

/** the insatser in Avtal this person may file a signed agreement for (the bot's guess when none is named) */
export async function insatserAwaitingAgreement(deps: ApprovalDeps, actor: Actor): Promise<Intervention[]> {
  const waiting = (await deps.repos.interventions.list()).filter((intervention) => intervention.stage === 'Avtal');
  return waiting.filter((intervention) => isAllowed(actor, 'arkivera-avtal', { intervention }));
}

export async function fileSignedAgreement(
  deps: ApprovalDeps,
  actor: Actor,
  upload: SignedAgreementUpload,
): Promise<SignedAgreementFiled> {
  const intervention = await authorizeAgreementFiling(deps, actor, upload.interventionId);
  const today = todayIn(deps.clock, deps.timeZone);
  const signedDate = parseSignedDate(upload.signedDate, today);
  await assertPdf(upload.content);
  await assertFileable(deps, intervention);

  const [members, earlier] = await Promise.all([
    deps.repos.members.list(),
    deps.repos.agreements.listByIntervention(intervention.id),
  ]);
  const sha256 = sha256Hex(upload.content);
  const { file, attempt } = await fileAgreement(deps.repos, {
    folder: intervention.code,
    nameFor: (attempt) => uploadFileName(upload.fileName, intervention.code, signedDate, attempt),
    content: upload.content,
    fields: {
      interventionId: intervention.id,
      agreementStatus: 'Signerat',
      validFrom: intervention.startDate,
      validTo: intervention.endDate,
      parties: partiesText(partiesOf(intervention, members)),
      signedDate,
      sha256,
      approvalId: null,
      signatories: null,
    },
  });
  const replaced = earlier.filter(
    (other) => other.agreementStatus === 'Signerat' && other.driveItemId !== file.driveItemId,
  );
  for (const other of replaced) {
    await deps.repos.agreements.updateFields(other.driveItemId, { agreementStatus: 'Ersatt' });
  }
  await appendApprovalAudit(deps, {
    actorAadId: actor.aadObjectId,
    action: 'avtal.arkiverat',
    approval: null,
    entity: { list: INTERVENTION_LIST, id: intervention.id },
    details: {
      file: file.name,
      driveItemId: file.driveItemId,
      sha256,
      signedDate,
      size: upload.content.byteLength,
      ...(replaced.length > 0 ? { replaced: replaced.map((other) => other.name) } : {}),
    },
  });
  const to = await moveToUppstart(deps, actor, intervention);
  return {
    agreement: agreementFileView(deps, file, actor.aadObjectId),
    replaced: replaced.map((other) => other.name),
    stage: { from: intervention.stage, to },
    renamed: attempt > 1,
  };
}

function parseSignedDate(raw: string | null, today: string): string {
  const parsed = signedDateSchema.safeParse(raw === null || raw.trim() === '' ? null : raw.trim());
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'bad signedDate', {
      userMessage: 'Signerat datum ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2027-01-10.',
      details: { fields: { signerat: 'Signerat datum ska skrivas ÅÅÅÅ-MM-DD.' } },
    });
  }
  const date = parsed.data ?? today;
  if (date > today) {
    throw new AppError('INVALID_INPUT', 'signedDate in the future', {
      userMessage: `Signerat datum kan inte vara efter i dag (${today}).`,
      details: { fields: { signerat: `Signerat datum kan inte vara efter i dag (${today}).` } },
    });
  }
  return date;
}

async function assertFileable(deps: ApprovalDeps, intervention: Intervention): Promise<void> {
  if (!FILING_STAGES.includes(intervention.stage)) {
    throw new AppError('INVALID_STATE', `${intervention.code} is ${intervention.stage}`, {
      userMessage: `${intervention.code} är i skedet ${intervention.stage}. Ett samarbetsavtal arkiveras efter styrelsens beslut (från skedet Beviljad).`,
      details: { reasons: [`Skede: ${intervention.stage}`] },
    });
  }
  const open = openSigningOf(await deps.repos.approvals.listByIntervention(intervention.id));
  if (open !== null) {
    throw new AppError('CONFLICT', `signing ${open.id} is open`, {
      userMessage: `Avtalet för ${intervention.code} är ute för signering i Teams (beslutsärende ${open.id}). Återkalla det ärendet först om det inskannade avtalet ska gälla i stället.`,
      details: { approvalId: open.id },
    });
  }
}

/** Avtal → Uppstart (B8, via the agreement) when the insats was waiting for it; else it stays */
async function moveToUppstart(deps: ApprovalDeps, actor: Actor, intervention: Intervention): Promise<Stage> {
  if (intervention.stage !== 'Avtal') {
    return intervention.stage;
  }
  const fresh = (await deps.repos.interventions.findById(intervention.id)) ?? intervention;
  if (fresh.stage !== 'Avtal') {
    return fresh.stage;
  }
  const moved = await applyTransition(
    {
      repos: deps.repos,
      clock: deps.clock,
      timeZone: deps.timeZone,
      unreadableRows: { clear: () => undefined, list: () => [] },
    },
    {
      intervention: fresh,
      to: 'Uppstart',
      via: 'agreement',
      actor,
      comment: 'Signerat samarbetsavtal arkiverat (inskannat)',
    },
  );
  return moved.stage;
}

export const uploadQuerySchema = z.object({
  filnamn: z.string().max(400).optional(),
  signerat: z.string().max(20).optional(),
});
