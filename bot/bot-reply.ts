import type { AdaptiveCard } from './cards/card-kit.ts';

/** What the bot answers: a text, a card, or both; `summary` is the line Teams shows in notifications. */
export type BotReply = {
  readonly text?: string;
  readonly card?: AdaptiveCard;
  readonly summary?: string;
  /** the text is a refusal (the services logged it): a card's refresh answers it as a 403 */
  readonly forbidden?: boolean;
};

export const textReply = (text: string): BotReply => ({ text });

export const cardReply = (card: AdaptiveCard, summary: string): BotReply => ({ card, summary });
