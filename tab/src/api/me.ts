import { z } from 'zod';
import { ROLES } from '../../../src/domain/vocabulary.ts';

/** GET /api/me: who I am and what I hold */
export const meSchema = z.object({
  aadObjectId: z.string(),
  name: z.string(),
  isKansli: z.boolean(),
  isBoard: z.boolean(),
  roles: z.array(
    z.object({ role: z.enum(ROLES), interventionId: z.string().nullable(), interventionCode: z.string().nullable() }),
  ),
});

export type Me = z.infer<typeof meSchema>;

/** the person leads or owns insatser (and sees only those) */
export function isProjectSide(me: Me): boolean {
  return me.roles.some((role) => role.role === 'Projektledare' || role.role === 'Projektägare');
}

/** handles invoices: the ekonom reviews and pays, the förbundschef attests */
export function handlesInvoices(me: Me): boolean {
  return me.roles.some((role) => role.role === 'Ekonom' || role.role === 'Förbundschef');
}

/**
 * May start a new insats (the matrix's `skapa-utkast`, src/domain/authorization): the kansli and
 * those who work with insatser; the board, the beredningsgrupp and signatories assess, not apply.
 * The server decides; this only keeps the menu from offering what would be refused.
 */
export function mayStartApplication(me: Me): boolean {
  return me.isKansli || me.roles.some((role) => ['Styrgrupp', 'Projektledare', 'Projektägare'].includes(role.role));
}
