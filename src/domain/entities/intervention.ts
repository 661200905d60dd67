import { z } from 'zod';
import { applicationDetailsSchema } from '../application/application-details.ts';
import { INTERVENTION_KINDS, STAGES } from '../vocabulary.ts';
import { aadObjectId, amountKr, isoDate, itemId, stored } from './common.ts';

/** An insats code: short, upper case, used in PeriodKeys such as `NOVA-2027-Q1`. */
export const interventionCode = z
  .string()
  .regex(/^[A-ZÅÄÖ0-9]{2,12}$/, 'ska vara 2–12 versaler eller siffror, t.ex. NOVA');

const longText = z.string().max(20_000).nullable();

/** An insats (funded intervention) and its application texts. */
export const newInterventionSchema = z.object({
  title: z.string().trim().min(1).max(255),
  code: interventionCode,
  kind: z.enum(INTERVENTION_KINDS).nullable(),
  stage: z.enum(STAGES),
  ownerOrgId: itemId.nullable(),
  partnerOrgIds: z.array(itemId),
  projectLeaderAadId: aadObjectId.nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  grantedAmount: amountKr.nullable(),
  decisionDate: isoDate.nullable(),
  decisionRef: z.string().max(255).nullable(),
  diaryNumber: z.string().max(255).nullable(),
  followUpRegistered: z.boolean(),
  purpose: longText,
  background: longText,
  goals: longText,
  targetGroup: longText,
  methods: longText,
  staffing: longText,
  anchoring: longText,
  implementationPlan: longText,
  /**
   * The structured parts of the application (SMART goals, målgrupp counts, signatories, the four
   * criteria), stored as JSON. Optional so that rows and callers from before the column existed
   * stay valid; absent reads back as null.
   */
  applicationDetails: applicationDetailsSchema.nullable().optional(),
  /**
   * The samarbetsavtal's own invoice due rule (JSON `{"q1":"04-30",…}` like Settings
   * `faktura.forfalloregel`), typed by the kansli in SharePoint; null: the förbund's rule. Kept
   * as text because a typo there must not make the insats unreadable: the sweep parses it and
   * reports a broken one.
   */
  invoiceDueRule: z.string().max(2_000).nullable().optional(),
  /**
   * Written by the sweep only: the fingerprint of what the insats's Requisitions rows were last
   * planned from (code, stage, period, due rule). An unchanged fingerprint lets the sweep skip the
   * insats without reading its rows.
   */
  requisitionSync: z.string().max(255).nullable().optional(),
});
export const interventionSchema = newInterventionSchema.extend(stored);
export type NewIntervention = z.infer<typeof newInterventionSchema>;
export type Intervention = z.infer<typeof interventionSchema>;
