/**
 * POST /api/messages: checks that the body is a Bot Framework activity (a malformed one is a 400,
 * never a 500) and hands it to the adapter and the bot.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { BotDependencies } from './bot-dependencies.ts';
import { type BotAdapterOptions, type BotSettings, createBotAdapter } from './create-bot-adapter.ts';
import { assertIncomingActivity } from './incoming-activity.ts';
import { InsatsnavetBot } from './insatsnavet-bot.ts';

export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export type Bot = {
  readonly handleMessage: MessagesHandler;
  /** the adapter that serves /api/messages; the proactive sender uses the same one */
  readonly adapter: CloudAdapter;
};

/** `options` are test-facing (local Bot Framework endpoints); production passes none */
export function createBot(settings: BotSettings, deps: BotDependencies, options: BotAdapterOptions = {}): Bot {
  const adapter = createBotAdapter(settings, deps.logger, options);
  const bot = new InsatsnavetBot(deps);
  return {
    adapter,
    handleMessage: async (req, res) => {
      assertIncomingActivity(req.body);
      await adapter.process(req, res, (context) => bot.handleTurn(context));
    },
  };
}
