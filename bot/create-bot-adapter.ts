/**
 * The Bot Framework adapter. Anonymous only when no bot app id is configured (local use with the
 * Agents Playground); with BOT_APP_ID set, botbuilder validates every incoming token as a
 * single-tenant bot. env.ts refuses an anonymous bot when NODE_ENV=production.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

export type BotSettings = {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly tenantId: string | undefined;
};

export type BotLogger = { error(payload: object, message: string): void };

export function createBotAdapter(settings: BotSettings, logger: BotLogger): CloudAdapter {
  const authentication =
    settings.appId === undefined
      ? new ConfigurationBotFrameworkAuthentication({})
      : new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: settings.appId,
          MicrosoftAppPassword: settings.appPassword ?? '',
          MicrosoftAppType: 'SingleTenant',
          MicrosoftAppTenantId: settings.tenantId ?? '',
        });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    if (context.activity.type !== 'message') {
      // an install event or an invoke has nobody waiting for a chat answer
      return;
    }
    try {
      // the user sees a short Swedish apology, never the error itself
      await context.sendActivity('Något gick fel i Insatsnavet. Försök igen om en stund.');
    } catch (sendError) {
      // the channel itself is unreachable: the turn is lost either way, and throwing here
      // would turn the request into a 500 for Teams to retry
      logger.error({ err: sendError }, 'the apology could not be sent either');
    }
  };
  return adapter;
}
