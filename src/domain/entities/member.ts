import { z } from 'zod';
import { ORG_TYPES } from '../vocabulary.ts';
import { stored } from './common.ts';

/** A member organisation of the förbund (Försäkringskassan, Arbetsförmedlingen, region, kommun). */
export const newMemberSchema = z.object({
  name: z.string().trim().min(1),
  orgType: z.enum(ORG_TYPES),
  financingSharePct: z.number().min(0).max(100).nullable(),
  active: z.boolean(),
});
export const memberSchema = newMemberSchema.extend(stored);
export type NewMember = z.infer<typeof newMemberSchema>;
export type Member = z.infer<typeof memberSchema>;
