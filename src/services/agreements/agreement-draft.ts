/**
 * Draws up the samarbetsavtal's draft and files it (issue 8 item 2): the content from what the
 * register knows (agreement-input.ts, the document work's buildAgreementContent), the PDF from the
 * renderer, filed as `Agreements/<CODE>/Samarbetsavtal <CODE> utkast <date>.pdf` with
 * AgreementStatus 'Under signering', the period, the parties and the draft's SHA-256 — the hash
 * the last signature is checked against. The parties must each have a firmatecknare registered:
 * an agreement someone cannot sign is not sent out.
 */

import { draftFileName, partiesText } from '../../domain/agreement-signing/agreement-files.ts';
import type { SigningRecord } from '../../domain/agreement-signing/signing-record.ts';
import {
  type AgreementInput,
  type AgreementParty,
  agreementParties,
  buildAgreementContent,
} from '../../domain/agreements/agreement-content.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { AgreementFile } from '../../domain/entities/library-file.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { gatherAgreementInput } from './agreement-input.ts';
import { renderAgreementDraft, sha256Hex } from './agreement-pdf.ts';
import { fileAgreement } from './file-agreement.ts';

type DraftDeps = Pick<ApprovalDeps, 'repos' | 'clock' | 'timeZone'>;

export type DraftProblem =
  /** the insats has no parties (OwnerOrg, PartnerOrgs) */
  | { readonly kind: 'no-parties' }
  /** these parties have no firmatecknare in force */
  | { readonly kind: 'no-signatory'; readonly parties: readonly string[] };

/** what keeps the agreement from being signed, in Swedish; null when nothing does */
export function draftProblemText(code: string, problem: DraftProblem): string {
  if (problem.kind === 'no-parties') {
    return `${code} har inga parter (projektägare och samverkansparter) att skriva avtal med. Fyll i dem först.`;
  }
  const [only] = problem.parties;
  return problem.parties.length === 1 && only !== undefined
    ? `${only} har ingen firmatecknare i listan Roller, så avtalet för ${code} kan inte signeras. Lägg in organisationens firmatecknare först.`
    : `${problem.parties.join(', ')} har ingen firmatecknare i listan Roller, så avtalet för ${code} kan inte signeras. Lägg in organisationernas firmatecknare först.`;
}

/** the parties without a signatory, or that there are none */
export function draftProblem(parties: readonly AgreementParty[]): DraftProblem | null {
  if (parties.length === 0) {
    return { kind: 'no-parties' };
  }
  const missing = parties.filter((party) => party.signatory === null).map((party) => party.name);
  return missing.length === 0 ? null : { kind: 'no-signatory', parties: missing };
}

export type PreparedDraft = {
  readonly input: AgreementInput;
  readonly parties: readonly AgreementParty[];
  readonly problem: DraftProblem | null;
};

/** reads what the draft needs and says whether it can be signed, before anything is drawn up */
export async function prepareDraft(deps: DraftDeps, intervention: Intervention): Promise<PreparedDraft> {
  const input = await gatherAgreementInput(deps, intervention);
  const parties = agreementParties(input);
  return { input, parties, problem: draftProblem(parties) };
}

export type FiledDraft = { readonly file: AgreementFile; readonly record: SigningRecord };

/**
 * Renders and files the draft. `approvalId`: the signing's row when it exists already (a row the
 * kansli typed); a file of the same name made for that row before a crash is used, not filed twice.
 */
export async function fileDraft(
  deps: DraftDeps,
  prepared: PreparedDraft,
  options: { readonly approvalId: string | null },
): Promise<FiledDraft> {
  const { input, parties } = prepared;
  const { intervention } = input;
  const content = buildAgreementContent(input);
  const pdf = await renderAgreementDraft(content);
  const sha256 = sha256Hex(pdf);
  const { file } = await fileAgreement(deps.repos, {
    folder: intervention.code,
    nameFor: (attempt) => draftFileName(intervention.code, input.today, attempt),
    content: pdf,
    fields: {
      interventionId: intervention.id,
      agreementStatus: 'Under signering',
      validFrom: intervention.startDate,
      validTo: intervention.endDate,
      parties: partiesText(parties),
      signedDate: null,
      sha256,
      approvalId: options.approvalId,
    },
    ...(options.approvalId === null
      ? {}
      : {
          isOurs: (existing: AgreementFile) =>
            existing.approvalId === options.approvalId && existing.agreementStatus === 'Under signering',
        }),
  });
  return { file, record: recordOf(file, prepared, file.sha256 ?? sha256) };
}

export function recordOf(file: AgreementFile, prepared: PreparedDraft, sha256: string): SigningRecord {
  const content = prepared.input;
  const total = content.budgetLines.reduce((sum, line) => sum + line.amount, 0);
  return {
    draft: { driveItemId: file.driveItemId, name: file.name, sha256, webUrl: file.webUrl },
    validFrom: content.intervention.startDate,
    validTo: content.intervention.endDate,
    total,
    parties: prepared.parties.map((party) => ({
      memberId: party.memberId,
      name: party.name,
      projectOwner: party.projectOwner,
    })),
  };
}

/**
 * Earlier drafts of the insats — 'Utkast' (refused, withdrawn, drawn up by hand) or still marked
 * 'Under signering' though no signing is open (the caller has checked: a demo draft, one a crash
 * left) — are superseded by the new one. They are kept, marked 'Ersatt', so only the new one reads
 * as the draft.
 */
export async function retireStaleDrafts(
  deps: Pick<ApprovalDeps, 'repos'>,
  interventionId: string,
  keep: string | null,
): Promise<string[]> {
  const files = await deps.repos.agreements.listByIntervention(interventionId);
  const stale = files.filter(
    (file) =>
      (file.agreementStatus === 'Under signering' || file.agreementStatus === 'Utkast') && file.driveItemId !== keep,
  );
  for (const file of stale) {
    await deps.repos.agreements.updateFields(file.driveItemId, { agreementStatus: 'Ersatt' });
  }
  return stale.map((file) => file.name);
}
