/**
 * A signing that ends without a decision — withdrawn by the kansli, or expired — leaves its draft
 * with the kansli again: 'Under signering' becomes 'Utkast' (kept; a new signing files a new
 * draft). Not fatal: the next start marks a stale draft Ersatt anyway.
 */
import type { SigningRecord } from '../../domain/agreement-signing/signing-record.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';

export async function releaseDraft(
  deps: Pick<ApprovalDeps, 'repos' | 'logger'>,
  record: SigningRecord | undefined,
): Promise<void> {
  if (record === undefined) {
    return;
  }
  try {
    const draft = await deps.repos.agreements.findByDriveItemId(record.draft.driveItemId);
    if (draft !== null && draft.agreementStatus === 'Under signering') {
      await deps.repos.agreements.updateFields(draft.driveItemId, { agreementStatus: 'Utkast' });
    }
  } catch (error) {
    deps.logger.warn(
      { err: error, driveItemId: record.draft.driveItemId },
      'the draft of an ended signing was not released',
    );
  }
}
