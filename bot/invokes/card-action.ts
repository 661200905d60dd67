/**
 * Universal Actions (`adaptiveCard/action` invokes): the value is parsed with zod, the verb must
 * be one the bot knows, and the answer is an invoke response in Teams' shape — HTTP 200 with
 * `{ statusCode, type, value }`, where a refused action is `statusCode: 400` with
 * `application/vnd.microsoft.error`. Who clicked is the activity's `from`, never card data.
 */
import { z } from 'zod';
import type { AdaptiveCard, CardView } from '../cards/card-kit.ts';
import { REFRESH_VERB } from '../cards/card-kit.ts';

export type InvokeBody =
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.card.adaptive'; readonly value: AdaptiveCard }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string }
  | {
      readonly statusCode: 400 | 500;
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

export type CardAction =
  | { readonly kind: 'refresh'; readonly view: CardView }
  | { readonly kind: 'refused'; readonly body: InvokeBody };

export function parseCardAction(value: unknown): CardAction {
  const parsed = actionValueSchema.safeParse(value);
  if (!parsed.success) {
    return refused('Kortets åtgärd saknar uppgifter eller har fel form (Action.Execute med verb krävs).');
  }
  const { verb, data } = parsed.data.action;
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

export function errorBody(statusCode: 400 | 500, code: string, message: string): InvokeBody {
  return { statusCode, type: 'application/vnd.microsoft.error', value: { code, message } };
}

export function cardBody(card: AdaptiveCard): InvokeBody {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export function messageBody(text: string): InvokeBody {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text };
}
