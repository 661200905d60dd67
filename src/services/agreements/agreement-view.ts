/**
 * An agreement file as the API answers it: its metadata and, when the app knows its address, the
 * app's link to the PDF (the local SharePoint's webUrl is not reachable from a browser, and in a
 * tenant the parties' firmatecknare may have no access to the förbund's site).
 */
import type { AgreementFile } from '../../domain/entities/library-file.ts';
import type { ApprovalDeps } from '../approvals/approval-deps.ts';

export type AgreementFileView = {
  readonly driveItemId: string;
  readonly interventionId: string | null;
  readonly folder: string;
  readonly name: string;
  readonly size: number;
  readonly agreementStatus: AgreementFile['agreementStatus'];
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly parties: string | null;
  readonly signedDate: string | null;
  readonly sha256: string | null;
  readonly approvalId: string | null;
  readonly signatories: string | null;
  /** the file in SharePoint */
  readonly webUrl: string;
  /** the app's link to the PDF for this caller (GET /api/avtal/:driveItemId/fil), null when the app's address is unknown */
  readonly fileUrl: string | null;
};

export function agreementFileView(
  deps: Pick<ApprovalDeps, 'agreementFileUrl'>,
  file: AgreementFile,
  viewerAadId: string,
): AgreementFileView {
  return {
    driveItemId: file.driveItemId,
    interventionId: file.interventionId,
    folder: file.folder,
    name: file.name,
    size: file.size,
    agreementStatus: file.agreementStatus,
    validFrom: file.validFrom,
    validTo: file.validTo,
    parties: file.parties,
    signedDate: file.signedDate,
    sha256: file.sha256,
    approvalId: file.approvalId,
    signatories: file.signatories,
    webUrl: file.webUrl,
    fileUrl: deps.agreementFileUrl?.(file.driveItemId, viewerAadId) ?? null,
  };
}
