/**
 * The bot was uninstalled or removed: keep the row (its history explains past sends) but mark it
 * inactive so no notice is sent there. Unknown keys and already inactive rows are left alone.
 */
import type { ConversationRepository } from '../../domain/ports/conversation-repository.ts';

export type DeactivateConversationDeps = {
  readonly conversations: Pick<ConversationRepository, 'findByKey' | 'update'>;
};

export type DeactivateOptions = {
  /** deactivate only when the stored reference passes this check (e.g. it points at a given chat) */
  readonly onlyIf?: (reference: unknown) => boolean;
};

export async function deactivateConversation(
  deps: DeactivateConversationDeps,
  key: string,
  options: DeactivateOptions = {},
): Promise<boolean> {
  const existing = await deps.conversations.findByKey(key);
  if (existing === null || !existing.active) {
    return false;
  }
  if (options.onlyIf !== undefined && !options.onlyIf(existing.reference)) {
    return false;
  }
  // no eTag: "inactive" is the same outcome whoever writes it, so a concurrent write is harmless
  await deps.conversations.update(existing.id, { active: false });
  return true;
}
