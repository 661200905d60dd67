/**
 * Universal Actions (`adaptiveCard/action` invokes): the value is parsed with zod, the verb must
 * be one the bot knows, and the answer is an invoke response in Teams' shape — HTTP 200 with
 * `{ statusCode, type, value }`, where a refused action is `statusCode: 400` with
 * `application/vnd.microsoft.error`. Who clicked is the activity's `from`, never card data.
 */
import { z } from 'zod';
import { itemId } from '../../src/domain/entities/common.ts';
import { periodKey } from '../../src/domain/entities/requisition.ts';
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  VOTE_DECISIONS,
  type VoteDecision,
} from '../../src/domain/vocabulary.ts';
import type { RequisitionMessageKind } from '../../src/services/invoicing/invoicing-deps.ts';
import { APPROVAL_START_VERB, APPROVAL_VIEW_VERB, APPROVAL_VOTE_VERB } from '../cards/approval-card.ts';
import { APPROVAL_START_FIELDS } from '../cards/approval-start-card.ts';
import type { AdaptiveCard, CardView } from '../cards/card-kit.ts';
import { REFRESH_VERB } from '../cards/card-kit.ts';
import {
  REQUISITION_LIST_VERB,
  REQUISITION_REGISTER_VERB,
  REQUISITION_STATUS_VERB,
  REQUISITION_VIEW_VERB,
} from '../cards/requisition-card.ts';

export type InvokeBody =
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.card.adaptive'; readonly value: AdaptiveCard }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string }
  | {
      readonly statusCode: 400 | 403 | 404 | 500;
      readonly type: 'application/vnd.microsoft.error';
      readonly value: { readonly code: string; readonly message: string };
    };

const actionValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().trim().min(1).max(100),
    id: z.string().max(255).optional(),
    data: z.unknown().optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

const code = z.string().trim().min(1).max(100);
export const cardViewSchema: z.ZodType<CardView> = z.discriminatedUnion('vy', [
  z.object({ vy: z.literal('hjalp') }),
  z.object({ vy: z.literal('mina-insatser') }),
  z.object({ vy: z.literal('status'), kod: code }),
  z.object({ vy: z.literal('frister') }),
  z.object({ vy: z.literal('att-besluta') }),
]);

/** a requisition's form as Teams sends it: the button's data with the inputs' values merged in, as strings */
export type RequisitionForm = {
  readonly fakturanummer?: string;
  readonly inkom?: string;
  readonly total?: string;
  readonly skal?: string;
} & { readonly [category in BudgetCategory]?: string };

export type RequisitionCardAction =
  | { readonly kind: 'requisition-list' }
  | { readonly kind: 'requisition-view'; readonly periodKey: string; readonly messageKind?: RequisitionMessageKind }
  | {
      readonly kind: 'requisition-register';
      readonly periodKey: string;
      readonly etag: string | undefined;
      readonly form: RequisitionForm;
    }
  | {
      readonly kind: 'requisition-status';
      readonly periodKey: string;
      readonly etag: string | undefined;
      readonly action: 'granska' | 'attestera' | 'betala' | 'avvisa';
      readonly form: RequisitionForm;
    };

/** the start form (`nytt beslut <kod>`) as Teams sends it: every input's value as a string */
export type ApprovalStartForm = { readonly [field in keyof typeof APPROVAL_START_FIELDS]?: string };

export type ApprovalCardAction =
  | { readonly kind: 'approval-view'; readonly approvalId: string }
  | {
      readonly kind: 'approval-vote';
      readonly approvalId: string;
      readonly decision: VoteDecision;
      readonly comment: string | undefined;
    }
  | { readonly kind: 'approval-start'; readonly insats: string; readonly form: ApprovalStartForm };

export type CardAction =
  | { readonly kind: 'refresh'; readonly view: CardView }
  | RequisitionCardAction
  | ApprovalCardAction
  | { readonly kind: 'refused'; readonly body: InvokeBody };

const MESSAGE_KINDS = [
  'reminder',
  'overdue-projektledare',
  'overdue-ekonom',
  'to-review',
  'to-attest',
  'to-pay',
  'rejected',
] as const satisfies readonly RequisitionMessageKind[];

/** Teams sends an Input.Number's value as a string; a client may send a number: both become text */
const typed = (max: number) =>
  z
    .union([z.string().max(max), z.number().finite()])
    .transform((value) => String(value).trim())
    .optional();

const etag = z.string().trim().min(1).max(200).optional();

/** unknown keys (a forged `from` or actor among them) are dropped: who acts is the activity's `from` */
const formSchema = z.object({
  fakturanummer: typed(255),
  inkom: typed(40),
  total: typed(40),
  skal: typed(2000),
  ...Object.fromEntries(BUDGET_CATEGORIES.map((category) => [category, typed(40)])),
});

const requisitionViewSchema = z.object({ periodKey, kind: z.enum(MESSAGE_KINDS).optional().catch(undefined) });
const requisitionRegisterSchema = z.object({ periodKey, etag });
const requisitionStatusSchema = z.object({
  periodKey,
  etag,
  action: z.enum(['granska', 'attestera', 'betala', 'avvisa']),
});

function parseRequisitionAction(verb: string, data: unknown): CardAction | null {
  switch (verb) {
    case REQUISITION_LIST_VERB:
      return { kind: 'requisition-list' };
    case REQUISITION_VIEW_VERB: {
      const parsed = requisitionViewSchema.safeParse(data);
      if (!parsed.success) {
        return refused('Kortet saknar uppgift om vilken rekvisition som ska visas. Skriv fakturor i chatten.');
      }
      const { periodKey: key, kind } = parsed.data;
      return kind === undefined
        ? { kind: 'requisition-view', periodKey: key }
        : { kind: 'requisition-view', periodKey: key, messageKind: kind };
    }
    case REQUISITION_REGISTER_VERB: {
      const parsed = requisitionRegisterSchema.safeParse(data);
      const form = formSchema.safeParse(data);
      if (!parsed.success || !form.success) {
        return refused('Kortets uppgifter har fel form. Skriv faktura följt av insatsens kod för ett nytt kort.');
      }
      return {
        kind: 'requisition-register',
        periodKey: parsed.data.periodKey,
        etag: parsed.data.etag,
        form: form.data as RequisitionForm,
      };
    }
    case REQUISITION_STATUS_VERB: {
      const parsed = requisitionStatusSchema.safeParse(data);
      const form = formSchema.safeParse(data);
      if (!parsed.success || !form.success) {
        return refused('Kortets uppgifter har fel form. Skriv faktura följt av insatsens kod för ett nytt kort.');
      }
      return {
        kind: 'requisition-status',
        periodKey: parsed.data.periodKey,
        etag: parsed.data.etag,
        action: parsed.data.action,
        form: form.data as RequisitionForm,
      };
    }
    default:
      return null;
  }
}

const approvalViewSchema = z.object({ approvalId: itemId });
/** only the approval, the decision and the comment are read: a forged voter in the data is dropped */
const approvalVoteSchema = z.object({
  approvalId: itemId,
  beslut: z.enum(VOTE_DECISIONS),
  kommentar: typed(2000),
});
const approvalStartSchema = z.object({
  insats: z.string().trim().min(1).max(100),
  ...Object.fromEntries(Object.values(APPROVAL_START_FIELDS).map((field) => [field, typed(4000)])),
});

function parseApprovalAction(verb: string, data: unknown): CardAction | null {
  switch (verb) {
    case APPROVAL_VIEW_VERB: {
      const parsed = approvalViewSchema.safeParse(data);
      return parsed.success
        ? { kind: 'approval-view', approvalId: parsed.data.approvalId }
        : refused('Kortet saknar uppgift om vilket beslutsärende som ska visas. Skriv att besluta i chatten.');
    }
    case APPROVAL_VOTE_VERB: {
      const parsed = approvalVoteSchema.safeParse(data);
      if (!parsed.success) {
        return refused('Kortets röst har fel form. Skriv att besluta i chatten för ett nytt kort.');
      }
      const comment = parsed.data.kommentar;
      return {
        kind: 'approval-vote',
        approvalId: parsed.data.approvalId,
        decision: parsed.data.beslut,
        comment: comment === undefined || comment === '' ? undefined : comment,
      };
    }
    case APPROVAL_START_VERB: {
      const parsed = approvalStartSchema.safeParse(data);
      if (!parsed.success) {
        return refused(
          'Formulärets uppgifter har fel form. Skriv nytt beslut följt av insatsens kod för ett nytt formulär.',
        );
      }
      const { insats, ...form } = parsed.data;
      const typedValues = form as Record<string, string | undefined>;
      const fields = Object.fromEntries(
        Object.entries(APPROVAL_START_FIELDS)
          .map(([key, field]) => [key, typedValues[field]] as const)
          .filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
      );
      return { kind: 'approval-start', insats, form: fields as ApprovalStartForm };
    }
    default:
      return null;
  }
}

export function parseCardAction(value: unknown): CardAction {
  const parsed = actionValueSchema.safeParse(value);
  if (!parsed.success) {
    return refused('Kortets åtgärd saknar uppgifter eller har fel form (Action.Execute med verb krävs).');
  }
  const { verb, data } = parsed.data.action;
  const requisition = parseRequisitionAction(verb, data) ?? parseApprovalAction(verb, data);
  if (requisition !== null) {
    return requisition;
  }
  if (verb !== REFRESH_VERB) {
    return refused(`Okänd åtgärd ”${verb.slice(0, 60)}”. Skriv hjälp för att se vad Insatsnavet kan.`);
  }
  const view = cardViewSchema.safeParse(data);
  if (!view.success) {
    return refused('Kortet saknar uppgift om vad som ska visas. Skriv kommandot igen i chatten.');
  }
  return { kind: 'refresh', view: view.data };
}

export function refused(message: string): CardAction {
  return { kind: 'refused', body: errorBody(400, 'BadRequest', message) };
}

export function errorBody(statusCode: 400 | 403 | 404 | 500, code: string, message: string): InvokeBody {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}

export function cardBody(card: AdaptiveCard): InvokeBody {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export function messageBody(text: string): InvokeBody {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
