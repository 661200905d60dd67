/**
 * The botbuilder implementation of the outbox's ProactiveSender: continues a stored conversation
 * (CloudAdapter.continueConversationAsync) and posts or replaces one message in it.
 *
 * Three choices, each for a reason:
 * - Errors are caught inside the turn. Otherwise the adapter's onTurnError would run, post the
 *   Swedish apology into the very conversation that just refused a message, and swallow the
 *   error, so the outbox would think the send had worked.
 * - The connector client's own retry policy is removed for these calls: the outbox retries
 *   (pacing per conversation, Retry-After, backoff, leases) and must see every 429, and a send
 *   must not take longer than the outbox's lease because of hidden retries.
 * - replyToId is dropped, so the message is a new post (POST /v3/conversations/{id}/activities)
 *   and not a reply to the made-up id of the continuation activity.
 */
import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ProactiveSender, SendOutcome } from '../../src/services/notifications/proactive-sender.ts';
import { toActivity } from './outgoing-activity.ts';
import { failureFromError } from './send-failure.ts';

export type BotFrameworkSenderOptions = {
  /** the time source for an HTTP-date Retry-After; default Date.now */
  readonly now?: () => number;
};

/** the parts of a stored reference a send needs; the rest is passed through untouched */
const referenceSchema = z
  .object({
    serviceUrl: z.url(),
    conversation: z.looseObject({ id: z.string().min(1) }),
  })
  .loose();

const RETRY_POLICY_NAME = 'defaultRetryPolicy';

export function createBotFrameworkSender(
  adapter: CloudAdapter,
  botAppId: string,
  options: BotFrameworkSenderOptions = {},
): ProactiveSender {
  const now = options.now ?? Date.now;

  const inConversation = async (
    reference: unknown,
    action: (context: TurnContext) => Promise<SendOutcome>,
  ): Promise<SendOutcome> => {
    if (!isConversationReference(reference)) {
      const problem = referenceSchema.safeParse(reference).error?.message ?? '';
      return { ok: false, status: 400, message: `ogiltig konversationsreferens: ${problem}` };
    }
    const outcomes: SendOutcome[] = [];
    try {
      await adapter.continueConversationAsync(botAppId, reference, async (context) => {
        leaveRetriesToTheOutbox(context, adapter);
        context.onSendActivities(async (_context, activities, next) => {
          for (const activity of activities) {
            delete activity.replyToId;
          }
          return next();
        });
        context.onUpdateActivity(async (_context, activity, next) => {
          delete activity.replyToId;
          return next();
        });
        try {
          outcomes.push(await action(context));
        } catch (error) {
          outcomes.push(failureFromError(error, now()));
        }
      });
    } catch (error) {
      // failed before the turn ran: credentials, token endpoint, a bad service URL
      return failureFromError(error, now());
    }
    return outcomes[0] ?? { ok: false, status: 0, message: 'the proactive turn did not run' };
  };

  return {
    send: (reference, message) =>
      inConversation(reference, async (context) => {
        const response = await context.sendActivity(toActivity(message));
        // accepted even without an id: retrying would post it twice; the row is then Skickad
        // without an ActivityId, and the card cannot be updated later
        return { ok: true, activityId: response?.id ?? '', conversationId: context.activity.conversation.id };
      }),
    update: (reference, activityId, message) =>
      inConversation(reference, async (context) => {
        // updateActivity adds the conversation from the turn; the id says which message
        const activity: Partial<Activity> = { ...toActivity(message), id: activityId };
        await context.updateActivity(activity);
        return { ok: true, activityId, conversationId: context.activity.conversation.id };
      }),
  };
}

/**
 * The connector client is made per turn, so removing its retry policy affects only this call.
 * It is reached by name because botbuilder does not expose pipeline options on CloudAdapter; if
 * a botbuilder update moves it, the SDK's own retries simply stay on.
 */
function leaveRetriesToTheOutbox(context: TurnContext, adapter: CloudAdapter): void {
  const connector: unknown = context.turnState.get(adapter.ConnectorClientKey);
  const serviceClient: unknown = isObject(connector) ? Reflect.get(connector, 'client') : undefined;
  const pipeline: unknown = isObject(serviceClient) ? Reflect.get(serviceClient, 'pipeline') : undefined;
  const removePolicy: unknown = isObject(pipeline) ? Reflect.get(pipeline, 'removePolicy') : undefined;
  if (typeof removePolicy === 'function') {
    Reflect.apply(removePolicy, pipeline, [{ name: RETRY_POLICY_NAME }]);
  }
}

/** a stored reference is opaque JSON to the services: check what continuing it needs */
function isConversationReference(value: unknown): value is Partial<ConversationReference> {
  return referenceSchema.safeParse(value).success;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
