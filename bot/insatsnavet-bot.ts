/**
 * The bot's conversation handler. For now it greets and answers with help in Swedish; the bot
 * issue adds commands, installation tracking and the proactive notifier.
 */
import { ActivityHandler, type TurnContext } from 'botbuilder';

export const HELP_TEXT = [
  'Hej! Jag är **Insatsnavet**, samordningsförbundets stöd för insatser.',
  'Jag påminner projektledare om kvartalsrekvisitioner, skickar beslutsärenden till styrgrupp, beredningsgrupp och styrelse, och svarar på frågor om insatserna.',
  'Skriv **hjälp** för att se vad jag kan.',
].join('\n\n');

export class InsatsnavetBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(HELP_TEXT);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      const joinedSomeoneElse = (context.activity.membersAdded ?? []).some((member) => member.id !== botId);
      if (joinedSomeoneElse) {
        await context.sendActivity(HELP_TEXT);
      }
      await next();
    });
  }

  /** Runs one turn; the adapter calls this for every activity. */
  async handleTurn(context: TurnContext): Promise<void> {
    await this.run(context);
  }
}
