/**
 * POST /api/messages: hands the HTTP request to the Bot Framework adapter.
 */
import type { Request, Response } from 'restify';
import type { BotLogger, BotSettings } from './create-bot-adapter.ts';
import { createBotAdapter } from './create-bot-adapter.ts';
import { InsatsnavetBot } from './insatsnavet-bot.ts';

export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export function createMessagesHandler(settings: BotSettings, logger: BotLogger): MessagesHandler {
  const adapter = createBotAdapter(settings, logger);
  const bot = new InsatsnavetBot();
  return async (req, res) => {
    await adapter.process(req, res, (context) => bot.handleTurn(context));
  };
}
