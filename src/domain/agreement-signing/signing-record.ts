/**
 * What a Samarbetsavtal approval records about its agreement (issue 8 item 2), in the Approvals
 * row's Payload under `agreement`: the draft that is signed — its drive item and the SHA-256 it
 * had when it was filed, so the last signature cannot sign a file edited meanwhile — what the
 * cards say of it (parties, period, compensation), and, once every party has signed, the signed
 * file, or why it could not be made. Pure zod, read leniently by approval-payload.ts.
 */
import { z } from 'zod';
import { isoDate } from '../entities/common.ts';

const fileRefSchema = z.object({
  driveItemId: z.string().min(1),
  name: z.string(),
  /** SHA-256 (hex) of the bytes as filed */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  webUrl: z.string(),
});

export const signingPartySchema = z.object({
  memberId: z.string(),
  name: z.string(),
  projectOwner: z.boolean(),
});

export const signingRecordSchema = z.object({
  draft: fileRefSchema,
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  /** the compensation the agreement grants in all (the budget's total), kronor */
  total: z.number(),
  /** the parties, the projektägare first */
  parties: z.array(signingPartySchema),
  /** the signed agreement, once filed */
  signed: fileRefSchema.extend({ at: z.string() }).optional(),
  /** why the signed agreement could not be made (the draft changed or vanished): Swedish, for the kansli */
  failure: z.object({ message: z.string(), at: z.string() }).optional(),
});

export type SigningRecord = z.infer<typeof signingRecordSchema>;
export type SigningParty = z.infer<typeof signingPartySchema>;
export type FileRef = z.infer<typeof fileRefSchema>;
