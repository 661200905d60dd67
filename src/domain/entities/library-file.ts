import { z } from 'zod';
import { AGREEMENT_STATUSES, DOCUMENT_KINDS } from '../vocabulary.ts';
import { isoDate, itemId, stored } from './common.ts';

/** What every file in a document library has: its drive item and its list item. */
const fileBase = {
  ...stored,
  driveItemId: z.string().min(1),
  /** folder path inside the library, e.g. `NOVA`, and the file name */
  folder: z.string(),
  name: z.string().min(1),
  size: z.number().int().min(0),
  webUrl: z.string(),
  interventionId: itemId.nullable(),
};

/** A samarbetsavtal file in the Agreements library. */
export const agreementFileSchema = z.object({
  ...fileBase,
  agreementStatus: z.enum(AGREEMENT_STATUSES).nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  parties: z.string().nullable(),
  signedDate: isoDate.nullable(),
  sha256: z.string().nullable(),
  /** the Approvals row that collected the signatures (a file filed by hand or scanned: null) */
  approvalId: z.string().nullable(),
  /** who signed for which party when, one line each: `Ola Nordin, Försäkringskassan, 2027-01-10 14:02` */
  signatories: z.string().nullable(),
});
export type AgreementFile = z.infer<typeof agreementFileSchema>;

/** A document (application, report, minutes …) in the Documents library. */
export const documentFileSchema = z.object({
  ...fileBase,
  documentKind: z.enum(DOCUMENT_KINDS).nullable(),
  period: z.string().nullable(),
});
export type DocumentFile = z.infer<typeof documentFileSchema>;
