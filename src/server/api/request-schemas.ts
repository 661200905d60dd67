/**
 * The API's request bodies and queries. Every free-text field goes through the personal-data guard
 * (freeText), which refuses a personnummer or samordningsnummer and names the field in Swedish.
 */
import { z } from 'zod';
import { buildApplicationDetailsSchema, type TextField } from '../../domain/application/application-details.ts';
import { aadObjectId, amountKr, isoDate, itemId } from '../../domain/entities/common.ts';
import { interventionCode } from '../../domain/entities/intervention.ts';
import { freeText, optionalFreeText } from '../../domain/personal-data/free-text.ts';
import { kansliSettingsPatchSchema } from '../../domain/settings/kansli-settings.ts';
import { BUDGET_CATEGORIES, INTERVENTION_KINDS, STAGES } from '../../domain/vocabulary.ts';

/** the application's short fields (a signatory's name and title) are one line; its texts are not */
const guardedText: TextField = (label, max) => freeText(label, { max, singleLine: max <= 255 });
const longText = (label: string) => optionalFreeText(label).optional();

export const applicationDetailsInputSchema = buildApplicationDetailsSchema(guardedText);

/** the application's fields, all optional: a draft may be saved incomplete */
const draftShape = {
  kind: z.enum(INTERVENTION_KINDS).nullable().optional(),
  ownerOrgId: itemId.nullable().optional(),
  partnerOrgIds: z.array(itemId).max(20).optional(),
  projectLeaderAadId: aadObjectId.nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  purpose: longText('Syfte'),
  background: longText('Bakgrund och behov'),
  goals: longText('Mål'),
  targetGroup: longText('Målgrupp'),
  methods: longText('Metoder'),
  staffing: longText('Resurser och bemanning'),
  anchoring: longText('Förankring'),
  implementationPlan: longText('Implementeringsplan'),
  applicationDetails: applicationDetailsInputSchema.nullable().optional(),
};

export const createDraftBodySchema = z.strictObject({
  title: freeText('Insatsens namn', { min: 1, max: 255, singleLine: true }),
  code: interventionCode,
  stage: z.enum(['Idé', 'Ansökan']).optional(),
  ...draftShape,
});

export const updateDraftBodySchema = z.strictObject({
  title: freeText('Insatsens namn', { min: 1, max: 255, singleLine: true }).optional(),
  ...draftShape,
  grantedAmount: amountKr.nullable().optional(),
  decisionDate: isoDate.nullable().optional(),
  decisionRef: optionalFreeText('Beslutsparagraf', { max: 255, singleLine: true }).optional(),
  followUpRegistered: z.boolean().optional(),
  /** the eTag the insats was read with; a stale one answers 412 (If-Match works too) */
  etag: z.string().min(1).optional(),
});

export const budgetBodySchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        category: z.enum(BUDGET_CATEGORIES),
        amount: amountKr,
      }),
    )
    .max(200),
});

export const transitionBodySchema = z.strictObject({
  till: z.enum(STAGES),
  kommentar: optionalFreeText('Kommentar', { max: 4000 }).optional(),
});

export const listQuerySchema = z.object({
  skede: z.enum(STAGES).optional(),
  agare: itemId.optional(),
  ar: z.coerce.number().int().min(2000).max(2100).optional(),
  sok: freeText('Sök', { max: 200, singleLine: true }).optional(),
});

export const idParamsSchema = z.object({ id: z.string().min(1).max(20) });

/**
 * PUT /api/installningar: any of the settings screen's fields (a partial update), parsed with the
 * sweep's own schemas and limits (src/domain/settings/kansli-settings.ts)
 */
export const settingsBodySchema = kansliSettingsPatchSchema;
