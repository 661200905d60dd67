/**
 * The approvals API's answers (GET /api/beslut, /api/beslut/:id, the vote): pure zod schemas
 * shared by the server, which parses every answer with them before it is sent, and the tab,
 * which parses what it receives with the same ones.
 */
import { z } from 'zod';
import {
  APPROVAL_RULES,
  APPROVAL_STAGES,
  APPROVAL_STATUSES,
  APPROVAL_SUBJECTS,
  BUDGET_CATEGORIES,
  ROLES,
  VOTE_DECISIONS,
} from '../domain/vocabulary.ts';

export const tallySchema = z.object({
  unit: z.enum(['organisationer', 'personer']),
  total: z.number().int(),
  approve: z.number().int(),
  reject: z.number().int(),
  abstain: z.number().int(),
  waiting: z.number().int(),
  needed: z.number().int(),
});

const agreementFileLinkSchema = z.object({
  driveItemId: z.string(),
  name: z.string(),
  sha256: z.string(),
  webUrl: z.string(),
  /** the app's link to the PDF for the caller (GET /api/avtal/:driveItemId/fil), null when unknown */
  fileUrl: z.string().nullable(),
});

/** a samarbetsavtal under signing: the parties, who has signed, the draft and the signed file (issue 8) */
export const agreementSigningSchema = z.object({
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  total: z.number(),
  parties: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      projectOwner: z.boolean(),
      signatories: z.array(z.string()),
      signatures: z.array(z.object({ name: z.string(), at: z.string() })),
      refusal: z.object({ name: z.string(), at: z.string(), comment: z.string().nullable() }).nullable(),
      signed: z.boolean(),
    }),
  ),
  remaining: z.array(z.string()),
  draft: agreementFileLinkSchema,
  signed: agreementFileLinkSchema.extend({ at: z.string() }).nullable(),
  failure: z.string().nullable(),
  viewerOrganisation: z.string().nullable(),
});

/** one approval as the caller sees it (src/services/approvals/approval-view.ts) */
export const approvalViewSchema = z.object({
  approvalId: z.string(),
  etag: z.string(),
  title: z.string(),
  subject: z.enum(APPROVAL_SUBJECTS),
  stage: z.enum(APPROVAL_STAGES),
  rule: z.enum(APPROVAL_RULES),
  status: z.enum(APPROVAL_STATUSES),
  dueDate: z.string().nullable(),
  amount: z.number().nullable(),
  summary: z.string().nullable(),
  requestedByName: z.string().nullable(),
  intervention: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  tabUrl: z.string().nullable(),
  recommendation: z
    .object({
      stage: z.enum(APPROVAL_STAGES),
      outcome: z.enum(['Godkänd', 'Avslagen']),
      tally: tallySchema,
      comments: z.array(z.object({ name: z.string(), decision: z.enum(VOTE_DECISIONS), comment: z.string() })),
    })
    .nullable(),
  budgetChange: z
    .object({
      year: z.number().int(),
      moves: z.array(
        z.object({
          from: z.enum(BUDGET_CATEGORIES),
          to: z.enum(BUDGET_CATEGORIES),
          amount: z.number(),
          year: z.number().int().optional(),
        }),
      ),
      minor: z.boolean(),
      reasons: z.array(z.string()),
    })
    .nullable(),
  planChange: z.object({ description: z.string(), minor: z.boolean() }).nullable(),
  tally: tallySchema,
  votes: z.array(
    z.object({
      name: z.string(),
      orgName: z.string().nullable(),
      decision: z.enum(VOTE_DECISIONS),
      at: z.string(),
      comment: z.string().nullable(),
      counted: z.boolean(),
      substitute: z.boolean(),
    }),
  ),
  approverIds: z.array(z.string()),
  viewer: z.object({
    aadObjectId: z.string(),
    approver: z
      .object({
        aadObjectId: z.string(),
        name: z.string(),
        role: z.enum(ROLES),
        memberOrgId: z.string().nullable(),
        substitute: z.boolean(),
      })
      .nullable(),
    myVote: z.object({ decision: z.enum(VOTE_DECISIONS), at: z.string() }).nullable(),
    awaited: z.boolean(),
    allowedDecisions: z.array(z.enum(VOTE_DECISIONS)),
  }),
  decidedAt: z.string().nullable(),
  nextStageTitle: z.string().nullable(),
  delegationDecision: z.boolean(),
  withdrawnReason: z.string().nullable(),
  /** a Samarbetsavtal's agreement and signatures; null (or absent) for other matters */
  agreement: agreementSigningSchema.nullable().optional(),
});

export const approvalListSchema = z.object({ items: z.array(approvalViewSchema) });

export const voteResultSchema = z.object({
  result: z.enum(['recorded', 'already-voted', 'closed']),
  view: approvalViewSchema,
});
