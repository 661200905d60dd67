/** The API's answers as the application form uses them (parsed with the server's own schemas). */
import type { z } from 'zod';
import type { interventionDetailResponseSchema, interventionResponseSchema } from '../../api/contracts.ts';

export type Insats = z.infer<typeof interventionResponseSchema>['insats'];
export type InsatsDetail = z.infer<typeof interventionDetailResponseSchema>;

/** a member organisation as GET /api/medlemmar lists it */
export type Member = { readonly id: string; readonly name: string; readonly active: boolean };

/** the stages in which the application may still be changed (src/services/register/draft-fields.ts) */
export const DRAFT_STAGES: readonly string[] = ['Idé', 'Ansökan', 'Komplettering'];
