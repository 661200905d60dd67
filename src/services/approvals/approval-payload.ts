/**
 * What an Approvals row carries in its Payload column (JSON): the matter itself (summary, budget
 * or plan change and its classification), the previous stage's recommendation, and what the
 * services stamp on it — the approvers of the stage as they stood when it started (so a vote does
 * not re-read RoleAssignments, and a mandate that ends mid-vote does not move the goalposts), the
 * insats's code and title, the decision and the withdrawal.
 *
 * The kansli may type a row by hand in SharePoint with a Payload of its own, so reading is
 * lenient: every known key is checked on its own and one that does not fit is dropped (and named),
 * never the whole payload. Keys this module does not know are kept when the payload is rewritten.
 */
import { z } from 'zod';
import { signingRecordSchema } from '../../domain/agreement-signing/signing-record.ts';
import type { Approver, Tally } from '../../domain/approvals/approval-model.ts';
import { budgetChangeSchema, planChangeSchema } from '../../domain/approvals/budget-change.ts';
import { APPROVAL_STAGES, type ApprovalStage, ROLES, VOTE_DECISIONS } from '../../domain/vocabulary.ts';

/** an approver as snapshot at the start of the stage, with the organisation's name for the card */
export type ApproverSeat = Approver & { readonly orgName: string | null };

const approverSeatSchema = z.object({
  aadObjectId: z.string().min(1),
  name: z.string(),
  role: z.enum(ROLES),
  memberOrgId: z.string().nullable(),
  substitute: z.boolean(),
  orgName: z.string().nullable().default(null),
});

const tallySchema = z.object({
  unit: z.enum(['organisationer', 'personer']),
  total: z.number(),
  approve: z.number(),
  reject: z.number(),
  abstain: z.number(),
  waiting: z.number(),
  needed: z.number(),
});

const recommendationSchema = z.object({
  approvalId: z.string().optional(),
  stage: z.enum(APPROVAL_STAGES),
  outcome: z.enum(['Godkänd', 'Avslagen']),
  tally: tallySchema,
  comments: z.array(z.object({ name: z.string(), decision: z.enum(VOTE_DECISIONS), comment: z.string() })),
});

const classificationSchema = z.object({
  minor: z.boolean(),
  reasons: z.array(z.string()),
});

const FIELDS = {
  summary: z.string().nullable(),
  requestedByName: z.string().nullable(),
  intervention: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  change: budgetChangeSchema,
  plan: planChangeSchema,
  classification: classificationSchema,
  recommendation: recommendationSchema,
  approvers: z.array(approverSeatSchema),
  pickedUpAt: z.string(),
  decidedAt: z.string(),
  decidedTally: tallySchema,
  nextStage: z.enum(APPROVAL_STAGES),
  nextApprovalId: z.string(),
  delegationDecision: z.boolean(),
  withdrawn: z.object({ byAadId: z.string(), byName: z.string().nullable(), reason: z.string(), at: z.string() }),
  consequencesDone: z.boolean(),
  /** a Samarbetsavtal: the draft being signed, and the signed file once made (issue 8) */
  agreement: signingRecordSchema,
} as const;

type Fields = typeof FIELDS;

export type ApprovalPayload = {
  readonly [K in keyof Fields]?: z.infer<Fields[K]>;
} & {
  /** keys this module does not know, kept as they were */
  readonly extra: Readonly<Record<string, unknown>>;
  /** the known keys that were present but did not fit, e.g. `change` */
  readonly unreadable: readonly string[];
};

export type StoredRecommendation = z.infer<typeof recommendationSchema>;
export type { Tally };

/** Swedish keys the kansli may type by hand, and the key each means */
const ALIASES: Readonly<Record<string, keyof Fields>> = {
  sammanfattning: 'summary',
  beskrivning: 'summary',
  andring: 'change',
  ändring: 'change',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readPayload(raw: unknown): ApprovalPayload {
  const extra: Record<string, unknown> = {};
  const known: Record<string, unknown> = {};
  const unreadable: string[] = [];
  if (typeof raw === 'string' && raw.trim() !== '') {
    // a bare text typed into the column: take it as the summary
    return { summary: raw.trim(), extra, unreadable };
  }
  if (!isRecord(raw)) {
    return { extra, unreadable };
  }
  for (const [rawKey, value] of Object.entries(raw)) {
    const key = (Object.hasOwn(FIELDS, rawKey) ? rawKey : ALIASES[rawKey.toLowerCase()]) as keyof Fields | undefined;
    if (key === undefined) {
      extra[rawKey] = value;
      continue;
    }
    const parsed = FIELDS[key].safeParse(value);
    if (parsed.success) {
      known[key] = parsed.data;
    } else {
      unreadable.push(rawKey);
      extra[rawKey] = value;
    }
  }
  return { ...(known as Partial<ApprovalPayload>), extra, unreadable };
}

export type PayloadPatch = { -readonly [K in keyof Fields]?: z.infer<Fields[K]> | undefined };

/** the JSON to store: the payload with `patch` applied (undefined removes a key), unknown keys kept */
export function writePayload(payload: ApprovalPayload, patch: PayloadPatch = {}): Record<string, unknown> {
  const { extra, unreadable: _unreadable, ...known } = payload;
  const merged: Record<string, unknown> = { ...extra, ...known };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      delete merged[key];
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/** the approver seats without the card-only orgName, as the rules take them */
export function asApprovers(seats: readonly ApproverSeat[]): Approver[] {
  return seats.map(({ orgName: _orgName, ...approver }) => approver);
}

export type { ApprovalStage };
