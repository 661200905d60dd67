/**
 * The agreements API's answers (issue 8): starting a signing, filing a signed scan, checking a
 * file. Pure zod, shared by the server (which parses every answer before sending it) and the tab.
 */
import { z } from 'zod';
import { AGREEMENT_STATUSES, STAGES } from '../domain/vocabulary.ts';
import { approvalViewSchema } from './approval-view.ts';

/** one file in the Agreements library, as the API shows it */
export const agreementFileViewSchema = z.object({
  driveItemId: z.string(),
  interventionId: z.string().nullable(),
  folder: z.string(),
  name: z.string(),
  size: z.number().int(),
  agreementStatus: z.enum(AGREEMENT_STATUSES).nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  parties: z.string().nullable(),
  signedDate: z.string().nullable(),
  sha256: z.string().nullable(),
  approvalId: z.string().nullable(),
  signatories: z.string().nullable(),
  webUrl: z.string(),
  /** the app's link to the PDF for the caller (GET /api/avtal/:driveItemId/fil) */
  fileUrl: z.string().nullable(),
});

/** POST /api/insatser/:id/avtal/signering */
export const signingStartedSchema = z.object({
  approval: approvalViewSchema,
  agreement: agreementFileViewSchema,
});

/** POST /api/insatser/:id/avtal */
export const signedAgreementFiledSchema = z.object({
  agreement: agreementFileViewSchema,
  replaced: z.array(z.string()),
  stage: z.object({ from: z.enum(STAGES), to: z.enum(STAGES) }),
  renamed: z.boolean(),
});

/** POST /api/avtal/kontroll */
export const agreementVerificationSchema = z.object({
  sha256: z.string(),
  bytes: z.number().int(),
  matched: z.boolean(),
  agreements: z.array(
    z.object({
      insats: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
      name: z.string(),
      folder: z.string(),
      status: z.enum(AGREEMENT_STATUSES).nullable(),
      signedDate: z.string().nullable(),
      webUrl: z.string(),
      fileUrl: z.string().nullable(),
      approvalId: z.string().nullable(),
      signers: z.array(z.object({ name: z.string(), organisation: z.string().nullable(), at: z.string().nullable() })),
    }),
  ),
  hidden: z.number().int(),
  message: z.string(),
});
