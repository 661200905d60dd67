/**
 * The dev command `agera som` over HTTP: the Agents Playground's user (Alex Wilber, not a seeded
 * person) acts as Emma Ström and Gunilla Axelsson, the choice survives a restart, and notices to
 * the acted person reach the chat. With AUTH_MODE=entra the command does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type BotHarness, contentOf, type Speaker, startBotHarness, type Turn } from './bot-harness.ts';

/** the Agents Playground's default user */
const alex: Speaker = {
  fromId: 'user-id-0',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  name: 'Alex Wilber',
  conversationId: '00b5c262-e686-457a-8ac0-c2d197d212f8',
  conversationType: 'personal',
};

function answer(turn: Turn): string {
  expect(turn.status).toBe(200);
  expect(turn.ms).toBeLessThan(2000);
  expect(turn.replies).toHaveLength(1);
  return turn.replies[0] === undefined ? '' : contentOf(turn.replies[0]);
}

describe('agera som (AUTH_MODE=dev)', () => {
  let bot: BotHarness;
  const emma = demoPerson('emma.strom');
  const gunilla = demoPerson('gunilla.axelsson');

  beforeAll(async () => {
    bot = await startBotHarness({ AUTH_MODE: 'dev' });
  });

  afterAll(async () => {
    await bot?.close();
  });

  it('the playground user is nobody in the demo until they act as someone', async () => {
    const reply = answer(await bot.say(alex, 'mina insatser'));
    expect(reply).toContain('Jag hittar dig inte i förbundets rollista');
    expect(reply).toContain('agera som Emma Ström');
  });

  it('agera som Emma Ström: every command answers as her', async () => {
    expect(answer(await bot.say(alex, 'agera som Emma Ström'))).toContain(
      'Du agerar nu som **Emma Ström** (Projektledare för NOVA)',
    );
    expect(await bot.repos.settings.get('dev.agerar-som.user-id-0')).toContain(emma.aadObjectId);
    expect(answer(await bot.say(alex, 'mina insatser'))).toContain('NOVA');
    expect(answer(await bot.say(alex, 'status NOVA'))).toContain('Pågående');
    expect(answer(await bot.say(alex, 'frister'))).toContain('NOVA');
    const who = answer(await bot.say(alex, 'vem är jag?'));
    expect(who).toContain('Alex Wilber');
    expect(who).toContain('Du agerar som **Emma Ström**');
  });

  it('stores the playground chat under Emma’s key too, so notices to her reach it', async () => {
    expect(await bot.repos.conversations.findByKey(emma.aadObjectId)).toMatchObject({
      scope: 'personal',
      active: true,
      reference: { conversation: { id: alex.conversationId }, serviceUrl: bot.serviceUrl },
    });
    expect(await bot.repos.conversations.findByKey(alex.aadObjectId ?? '')).toMatchObject({ active: true });
  });

  it('lists candidates for an ambiguous name and examples for an unknown one', async () => {
    const several = answer(await bot.say(alex, 'agera som lind'));
    expect(several).toContain('Flera personer passar');
    expect(several).toContain('Sofia Lindahl');
    const none = answer(await bot.say(alex, 'act as Zlatan'));
    expect(none).toContain('Jag hittar ingen person som heter ”Zlatan”');
    // still Emma
    expect(answer(await bot.say(alex, 'who am i'))).toContain('Emma Ström');
  });

  it('act as Gunilla Axelsson: att besluta shows SAMSYN; Emma’s row no longer points at this chat', async () => {
    expect(answer(await bot.say(alex, 'act as gunilla axelsson'))).toContain('Gunilla Axelsson');
    expect(answer(await bot.say(alex, 'att besluta'))).toContain('SAMSYN');
    expect(await bot.repos.conversations.findByKey(emma.aadObjectId)).toMatchObject({ active: false });
    expect(await bot.repos.conversations.findByKey(gunilla.aadObjectId)).toMatchObject({ active: true });
  });

  it('the choice survives a restart', async () => {
    await bot.app.close();
    await bot.reboot({ AUTH_MODE: 'dev' });
    expect(answer(await bot.say(alex, 'vem är jag'))).toContain('Du agerar som **Gunilla Axelsson**');
  });

  it('agera som mig själv ends it', async () => {
    expect(answer(await bot.say(alex, 'Agera som mig själv.'))).toContain('Du agerar inte längre som Gunilla Axelsson');
    expect(answer(await bot.say(alex, 'att besluta'))).toContain('Jag hittar dig inte');
    expect(await bot.repos.conversations.findByKey(gunilla.aadObjectId)).toMatchObject({ active: false });
  });
});

describe('AUTH_MODE=entra', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // the tab API's token settings are required in entra mode; the bot test never calls the API
    bot = await startBotHarness({
      AUTH_MODE: 'entra',
      ENTRA_TENANT_IDS: '11111111-2222-4333-8444-555555555555',
      TAB_APP_ID_URI: 'api://insatsnavet.example.se/11111111-2222-4333-8444-666666666666',
      TAB_CLIENT_ID: '11111111-2222-4333-8444-666666666666',
    });
  });

  afterAll(async () => {
    await bot?.close();
  });

  it('has no agera som, vem är jag or agera som mig själv', async () => {
    for (const text of ['agera som Emma Ström', 'vem är jag', 'agera som mig själv']) {
      expect(answer(await bot.say(alex, text))).toContain('Jag förstod inte');
    }
    expect(answer(await bot.say(alex, 'mina insatser'))).toContain('Jag hittar dig inte');
    expect(await bot.repos.settings.get('dev.agerar-som.user-id-0')).toBeNull();
    const help = answer(await bot.say(alex, 'hjälp'));
    expect(help).not.toContain('agera som');
  });
});
