/**
 * Remembers where the bot can reach a user, a group chat or a channel: one Conversations row per
 * Key (upsert, so a repeated install never duplicates), Active again after a reinstall. Writes
 * only when something changed, so refreshing the reference on every message costs one read.
 */
import type { NewConversation } from '../../domain/entities/notification.ts';
import type { ConversationRepository } from '../../domain/ports/conversation-repository.ts';

export type RegisterConversationDeps = {
  readonly conversations: Pick<ConversationRepository, 'findByKey' | 'upsert'>;
};

export type ConversationToRegister = Omit<NewConversation, 'active' | 'title'> & {
  /** a readable name from this event, or null when the event carries none (most messages) */
  readonly title: string | null;
  /** the name for a new row when no readable one is known */
  readonly defaultTitle: string;
};

/** created: a new row; reactivated: it was inactive; updated: the reference or title changed */
export type RegisterOutcome = 'created' | 'reactivated' | 'updated' | 'unchanged';

export async function registerConversation(
  deps: RegisterConversationDeps,
  conversation: ConversationToRegister,
): Promise<RegisterOutcome> {
  const existing = await deps.conversations.findByKey(conversation.key);
  // a name seen once (at install) is kept when later events carry none
  const title = (conversation.title ?? existing?.title ?? conversation.defaultTitle).slice(0, 255);
  if (
    existing?.active &&
    existing.scope === conversation.scope &&
    existing.title === title &&
    sameJson(existing.reference, conversation.reference)
  ) {
    return 'unchanged';
  }
  await deps.conversations.upsert({
    key: conversation.key,
    scope: conversation.scope,
    reference: conversation.reference,
    title,
    active: true,
  });
  if (existing === null) {
    return 'created';
  }
  return existing.active ? 'updated' : 'reactivated';
}

/** JSON equality that ignores key order (SharePoint returns the stored JSON re-serialised) */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
