import { z } from 'zod';
import { ROLES } from '../vocabulary.ts';
import { aadObjectId, isoDate, itemId, stored } from './common.ts';

/**
 * One role held by one person: a board seat for a member organisation, a kansli post, a seat in
 * an insats's styrgrupp, a projektledare or projektägare of an insats, a firmatecknare.
 */
export const newRoleAssignmentSchema = z.object({
  name: z.string().trim().min(1),
  aadObjectId,
  email: z.email().nullable(),
  role: z.enum(ROLES),
  /** the member organisation the person represents (board, beredningsgrupp, firmatecknare, styrgrupp) */
  memberOrgId: itemId.nullable(),
  /** set for roles scoped to one insats (Projektledare, Projektägare, Styrgrupp) */
  interventionId: itemId.nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
});
export const roleAssignmentSchema = newRoleAssignmentSchema.extend(stored);
export type NewRoleAssignment = z.infer<typeof newRoleAssignmentSchema>;
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;
