/**
 * The register's API answers (and the one error shape every route answers with): pure zod
 * schemas, parsed by the server before it sends (so the OpenAPI document cannot drift from them)
 * and by the tab when it receives. Only zod and light src/domain modules: the tab bundles this.
 */
import { z } from 'zod';
import { ANOMALY_CODES, ANOMALY_SEVERITIES } from '../domain/anomalies/anomaly.ts';
import { APP_ERROR_CODES, type AppErrorCode } from '../domain/app-error.ts';
import { approvalSchema, voteSchema } from '../domain/entities/approval.ts';
import { budgetLineSchema } from '../domain/entities/budget-line.ts';
import { interventionSchema } from '../domain/entities/intervention.ts';
import { agreementFileSchema, documentFileSchema } from '../domain/entities/library-file.ts';
import { requisitionSchema } from '../domain/entities/requisition.ts';
import { PERSON_GROUPS } from '../domain/people/person-groups.ts';
import { KANSLI_SETTING_FIELDS } from '../domain/settings/kansli-setting-fields.ts';
import { ORG_TYPES, REQUISITION_STATUSES, ROLES, STAGES } from '../domain/vocabulary.ts';

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
  /** the roles held for this insats today: projektledare, projektägare, styrgrupp, firmatecknare */
  people: z.array(
    z.object({ aadObjectId: z.string(), name: z.string(), role: z.enum(ROLES), memberOrg: z.string().nullable() }),
  ),
  /** the owner organisation first, then the partners */
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  /** AuditLog rows of the insats, its approvals and its requisitions, newest first, at most 100 */
  audit: z.array(
    z.object({
      at: z.string(),
      actorAadId: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      entityList: z.string(),
      entityId: z.string(),
      summary: z.string(),
    }),
  ),
  /** the insats's stage changes, oldest first */
  stageHistory: z.array(
    z.object({ at: z.string(), from: z.enum(STAGES), to: z.enum(STAGES), actorName: z.string().nullable() }),
  ),
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

const personGroups = PERSON_GROUPS.map((entry) => entry.group) as [
  (typeof PERSON_GROUPS)[number]['group'],
  ...(typeof PERSON_GROUPS)[number]['group'][],
];

export const signInPeopleResponseSchema = z.object({
  personer: z.array(
    z.object({
      aadObjectId: z.string(),
      name: z.string(),
      roles: z.array(
        z.object({
          role: z.enum(ROLES),
          interventionCode: z.string().nullable(),
          /** the member organisation's name */
          memberOrg: z.string().nullable(),
        }),
      ),
      group: z.enum(personGroups),
    }),
  ),
});

export const membersResponseSchema = z.object({
  medlemmar: z.array(z.object({ id: z.string(), name: z.string(), orgType: z.enum(ORG_TYPES), active: z.boolean() })),
});

export const overviewResponseSchema = z.object({
  today: z.string(),
  stages: z.array(z.object({ stage: z.enum(STAGES), count: z.number().int() })),
  years: z.array(z.object({ year: z.number().int(), granted: z.number(), invoiced: z.number() })),
  deadlines: z.array(
    z.object({
      periodKey: z.string(),
      interventionId: z.string(),
      code: z.string(),
      title: z.string(),
      dueDate: z.string(),
      status: z.enum(REQUISITION_STATUSES),
    }),
  ),
  totals: z.object({ granted: z.number(), invoiced: z.number() }),
});

// the answer's own shapes, not the input parsers: those pull in the holiday calendar, and the tab
// parses its answers with this module
const kansliSettingsSchema = z.object({
  dueRule: z.object({ q1: z.string(), q2: z.string(), q3: z.string(), q4: z.string() }),
  reminderOffsets: z.array(z.number().int()),
  escalationOffset: z.number().int(),
  sendTime: z.string(),
  changeThresholdPercent: z.number(),
});

export const settingsResponseSchema = z.object({
  installningar: kansliSettingsSchema,
  defaults: kansliSettingsSchema,
  /** the Settings list key each field is stored under */
  keys: z.record(z.enum(KANSLI_SETTING_FIELDS), z.string()),
  /** stored values the sweep cannot read (their default is in force) */
  problems: z.array(z.object({ field: z.enum(KANSLI_SETTING_FIELDS), key: z.string(), message: z.string() })),
  mayEdit: z.boolean(),
});

export const settingsUpdateResponseSchema = settingsResponseSchema.extend({
  /** the Settings keys this call wrote (none when every value was the one in force) */
  changed: z.array(z.string()),
});
