/**
 * An agreement's PDF for the app's own link (GET /api/avtal/:driveItemId/fil): for someone who may
 * read the insats (the matrix's lasa-insats), or who signs or signed it — a firmatecknare reads
 * the draft they are asked to sign, though the insats's other papers are not theirs. Anyone else
 * is refused and the refusal logged (nekad), as when reading the insats.
 */
import { AppError } from '../../domain/app-error.ts';
import { isAllowed } from '../../domain/authorization/may.ts';
import type { AgreementFile } from '../../domain/entities/library-file.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';
import { readPayload } from '../approvals/approval-payload.ts';
import { refuse } from '../authorization/refuse.ts';

export type AgreementFileContent = { readonly file: AgreementFile; readonly content: Uint8Array };

const DRIVE_ITEM_ID = /^[A-Za-z0-9!._-]{1,200}$/;

export async function readAgreementFile(
  deps: Pick<ApprovalDeps, 'repos' | 'clock' | 'logger'>,
  actor: Actor,
  driveItemId: string,
): Promise<AgreementFileContent> {
  const file = DRIVE_ITEM_ID.test(driveItemId) ? await deps.repos.agreements.findByDriveItemId(driveItemId) : null;
  if (file === null) {
    throw new AppError('NOT_FOUND', `no agreement ${driveItemId.slice(0, 60)}`, {
      userMessage: 'Avtalsfilen finns inte (den kan ha flyttats eller tagits bort i SharePoint).',
    });
  }
  const intervention =
    file.interventionId === null ? null : await deps.repos.interventions.findById(file.interventionId);
  const readsInsats = intervention !== null && isAllowed(actor, 'lasa-insats', { intervention });
  if (!readsInsats && !(await signsIt(deps, file, actor.aadObjectId))) {
    await refuse(deps, {
      actorAadId: actor.aadObjectId,
      action: 'lasa-insats',
      entity: { list: 'Interventions', id: intervention?.id ?? '-' },
      reason: 'Du har ingen roll i den här insatsen och är inte firmatecknare för avtalet.',
      details: { driveItemId },
    });
  }
  return { file, content: await deps.repos.agreements.download(file.driveItemId) };
}

/** a seat in the signing the file belongs to */
async function signsIt(deps: Pick<ApprovalDeps, 'repos'>, file: AgreementFile, aadObjectId: string): Promise<boolean> {
  if (file.approvalId === null || !/^[1-9]\d{0,9}$/.test(file.approvalId)) {
    return false;
  }
  const approval = await deps.repos.approvals.findById(file.approvalId);
  const seats = approval === null ? [] : (readPayload(approval.payload).approvers ?? []);
  return seats.some((seat) => seat.aadObjectId.toLowerCase() === aadObjectId.toLowerCase());
}
