/**
 * The structured parts of an application (ansökan, seed 003 §2.1 and §3.3) that do not fit the
 * Interventions list's text columns: SMART goals with target values for women and men, the
 * målgrupp's criteria and estimated number (counts only: the förbund holds no participant data),
 * each applicant organisation's signatory, and the four criteria. Stored as JSON in the
 * Interventions column ApplicationDetails. A draft may leave anything empty; submitting checks.
 *
 * Stored JSON: changing a field's name or meaning here needs a migration of existing rows.
 */
import { z } from 'zod';
import { isoDate, itemId } from '../entities/common.ts';

export const GOAL_KINDS = ['Insatsmål', 'Nyttomål'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** builds a free-text field; the API passes one that refuses personnummer, storage a plain one */
export type TextField = (label: string, max: number) => z.ZodType<string>;

export const plainText: TextField = (label, max) => z.string().max(max).describe(label);

export function buildApplicationDetailsSchema(text: TextField) {
  const goal = z.object({
    kind: z.enum(GOAL_KINDS),
    text: text('Mål', 4000).nullable().default(null),
    indicator: text('Indikator', 1000).nullable().default(null),
    /** the target for women and for men, in the unit the indicator names (often per cent) */
    targetWomen: z.number().finite().min(0).nullable().default(null),
    targetMen: z.number().finite().min(0).nullable().default(null),
    /** by when the goal is to be reached */
    date: isoDate.nullable().default(null),
  });
  const signatory = z.object({
    memberOrgId: itemId,
    name: text('Undertecknare', 255).nullable().default(null),
    title: text('Undertecknarens befattning', 255).nullable().default(null),
  });
  return z.object({
    goals: z.array(goal).max(50).default([]),
    targetGroup: z
      .object({
        criteria: text('Målgrupp: kriterier', 4000).nullable().default(null),
        /** an estimate of how many people, never who */
        estimatedCount: z.number().int().min(0).nullable().default(null),
      })
      .default({ criteria: null, estimatedCount: null }),
    signatories: z.array(signatory).max(20).default([]),
    criteria: z
      .object({
        /** 1: the applicant is employed by a member with a mandate to represent it */
        applicantHasMandate: z.boolean().default(false),
        /** 2: at least two members sign and take active part */
        twoMembersSign: z.boolean().default(false),
        /** 3: one of the parties is projektägare */
        ownerAmongApplicants: z.boolean().default(false),
        /** 4: the idea starts from the individual's perspective, with the applicant's statement */
        individualPerspective: z.boolean().default(false),
        individualPerspectiveStatement: text('Individens perspektiv', 4000).nullable().default(null),
      })
      .default({
        applicantHasMandate: false,
        twoMembersSign: false,
        ownerAmongApplicants: false,
        individualPerspective: false,
        individualPerspectiveStatement: null,
      }),
  });
}

export const applicationDetailsSchema = buildApplicationDetailsSchema(plainText);
export type ApplicationDetails = z.infer<typeof applicationDetailsSchema>;
export type Goal = ApplicationDetails['goals'][number];

export function emptyApplicationDetails(): ApplicationDetails {
  return applicationDetailsSchema.parse({});
}
