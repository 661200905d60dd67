import { z } from 'zod';

/** GET /api/personer (AUTH_MODE=dev only): the people the local sign-in picker offers */
export const peopleSchema = z.object({
  personer: z.array(
    z.object({
      aadObjectId: z.string(),
      name: z.string(),
      group: z.string(),
      roles: z.array(
        z.object({
          role: z.string(),
          interventionCode: z.string().nullable(),
          memberOrg: z.string().nullable(),
        }),
      ),
    }),
  ),
});

export type Person = z.infer<typeof peopleSchema>['personer'][number];
