/**
 * `kalender` in the bot: the person gets their personal feed link, which Outlook can fetch
 * without credentials, and `ny kalenderlänk` revokes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, personal, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
}, 60_000);

afterAll(async () => {
  await bot?.close();
});

function linkIn(text: string | undefined): string {
  const url = /(http:\/\/127\.0\.0\.1:\d+\/kalender\/\S+\.ics)/.exec(text ?? '')?.[1];
  if (url === undefined) {
    throw new Error(`no calendar link in: ${text}`);
  }
  return url;
}

describe('kalender', () => {
  it('gives Emma her link, which serves her NOVA deadlines, and a new link revokes the old', async () => {
    const emma = personal('emma.strom');
    const first = await bot.say(emma, 'Kalender');
    const text = first.replies[0]?.activity.text;
    expect(text).toContain('Din kalender i Insatsnavet');
    expect(text).toContain('Outlook');
    const url = linkIn(text);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('SUMMARY:Faktura NOVA\\, kvartal 1 2027\\, januari–mars');

    const renewed = await bot.say(emma, 'ny kalenderlänk');
    const next = linkIn(renewed.replies[0]?.activity.text);
    expect(renewed.replies[0]?.activity.text).toContain('den gamla fungerar inte längre');
    expect(next).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(next)).status).toBe(200);
  });

  it('tells someone without a role in Insatsnavet that there is no calendar for them', async () => {
    const stranger = {
      ...personal('emma.strom'),
      aadObjectId: '00000000-0000-0000-0000-0000000000aa',
      fromId: '29:stranger',
    };
    const turn = await bot.say(stranger, 'kalender');
    expect(turn.replies[0]?.activity.text).toContain('ingen roll i Insatsnavet');
  });
});
