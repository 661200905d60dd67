/**
 * Where an activity came from, as a Conversations row (DESIGN.md §5): the Key (the user's Entra
 * id for a personal chat, the channel id for a team, the chat id for a group chat), the scope, a
 * readable title and the conversation reference the notifier sends with.
 */
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConversationScope } from '../../src/domain/vocabulary.ts';

export type ConversationTarget = {
  readonly key: string;
  readonly scope: ConversationScope;
  /** a readable name when this activity carries one (install events do, most messages do not) */
  readonly title: string | null;
  readonly defaultTitle: string;
  readonly reference: Partial<ConversationReference>;
};

type TeamsChannelData = {
  readonly team?: { readonly id?: unknown; readonly name?: unknown };
  readonly channel?: { readonly id?: unknown; readonly name?: unknown };
};

export function scopeOf(activity: Activity): ConversationScope {
  const type = activity.conversation.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') {
    return type;
  }
  // other channels (Web Chat, the Bot Framework Emulator) only say whether it is a group
  return activity.conversation.isGroup === true ? 'groupChat' : 'personal';
}

/** the thread part of a channel conversation id (`19:…@thread.tacv2;messageid=…`) is not the channel */
function withoutThread(conversationId: string): string {
  return conversationId.split(';messageid=')[0] ?? conversationId;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function conversationTargetOf(activity: Activity): ConversationTarget {
  const scope = scopeOf(activity);
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const raw = TurnContext.getConversationReference(activity);
  // activityId changes with every message and the notifier starts new messages; the user and
  // locale of a channel or group reference are just the last sender's, so only a personal
  // reference keeps them (otherwise every message from someone else would rewrite the row)
  const { activityId: _activityId, user, locale, ...shared } = raw;
  const conversationId = scope === 'channel' ? withoutThread(activity.conversation.id) : activity.conversation.id;
  const reference: Partial<ConversationReference> = {
    ...shared,
    conversation: { ...activity.conversation, id: conversationId },
    ...(scope === 'personal' ? { user, ...(locale === undefined ? {} : { locale }) } : {}),
  };

  if (scope === 'personal') {
    const name = text(activity.from.name);
    return {
      key: text(activity.from.aadObjectId) ?? activity.from.id,
      scope,
      title: name === null ? null : `Personlig chatt med ${name}`,
      defaultTitle: 'Personlig chatt',
      reference,
    };
  }
  if (scope === 'groupChat') {
    const name = text(activity.conversation.name);
    return { key: conversationId, scope, title: name, defaultTitle: 'Gruppchatt', reference };
  }
  const team = text(channelData.team?.name);
  const channel = text(channelData.channel?.name) ?? text(activity.conversation.name);
  return {
    key: text(channelData.channel?.id) ?? conversationId,
    scope,
    title: team === null ? channel : `${team} – ${channel ?? 'Allmänt'}`,
    defaultTitle: 'Kanal i Teams',
    reference,
  };
}

/** the same conversation, reached under another person's key (dev: `agera som` in a personal chat) */
export function asPersonalTargetFor(target: ConversationTarget, aadObjectId: string, name: string): ConversationTarget {
  return {
    ...target,
    key: aadObjectId,
    title: `Personlig chatt (agerar som ${name})`,
    defaultTitle: 'Personlig chatt',
  };
}

/** true when a stored reference points at this conversation */
export function pointsAt(reference: unknown, conversationId: string): boolean {
  if (reference === null || typeof reference !== 'object') {
    return false;
  }
  const conversation = (reference as { conversation?: { id?: unknown } }).conversation;
  return typeof conversation?.id === 'string' && withoutThread(conversation.id) === withoutThread(conversationId);
}
