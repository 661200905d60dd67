/**
 * The bot's turn handler: installation events keep the Conversations list, messages are parsed
 * into commands and answered (cards where a list reads better), and card buttons are Universal
 * Actions answered with an invoke response. Every question is answered for the user Teams names
 * in `from` (in AUTH_MODE=dev: the seeded person they act as).
 */
import { type Activity, TurnContext } from 'botbuilder';
import type { ActingPerson } from '../src/services/dev-identity/acting-person-setting.ts';
import { rearmAfterInstall } from '../src/services/notifications/rearm-after-install.ts';
import type { BotDependencies } from './bot-dependencies.ts';
import type { BotReply } from './bot-reply.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from './cards/card-kit.ts';
import { answerAgreementFile, answerStartSigning, carriesFile } from './commands/answer-agreement.ts';
import { answerApproval, answerDelegationDecisions, answerStartApproval } from './commands/answer-approval.ts';
import { answerCalendar } from './commands/answer-calendar.ts';
import { answerRequisition, answerRequisitionList } from './commands/answer-requisition.ts';
import { answerView } from './commands/answer-view.ts';
import { type Command, parseCommand } from './commands/parse-command.ts';
import {
  asPersonalTargetFor,
  type ConversationTarget,
  conversationTargetOf,
  pointsAt,
} from './conversations/conversation-target.ts';
import { ConversationTracker } from './conversations/conversation-tracker.ts';
import { ActingPersonStore } from './identity/acting-person-store.ts';
import type { BotUser } from './identity/bot-user.ts';
import { actAs, actAsSelf, whoAmI } from './identity/dev-commands.ts';
import { resolveBotUser } from './identity/resolve-bot-user.ts';
import { answerApprovalAction } from './invokes/approval-actions.ts';
import { cardBody, errorBody, type InvokeBody, messageBody, parseCardAction } from './invokes/card-action.ts';
import { answerRequisitionAction } from './invokes/requisition-actions.ts';
import { unknownCommandText, WELCOME_TEXT } from './texts.ts';

/** kept for callers that want the welcome in plain text */
export const HELP_TEXT = WELCOME_TEXT;

export class InsatsnavetBot {
  private readonly deps: BotDependencies;
  private readonly tracker: ConversationTracker;
  /** only in AUTH_MODE=dev: in production nobody can act as someone else */
  private readonly actingStore: ActingPersonStore | null;

  constructor(deps: BotDependencies) {
    this.deps = deps;
    this.tracker = new ConversationTracker({ conversations: deps.repositories.conversations, clock: deps.clock });
    this.actingStore = deps.authMode === 'dev' ? new ActingPersonStore(deps.repositories.settings) : null;
  }

  /** Runs one turn; the adapter calls this for every activity. */
  async handleTurn(context: TurnContext): Promise<void> {
    switch (context.activity.type) {
      case 'message':
        return this.onMessage(context);
      case 'installationUpdate':
        return this.onInstallationUpdate(context);
      case 'conversationUpdate':
        return this.onConversationUpdate(context);
      case 'invoke':
        return this.onInvoke(context);
      default:
        // typing, reactions, events …: nothing to answer
        return;
    }
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const user = await resolveBotUser(activity, this.actingStore);
    const target = conversationTargetOf(activity);
    const text =
      activity.text === undefined || activity.text === null ? '' : TurnContext.removeRecipientMention(activity);
    if (carriesFile(activity)) {
      // a file sent to the bot is a signed samarbetsavtal to file (issue 8); the text names the insats
      const [reply] = await Promise.all([
        answerAgreementFile(activity, text ?? '', user, target, this.deps),
        this.refresh(target, user.actingAs),
      ]);
      await context.sendActivity(toMessage(reply));
      return;
    }
    const command = parseCommand(text ?? '', { devCommands: this.actingStore !== null });
    // `agera som` moves the acted person's row itself; refreshing the old one here would race it
    const acting = command.kind === 'act-as' || command.kind === 'act-as-self' ? null : user.actingAs;
    // answering and refreshing the reference run side by side; a failed write is logged, not fatal
    const [reply] = await Promise.all([this.answer(command, user, activity, target), this.refresh(target, acting)]);
    await context.sendActivity(toMessage(reply));
  }

  private async answer(
    command: Command,
    user: BotUser,
    activity: Activity,
    target: ConversationTarget,
  ): Promise<BotReply> {
    const store = this.actingStore;
    const dev = store === null ? null : { deps: this.deps, store, tracker: this.tracker, activity, target, user };
    switch (command.kind) {
      case 'greeting':
        return { text: WELCOME_TEXT };
      case 'help':
        return answerView({ vy: 'hjalp' }, user, this.deps);
      case 'mine':
        return answerView({ vy: 'mina-insatser' }, user, this.deps);
      case 'status':
        return answerView({ vy: 'status', kod: command.query }, user, this.deps);
      case 'deadlines':
        return answerView({ vy: 'frister' }, user, this.deps);
      case 'approvals':
        return answerView({ vy: 'att-besluta' }, user, this.deps);
      case 'approval':
        return answerApproval(command.query, user, this.deps);
      case 'delegation-decisions':
        return answerDelegationDecisions(user, this.deps);
      case 'start-approval':
        return answerStartApproval(command.query, user, this.deps);
      case 'start-signing':
        return answerStartSigning(command.query, user, this.deps);
      case 'requisition':
        return answerRequisition(command.query, user, this.deps);
      case 'requisitions':
        return answerRequisitionList(user, this.deps);
      case 'calendar':
        return answerCalendar(user, this.deps, false);
      case 'calendar-renew':
        return answerCalendar(user, this.deps, true);
      case 'act-as':
        return dev === null ? { text: unknownCommandText(`agera som ${command.name}`) } : actAs(dev, command.name);
      case 'act-as-self':
        return dev === null ? { text: unknownCommandText('agera som mig själv') } : actAsSelf(dev);
      case 'who-am-i':
        return dev === null ? { text: unknownCommandText('vem är jag') } : whoAmI(dev);
      case 'unknown':
        return { text: unknownCommandText(command.text) };
    }
  }

  /** keeps the reference fresh (serviceUrl can change); also under the acted person's key in dev */
  private async refresh(target: ConversationTarget, acting: ActingPerson | null): Promise<void> {
    try {
      await this.tracker.refresh(target);
      if (acting !== null && target.scope === 'personal') {
        await this.tracker.refresh(asPersonalTargetFor(target, acting.aadObjectId, acting.name));
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, key: target.key }, 'konversationen kunde inte sparas');
    }
  }

  private async onInstallationUpdate(context: TurnContext): Promise<void> {
    const action = context.activity.action ?? '';
    if (action === 'add' || action === 'add-upgrade') {
      // an upgrade is not a new installation: the row is refreshed but nobody is welcomed again
      await this.installed(context, action === 'add');
    } else if (action === 'remove' || action === 'remove-upgrade') {
      await this.removed(context);
    }
  }

  private async onConversationUpdate(context: TurnContext): Promise<void> {
    const { activity } = context;
    const botId = activity.recipient.id;
    const added = activity.membersAdded ?? [];
    const removed = activity.membersRemoved ?? [];
    const target = conversationTargetOf(activity);
    if (removed.some((member) => member.id === botId)) {
      await this.removed(context);
    } else if (added.some((member) => member.id === botId) || (target.scope === 'personal' && added.length > 0)) {
      await this.installed(context, true);
    }
  }

  private async installed(context: TurnContext, welcome: boolean): Promise<void> {
    const { activity } = context;
    const target = conversationTargetOf(activity);
    const outcome = await this.tracker.install(target);
    this.deps.logger.info({ key: target.key, scope: target.scope, outcome }, 'boten installerad');
    const reachable = outcome === 'created' || outcome === 'reactivated';
    if (target.scope === 'personal' && reachable) {
      await this.rearm(target.key);
    }
    if (target.scope === 'personal' && this.actingStore !== null) {
      const acting = await this.actingStore.get(activity.from.id);
      if (acting !== null) {
        await this.tracker.install(asPersonalTargetFor(target, acting.aadObjectId, acting.name));
        await this.rearm(acting.aadObjectId);
      }
    }
    // a repeated install event (Teams sends two per install) finds the row active: one welcome
    if (welcome && (outcome === 'created' || outcome === 'reactivated')) {
      await context.sendActivity(WELCOME_TEXT);
    }
  }

  /** approval cards that found no chat before go out now; a failure is logged, the install stands */
  private async rearm(aadObjectId: string): Promise<void> {
    try {
      const rearmed = await rearmAfterInstall(
        {
          notifications: this.deps.repositories.notifications,
          approvals: this.deps.repositories.approvals,
          clock: this.deps.clock,
        },
        aadObjectId,
      );
      if (rearmed > 0) {
        this.deps.logger.info({ aadObjectId, rearmed }, 'kort som inte nådde fram skickas nu');
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, aadObjectId }, 'kunde inte lägga tillbaka väntande kort i utkorgen');
    }
  }

  private async removed(context: TurnContext): Promise<void> {
    const { activity } = context;
    const target = conversationTargetOf(activity);
    const changed = await this.tracker.uninstall(target.key);
    this.deps.logger.info({ key: target.key, scope: target.scope, changed }, 'boten avinstallerad');
    if (target.scope === 'personal' && this.actingStore !== null) {
      const acting = await this.actingStore.get(activity.from.id);
      if (acting !== null) {
        const conversationId = activity.conversation.id;
        await this.tracker.uninstall(acting.aadObjectId, (reference) => pointsAt(reference, conversationId));
      }
    }
  }

  private async onInvoke(context: TurnContext): Promise<void> {
    const body = await this.invokeBody(context);
    // Teams expects HTTP 200 with the outcome in the body, errors included (Universal Actions)
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  }

  private async invokeBody(context: TurnContext): Promise<InvokeBody> {
    const { activity } = context;
    if (activity.name !== 'adaptiveCard/action') {
      return errorBody(400, 'NotSupported', 'Insatsnavet hanterar inte den här typen av begäran.');
    }
    const action = parseCardAction(activity.value);
    if (action.kind === 'refused') {
      this.deps.logger.info({ value: summarise(activity.value) }, 'kortåtgärd avvisad');
      return action.body;
    }
    try {
      const user = await resolveBotUser(activity, this.actingStore);
      // the actor is whoever Teams says clicked (in dev: the person they act as), never card data
      if (action.kind === 'approval-view' || action.kind === 'approval-vote' || action.kind === 'approval-start') {
        return await answerApprovalAction(this.deps, action, user.aadObjectId);
      }
      if (action.kind !== 'refresh') {
        return await answerRequisitionAction(this.deps, action, user.aadObjectId);
      }
      const reply = await answerView(action.view, user, this.deps);
      if (reply.forbidden === true) {
        return errorBody(403, 'Forbidden', reply.text ?? '');
      }
      if (reply.card !== undefined) {
        return cardBody(reply.card);
      }
      return messageBody(reply.text ?? '');
    } catch (error) {
      this.deps.logger.error({ err: error }, 'kortåtgärd misslyckades');
      return errorBody(500, 'InternalError', 'Något gick fel i Insatsnavet. Försök igen om en stund.');
    }
  }
}

function toMessage(reply: BotReply): Partial<Activity> {
  return {
    type: 'message',
    ...(reply.text === undefined ? {} : { text: reply.text, textFormat: 'markdown' }),
    ...(reply.summary === undefined ? {} : { summary: reply.summary }),
    ...(reply.card === undefined
      ? {}
      : { attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: reply.card }] }),
  };
}

/** what is logged of a refused action: its verb, not data a user typed */
function summarise(value: unknown): string {
  const verb = (value as { action?: { verb?: unknown } } | null)?.action?.verb;
  return typeof verb === 'string' ? verb.slice(0, 60) : typeof value;
}
