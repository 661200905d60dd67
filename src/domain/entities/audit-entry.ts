import { z } from 'zod';
import { isoInstant, stored } from './common.ts';

/** An append-only record of who did what, when (DESIGN.md §7). */
export const newAuditEntrySchema = z.object({
  at: isoInstant,
  actorAadId: z.string().min(1).max(255),
  action: z.string().min(1).max(255),
  entityList: z.string().min(1).max(255),
  entityId: z.string().min(1).max(255),
  /** stored JSON */
  details: z.unknown().nullable(),
});
export const auditEntrySchema = newAuditEntrySchema.extend(stored);
export type NewAuditEntry = z.infer<typeof newAuditEntrySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
