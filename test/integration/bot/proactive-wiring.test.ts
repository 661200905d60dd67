/**
 * The notifier as `npm start` wires it: a person installs the bot (conversationUpdate over HTTP),
 * then a proactive notice through the running app's notifier reaches their chat exactly once,
 * through the same Bot Framework adapter that serves /api/messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT, type BotHarness, envelope, personal, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness();
});

afterAll(async () => {
  await bot?.close();
});

describe('proactive notices from the running app', () => {
  const emma = personal('emma.strom');

  it('reaches an installed user once per key, and is recorded as Skickad', async () => {
    const installed = await bot.send({
      ...envelope(bot.serviceUrl, emma),
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id, name: BOT.name }],
    });
    expect(installed.status).toBe(200);

    const request = {
      key: 'test:proactive-wiring:1',
      kind: 'Påminnelse' as const,
      title: 'Rekvisition NOVA Q4 2026',
      recipientAadId: emma.aadObjectId ?? '',
      message: { text: 'Påminnelse: rekvisitionen för NOVA, oktober–december 2026, ska in senast 2027-01-20.' },
    };
    const before = bot.posted.length;
    const first = await bot.app.notifier.notify(request);
    const second = await bot.app.notifier.notify(request);

    const delivered = bot.posted
      .slice(before)
      .filter((entry) => entry.conversationId === emma.conversationId && entry.method === 'POST');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.activity.text).toContain('2027-01-20');
    expect(first).toMatchObject({ outcome: 'sent' });
    expect(second).toMatchObject({ outcome: 'duplicate' });

    const row = await bot.repos.notifications.findByKey(request.key);
    expect(row?.status).toBe('Skickad');
    expect(row?.activityId).toBeTruthy();
  });

  it('does not reach someone who never installed the bot, and says why', async () => {
    const result = await bot.app.notifier.notify({
      key: 'test:proactive-wiring:2',
      kind: 'Information',
      title: 'Till någon utan boten',
      recipientAadId: '0f0f0f0f-0000-4000-8000-000000000001',
      message: { text: 'Hej' },
    });
    expect(result).toMatchObject({ outcome: 'failed' });
    const row = await bot.repos.notifications.findByKey('test:proactive-wiring:2');
    expect(row?.status).toBe('Misslyckad');
    expect(row?.lastError).toContain('inte installerad');
  });
});
