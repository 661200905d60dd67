/**
 * The API's answers, parsed before they are sent (so the OpenAPI document cannot drift from them)
 * and the one error shape every route answers with.
 */
import { z } from 'zod';
import { ANOMALY_CODES, ANOMALY_SEVERITIES } from '../../domain/anomalies/anomaly.ts';
import { APP_ERROR_CODES, type AppErrorCode } from '../../domain/app-error.ts';
import { approvalSchema, voteSchema } from '../../domain/entities/approval.ts';
import { budgetLineSchema } from '../../domain/entities/budget-line.ts';
import { interventionSchema } from '../../domain/entities/intervention.ts';
import { agreementFileSchema, documentFileSchema } from '../../domain/entities/library-file.ts';
import { requisitionSchema } from '../../domain/entities/requisition.ts';
import { ROLES, STAGES } from '../../domain/vocabulary.ts';

const errorCodes = Object.keys(APP_ERROR_CODES) as [AppErrorCode, ...AppErrorCode[]];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const anomalySchema = z.object({
  code: z.enum(ANOMALY_CODES),
  interventionId: z.string().nullable(),
  interventionCode: z.string().nullable(),
  title: z.string(),
  message: z.string(),
  severity: z.enum(ANOMALY_SEVERITIES),
});

export const nextTransitionSchema = z.object({
  to: z.enum(STAGES),
  allowed: z.boolean(),
  who: z.string(),
  reasons: z.array(z.string()),
});

export const interventionResponseSchema = z.object({ insats: interventionSchema });

export const interventionListResponseSchema = z.object({ insatser: z.array(interventionSchema) });

export const interventionDetailResponseSchema = z.object({
  insats: interventionSchema,
  budgetLines: z.array(budgetLineSchema),
  requisitions: z.array(requisitionSchema),
  approvals: z.array(approvalSchema.extend({ votes: z.array(voteSchema) })),
  documents: z.array(documentFileSchema),
  agreements: z.array(agreementFileSchema),
  applicationProblems: z.array(z.string()),
  nextTransitions: z.array(nextTransitionSchema),
});

export const budgetResponseSchema = z.object({ budgetLines: z.array(budgetLineSchema), total: z.number() });

export const registerResponseSchema = z.object({
  today: z.string(),
  anomalies: z.number().int(),
  rows: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      stage: z.enum(STAGES),
      diaryNumber: z.string().nullable(),
      owner: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      grantedAmount: z.number().nullable(),
      invoicedSoFar: z.number(),
      nextDeadline: z.object({ periodKey: z.string(), dueDate: z.string() }).nullable(),
      anomalies: z.array(anomalySchema),
    }),
  ),
});

export const anomaliesResponseSchema = z.object({ avvikelser: z.array(anomalySchema) });

export const meResponseSchema = z.object({
  aadObjectId: z.string(),
  name: z.string(),
  isKansli: z.boolean(),
  isBoard: z.boolean(),
  roles: z.array(
    z.object({ role: z.enum(ROLES), interventionId: z.string().nullable(), interventionCode: z.string().nullable() }),
  ),
});
