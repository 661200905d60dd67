/**
 * A styrgrupp member who had not installed the bot when the approval went out: their card fails
 * ("not installed"); the moment they open a chat with Insatsnavet it goes back to the outbox and
 * reaches them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalCardKey } from '../../../src/domain/approvals/approval-keys.ts';
import { NOT_INSTALLED_ERROR } from '../../../src/services/notifications/deliver-notification.ts';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type BotHarness, cardsOf, envelope, personal, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;
const karin = personal('karin.vallgren');
const jenny = personal('jenny.karlberg');

beforeAll(async () => {
  bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
}, 60_000);

afterAll(async () => {
  await bot?.close();
});

describe('an approver who installs the bot after the cards went out', () => {
  it('gets the card as soon as they open a chat with Insatsnavet', async () => {
    await bot.say(karin, 'hej');
    const started = await bot.send({
      ...envelope(bot.serviceUrl, karin),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'beslut.starta',
          data: {
            insats: 'NOVA',
            arendetyp: 'Budgetändring',
            sammanfattning: 'Medel flyttas från Övrigt till Personal.',
            ar: '2027',
            franPost: 'Övrigt',
            tillPost: 'Personal',
            flyttbelopp: '20 000',
          },
        },
        trigger: 'manual',
      },
    });
    const approvalId = String(
      (started.body as { value?: { refresh?: { action?: { data?: { approvalId?: string } } } } }).value?.refresh?.action
        ?.data?.approvalId ?? '',
    );
    expect(approvalId).toMatch(/^\d+$/);
    const key = approvalCardKey(approvalId, demoPerson('jenny.karlberg').aadObjectId);
    expect(await bot.repos.notifications.findByKey(key)).toMatchObject({
      status: 'Misslyckad',
      lastError: NOT_INSTALLED_ERROR,
    });

    const before = bot.posted.length;
    await bot.send({ ...envelope(bot.serviceUrl, jenny), type: 'installationUpdate', action: 'add' });
    expect(await bot.repos.notifications.findByKey(key)).toMatchObject({ status: 'Väntar', lastError: null });

    await bot.app.notifier.sendPending();
    const card = bot.posted
      .slice(before)
      .find(
        (entry) =>
          entry.conversationId === jenny.conversationId && JSON.stringify(cardsOf(entry)).includes('beslut.rosta'),
      );
    expect(card).toBeDefined();
    expect(await bot.repos.notifications.findByKey(key)).toMatchObject({ status: 'Skickad' });
  });
});
