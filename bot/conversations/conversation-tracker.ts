/**
 * Keeps the Conversations list in step with where the bot is installed: a row per install (by
 * Key, never duplicated), inactive after an uninstall, and the reference refreshed when a message
 * shows it changed (Teams may move a conversation to another serviceUrl). A message costs no
 * SharePoint call while the reference is the one this instance stored in the last few minutes.
 */
import type { Clock } from '../../src/domain/clock.ts';
import type { ConversationRepository } from '../../src/domain/ports/conversation-repository.ts';
import { deactivateConversation } from '../../src/services/bot-conversations/deactivate-conversation.ts';
import {
  canonicalJson,
  type RegisterOutcome,
  registerConversation,
} from '../../src/services/bot-conversations/register-conversation.ts';
import type { ConversationTarget } from './conversation-target.ts';
import { KeyedQueue } from './keyed-queue.ts';

/** how long a stored reference is trusted without reading the row (a kansli or the notifier may switch it off) */
const FRESH_MS = 10 * 60 * 1000;

export class ConversationTracker {
  private readonly conversations: ConversationRepository;
  private readonly clock: Clock;
  private readonly queue = new KeyedQueue();
  /** key → what this instance last stored, and when */
  private readonly stored = new Map<string, { fingerprint: string; at: number }>();

  constructor(deps: { readonly conversations: ConversationRepository; readonly clock: Clock }) {
    this.conversations = deps.conversations;
    this.clock = deps.clock;
  }

  /** an install event: stores or reactivates the row; the outcome tells whether to welcome */
  install(target: ConversationTarget): Promise<RegisterOutcome> {
    return this.queue.run(target.key, async () => {
      const outcome = await registerConversation({ conversations: this.conversations }, target);
      this.remember(target);
      return outcome;
    });
  }

  /** an uninstall: the row stays, inactive; `onlyIfPointsAt` protects a row that leads elsewhere */
  uninstall(key: string, onlyIf?: (reference: unknown) => boolean): Promise<boolean> {
    return this.queue.run(key, async () => {
      this.stored.delete(key);
      return deactivateConversation({ conversations: this.conversations }, key, onlyIf === undefined ? {} : { onlyIf });
    });
  }

  /** a message: writes only when the reference differs from the stored one */
  async refresh(target: ConversationTarget): Promise<RegisterOutcome> {
    const known = this.stored.get(target.key);
    const now = this.clock.now().getTime();
    if (known !== undefined && known.fingerprint === fingerprintOf(target) && now - known.at < FRESH_MS) {
      return 'unchanged';
    }
    return this.install(target);
  }

  private remember(target: ConversationTarget): void {
    this.stored.set(target.key, { fingerprint: fingerprintOf(target), at: this.clock.now().getTime() });
  }
}

function fingerprintOf(target: ConversationTarget): string {
  return `${target.scope}|${target.title ?? ''}|${canonicalJson(target.reference)}`;
}
