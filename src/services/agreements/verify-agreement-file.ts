/**
 * Checking a file against the archive (issue 8 item 4): the SHA-256 of the bytes, and whether a
 * filed agreement (any status: a draft, a signed one, one replaced since) was filed with exactly
 * that hash — which one, and who signed it. One changed byte gives another hash: no match.
 *
 * The Agreements library is small (a few files per insats), so it is listed whole. Who learns
 * what: a caller who may read the matched agreement's insats (the matrix's lasa-insats), or who
 * signed it, gets the details; anyone else signed in learns only that the file matches an archived
 * agreement, not which — the archive's contents are the kansli's and the parties'. The CLI runs
 * with the site's own credentials and sees everything (actor null).
 */
import { localDateTime, readSignatories } from '../../domain/agreement-signing/agreement-files.ts';
import { isAllowed } from '../../domain/authorization/may.ts';
import type { Intervention } from '../../domain/entities/intervention.ts';
import type { AgreementFile } from '../../domain/entities/library-file.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { AgreementStatus } from '../../domain/vocabulary.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { readPayload } from '../approvals/approval-payload.ts';
import { sha256Hex } from './agreement-pdf.ts';

export type VerifiedSigner = {
  readonly name: string;
  readonly organisation: string | null;
  /** `2027-01-10 14:02` in the förbund's time zone, as the archive has it */
  readonly at: string | null;
};

export type VerifiedAgreement = {
  readonly insats: { readonly id: string; readonly code: string; readonly title: string } | null;
  readonly name: string;
  readonly folder: string;
  readonly status: AgreementStatus | null;
  readonly signedDate: string | null;
  readonly webUrl: string;
  readonly fileUrl: string | null;
  readonly approvalId: string | null;
  readonly signers: readonly VerifiedSigner[];
};

export type AgreementVerification = {
  readonly sha256: string;
  readonly bytes: number;
  readonly matched: boolean;
  /** the matches the caller may see */
  readonly agreements: readonly VerifiedAgreement[];
  /** matches the caller may not see the details of */
  readonly hidden: number;
  /** Swedish, one sentence or two */
  readonly message: string;
};

type VerifyDeps = Pick<ApprovalDeps, 'repos' | 'timeZone' | 'agreementFileUrl'>;

export async function verifyAgreementFile(
  deps: VerifyDeps,
  actor: Actor | null,
  content: Uint8Array,
): Promise<AgreementVerification> {
  const sha256 = sha256Hex(content);
  const files = (await deps.repos.agreements.list()).filter((file) => file.sha256?.toLowerCase() === sha256);
  const agreements: VerifiedAgreement[] = [];
  let hidden = 0;
  for (const file of files) {
    const intervention =
      file.interventionId === null ? null : await deps.repos.interventions.findById(file.interventionId);
    const signers = await signersOf(deps, file);
    if (actor !== null && !maySeeDetails(actor, intervention, signers.aadIds)) {
      hidden += 1;
      continue;
    }
    agreements.push({
      insats:
        intervention === null ? null : { id: intervention.id, code: intervention.code, title: intervention.title },
      name: file.name,
      folder: file.folder,
      status: file.agreementStatus,
      signedDate: file.signedDate,
      webUrl: file.webUrl,
      fileUrl: actor === null ? null : (deps.agreementFileUrl?.(file.driveItemId, actor.aadObjectId) ?? null),
      approvalId: file.approvalId,
      signers: signers.lines,
    });
  }
  return {
    sha256,
    bytes: content.byteLength,
    matched: files.length > 0,
    agreements,
    hidden,
    message: messageOf(files.length, agreements),
  };
}

function maySeeDetails(actor: Actor, intervention: Intervention | null, signerIds: readonly string[]): boolean {
  if (signerIds.some((id) => id.toLowerCase() === actor.aadObjectId.toLowerCase())) {
    return true;
  }
  return intervention !== null && isAllowed(actor, 'lasa-insats', { intervention });
}

/** from the signing's votes when it was signed in Teams, else from the Signatories column */
async function signersOf(
  deps: VerifyDeps,
  file: AgreementFile,
): Promise<{ lines: VerifiedSigner[]; aadIds: string[] }> {
  if (file.approvalId !== null && /^[1-9]\d{0,9}$/.test(file.approvalId)) {
    const approval = await deps.repos.approvals.findById(file.approvalId);
    if (approval !== null && file.agreementStatus !== 'Under signering') {
      const payload = readPayload(approval.payload);
      const seats = payload.approvers ?? [];
      const votes = (await deps.repos.votes.listByApproval(approval.id)).filter((vote) => vote.decision === 'Godkänn');
      if (votes.length > 0) {
        const parties = new Map((payload.agreement?.parties ?? []).map((party) => [party.memberId, party.name]));
        return {
          lines: votes.map((vote) => {
            const seat = seats.find(
              (candidate) => candidate.aadObjectId.toLowerCase() === vote.voterAadId.toLowerCase(),
            );
            return {
              name: seat?.name ?? vote.voterAadId,
              organisation:
                (vote.onBehalfOfOrgId === null ? undefined : parties.get(vote.onBehalfOfOrgId)) ??
                seat?.orgName ??
                null,
              at: localDateTime(vote.castAt, deps.timeZone),
            };
          }),
          aadIds: votes.map((vote) => vote.voterAadId),
        };
      }
    }
  }
  return { lines: readSignatories(file.signatories), aadIds: [] };
}

function messageOf(matches: number, shown: readonly VerifiedAgreement[]): string {
  if (matches === 0) {
    return 'Filen matchar inget arkiverat avtal. Den kan ha ändrats efter att den arkiverades, eller aldrig ha arkiverats i Insatsnavet.';
  }
  const [first] = shown;
  if (first === undefined) {
    return 'Filen matchar ett arkiverat avtal.';
  }
  const where = first.insats === null ? '' : ` för ${first.insats.code}`;
  const status =
    first.status === 'Signerat'
      ? `signerat${first.signedDate === null ? '' : ` ${first.signedDate}`}`
      : first.status === 'Ersatt'
        ? 'ersatt av en senare version'
        : (first.status?.toLowerCase() ?? 'utan avtalsstatus');
  const who = first.signers.length === 0 ? '' : ` Undertecknat av ${first.signers.map(signerText).join('; ')}.`;
  return `Filen matchar det arkiverade avtalet ”${first.name}”${where} (${status}).${who}`;
}

export function signerText(signer: VerifiedSigner): string {
  return [signer.name, signer.organisation === null ? null : `för ${signer.organisation}`, signer.at]
    .filter((part) => part !== null)
    .join(' ');
}
