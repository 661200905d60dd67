/**
 * The approvals API's bodies and answers. The services parse the bodies themselves (so a card,
 * the bot and the API refuse the same inputs with the same Swedish messages); these schemas
 * document them, and the answers are parsed before they are sent, so the OpenAPI document cannot
 * drift from what the API returns.
 */
import { z } from 'zod';
import { budgetChangeSchema, planChangeSchema } from '../../domain/approvals/budget-change.ts';
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

export { approvalListSchema, approvalViewSchema, voteResultSchema } from '../../contracts/approval-view.ts';
