/**
 * The approvals API's bodies and answers. The services parse the bodies themselves (so a card,
 * the bot and the API refuse the same inputs with the same Swedish messages); these schemas
 * document them, and the answers are parsed before they are sent, so the OpenAPI document cannot
 * drift from what the API returns.
 */
import { z } from 'zod';
import { budgetChangeSchema, planChangeSchema } from '../../domain/approvals/budget-change.ts';
import {
  APPROVAL_RULES,
  APPROVAL_STAGES,
  APPROVAL_STATUSES,
  APPROVAL_SUBJECTS,
  BUDGET_CATEGORIES,
  ROLES,
  VOTE_DECISIONS,
} from '../../domain/vocabulary.ts';
import { voteInputSchema } from '../../services/approvals/cast-vote.ts';
import { STARTABLE_SUBJECTS } from '../../services/approvals/start-approval.ts';

export const startApprovalBodySchema = z.object({
  insats: z.string().describe('insatsens kod (NOVA) eller post-id'),
  subject: z.enum(STARTABLE_SUBJECTS),
  summary: z.string().describe('vad som ska beslutas, högst 4 000 tecken, inga personnummer'),
  amount: z.union([z.number(), z.string()]).optional().describe('kronor, t.ex. 40000 eller "40 000 kr"'),
  dueDate: z
    .string()
    .optional()
    .describe('svara senast, ÅÅÅÅ-MM-DD, tidigast i dag; annars 10 arbetsdagar (styrelsen 15)'),
  change: budgetChangeSchema.optional().describe('krävs för en budgetändring'),
  plan: planChangeSchema.optional().describe('för en planändring; mindre: true går till förbundschefen'),
});

export const voteBodySchema = voteInputSchema;

export const withdrawBodySchema = z.object({ reason: z.string().describe('varför ärendet återkallas') });

export const delegationQuerySchema = z.object({
  from: z.string().optional().describe('beslutade denna dag eller senare, ÅÅÅÅ-MM-DD'),
});

const tallySchema = z.object({
  unit: z.enum(['organisationer', 'personer']),
  total: z.number().int(),
  approve: z.number().int(),
  reject: z.number().int(),
  abstain: z.number().int(),
  waiting: z.number().int(),
  needed: z.number().int(),
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
});

export const approvalListSchema = z.object({ items: z.array(approvalViewSchema) });

export const voteResultSchema = z.object({
  result: z.enum(['recorded', 'already-voted', 'closed']),
  view: approvalViewSchema,
});
