/**
 * Fan-out of one card to 14 people through the whole stack: the outbox on the SharePoint
 * repositories (local SharePoint), the real botbuilder sender, and a fake Bot Connector that
 * answers 30 % of sends with 429 + `Retry-After: 1`: in every block of ten sends in arrival
 * order, three chosen by a seeded PRNG, so runs repeat and the share is exactly 30 % rather
 * than whatever a coin flip gives for 20-odd sends. Real sleeps: the time includes the waits.
 */
import { createBotAdapter } from '../../bot/create-bot-adapter.ts';
import { createBotFrameworkSender } from '../../bot/proactive/bot-framework-sender.ts';
import { systemClock } from '../../src/server/system-clock.ts';
import { createNotifier } from '../../src/services/notifications/create-notifier.ts';
import { provisionSchema } from '../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../src/sharepoint/repositories/create-repositories.ts';
import { startFakeBotConnector } from '../integration/bot/fake-bot-connector.ts';
import { useLocalSharePoint } from '../support/local-sharepoint.ts';

const RECIPIENTS = 14;
const BLOCK = 10;
const THROTTLED_PER_BLOCK = 3;
const SEED = 20_270_423;

/** mulberry32: a small seeded PRNG, so the same sends are throttled on every run */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** true for the sends (1-based arrival order) to answer 429: THROTTLED_PER_BLOCK of each BLOCK */
function throttlePlan(seed: number): (seq: number) => boolean {
  const random = seededRandom(seed);
  const blocks = new Map<number, Set<number>>();
  return (seq) => {
    const block = Math.floor((seq - 1) / BLOCK);
    let chosen = blocks.get(block);
    if (chosen === undefined) {
      const positions = Array.from({ length: BLOCK }, (_, index) => index);
      // Fisher–Yates with the seeded PRNG; the first positions are throttled
      for (let index = positions.length - 1; index > 0; index -= 1) {
        const other = Math.floor(random() * (index + 1));
        [positions[index], positions[other]] = [positions[other] ?? 0, positions[index] ?? 0];
      }
      chosen = new Set(positions.slice(0, THROTTLED_PER_BLOCK));
      blocks.set(block, chosen);
    }
    return chosen.has((seq - 1) % BLOCK);
  };
}

export async function benchNotifierFanOut(): Promise<Record<string, number | string>> {
  const sp = await useLocalSharePoint();
  const connector = await startFakeBotConnector();
  try {
    const provisioned = await provisionSchema(sp.graph, sp.siteId);
    const repositories = createRepositories(sp.graph, { siteId: sp.siteId, ...provisioned });
    const recipients = Array.from({ length: RECIPIENTS }, (_, index) => ({
      aadId: `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      conversationId: `a:fan-out-${index + 1}`,
    }));
    for (const recipient of recipients) {
      await repositories.conversations.upsert({
        title: recipient.aadId,
        key: recipient.aadId,
        scope: 'personal',
        reference: connector.reference(recipient.conversationId, recipient.aadId),
        active: true,
      });
    }
    const throttled = throttlePlan(SEED);
    let posts = 0;
    connector.respondWith(({ method }) => {
      if (method !== 'POST') {
        return undefined;
      }
      posts += 1;
      return throttled(posts) ? { status: 429, retryAfterSeconds: 1 } : undefined;
    });
    const adapter = createBotAdapter(
      { appId: undefined, appPassword: undefined, tenantId: undefined },
      { error: (payload, message) => console.error(message, payload) },
    );
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const notifier = createNotifier({
      notifications: repositories.notifications,
      conversations: repositories.conversations,
      sender: createBotFrameworkSender(adapter, ''),
      clock: systemClock,
      logger: quiet,
      instanceId: 'bench',
    });
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Styrelsen: ansökan NOVA väntar på ert beslut', wrap: true }],
    };

    await sp.clearRequests();
    const started = performance.now();
    const results = await Promise.all(
      recipients.map((recipient) =>
        notifier.notify({
          key: `bench:approval-1:${recipient.aadId}`,
          kind: 'Godkännande',
          title: 'Beslutsärende: NOVA',
          recipientAadId: recipient.aadId,
          message: { card, summary: 'Ansökan NOVA väntar på ditt beslut' },
        }),
      ),
    );
    const elapsedMs = performance.now() - started;
    const graph = await sp.requests();

    const delivered = connector.delivered();
    const perConversation = new Map<string, number>();
    for (const request of delivered) {
      perConversation.set(request.conversationId, (perConversation.get(request.conversationId) ?? 0) + 1);
    }
    const eachOnce = perConversation.size === RECIPIENTS && [...perConversation.values()].every((count) => count === 1);
    return {
      recipients: RECIPIENTS,
      'total ms': Math.round(elapsedMs),
      'sends attempted': connector.requests.length,
      '429s received': connector.requests.filter((request) => request.status === 429).length,
      'messages delivered': delivered.length,
      'each recipient exactly once': eachOnce ? 'ja' : 'NEJ',
      'rows Skickad': results.filter((result) => result.outcome === 'sent').length,
      'Graph requests': graph.total,
      'Graph writes': graph.writes,
      'Graph requests per recipient': graph.total / RECIPIENTS,
    };
  } finally {
    await connector.close();
    await sp.close();
  }
}
