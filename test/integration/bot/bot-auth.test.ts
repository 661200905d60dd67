/**
 * With BOT_APP_ID set, Bot Framework token validation is on (single-tenant): an activity without
 * a valid token is refused with 401 before the bot sees it, and nothing is posted or stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, messageActivity, personal, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness({
    BOT_APP_ID: '11111111-1111-4111-8111-111111111111',
    BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    BOT_APP_PASSWORD: 'inte-en-riktig-hemlighet',
  });
});

afterAll(async () => {
  await bot?.close();
});

describe('an authenticated bot', () => {
  it.each([
    ['no Authorization header', undefined],
    ['a token that is no JWT', 'Bearer abc.def.ghi'],
  ])('refuses an activity with %s: 401, nothing posted, nothing stored', async (_name, authorization) => {
    const emma = personal('emma.strom');
    const response = await fetch(`${bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify({ ...messageActivity(bot.serviceUrl, emma, 'hjälp'), id: 'unauthenticated' }),
    });
    expect(response.status).toBe(401);
    expect(bot.posted).toEqual([]);
    expect(await bot.repos.conversations.findByKey(emma.aadObjectId ?? '')).toBeNull();
  });

  it('still refuses a malformed body with 400 first', async () => {
    expect((await bot.post('{"text":"hjälp"}')).status).toBe(400);
  });
});
