/**
 * Installation tracking over HTTP: installationUpdate and conversationUpdate in personal, group
 * chat and channel scope store one Conversations row per Key with a Swedish welcome; uninstall
 * marks the row inactive; a message refreshes the reference only when it changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/domain/entities/notification.ts';
import { BOT, type BotHarness, envelope, personal, type Speaker, startBotHarness, type Turn } from './bot-harness.ts';

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBotHarness();
});

afterAll(async () => {
  await bot?.close();
});

async function rowsWithKey(key: string): Promise<Conversation[]> {
  const all = await bot.repos.conversations.listActive();
  const row = await bot.repos.conversations.findByKey(key);
  // findByKey gives at most one row; count active duplicates too, to prove there are none
  return [...all.filter((entry) => entry.key === key), ...(row !== null && !row.active ? [row] : [])];
}

const install = (speaker: Speaker, action: string) =>
  bot.send({ ...envelope(bot.serviceUrl, speaker), type: 'installationUpdate', action });

const membersChanged = (speaker: Speaker, change: 'membersAdded' | 'membersRemoved', members: unknown[]) =>
  bot.send({ ...envelope(bot.serviceUrl, speaker), type: 'conversationUpdate', [change]: members });

function welcomed(turn: Turn): boolean {
  expect(turn.status).toBe(200);
  expect(turn.ms).toBeLessThan(2000);
  return turn.replies.some((reply) => (reply.activity.text ?? '').includes('Skriv **hjälp**'));
}

describe('personal scope', () => {
  const emma = personal('emma.strom');
  const key = emma.aadObjectId ?? '';

  it('stores the reference under the user’s Entra id and welcomes in Swedish, once', async () => {
    expect(welcomed(await install(emma, 'add'))).toBe(true);
    const [row, ...others] = await rowsWithKey(key);
    expect(others).toEqual([]);
    expect(row).toMatchObject({ key, scope: 'personal', active: true, title: 'Personlig chatt med Emma Ström' });
    expect(row?.reference).toMatchObject({
      conversation: { id: emma.conversationId },
      serviceUrl: bot.serviceUrl,
      bot: { id: BOT.id },
      user: { id: emma.fromId, aadObjectId: key },
      channelId: 'msteams',
    });
    expect(row?.reference).not.toHaveProperty('activityId');

    const welcome = bot.posted.find((entry) => entry.conversationId === emma.conversationId);
    expect(welcome?.activity.text).toContain('Insatsnavet');
  });

  it('is idempotent: a repeated install and Teams’ conversationUpdate keep one row and welcome no more', async () => {
    expect(welcomed(await install(emma, 'add'))).toBe(false);
    expect(welcomed(await membersChanged(emma, 'membersAdded', [{ id: BOT.id }]))).toBe(false);
    expect(welcomed(await install(emma, 'add-upgrade'))).toBe(false);
    expect(await rowsWithKey(key)).toHaveLength(1);
  });

  it('marks the row inactive on uninstall and active again, welcomed, on reinstall', async () => {
    expect(welcomed(await install(emma, 'remove'))).toBe(false);
    expect(await bot.repos.conversations.findByKey(key)).toMatchObject({ active: false });
    expect(welcomed(await install(emma, 'add'))).toBe(true);
    expect(await rowsWithKey(key)).toMatchObject([{ active: true }]);
    await install(emma, 'remove-upgrade');
    expect(await bot.repos.conversations.findByKey(key)).toMatchObject({ active: false });
  });

  it('a message refreshes the reference when the serviceUrl changes, and writes nothing when it does not', async () => {
    const amira = personal('amir.haddad');
    await bot.say(amira, 'hjälp');
    const first = await bot.repos.conversations.findByKey(amira.aadObjectId ?? '');
    expect(first).toMatchObject({ active: true, scope: 'personal' });
    await bot.say(amira, 'frister');
    expect((await bot.repos.conversations.findByKey(amira.aadObjectId ?? ''))?.etag).toBe(first?.etag);

    const moved = `${bot.serviceUrl}emea/`;
    const turn = await bot.send({ ...envelope(moved, amira), type: 'message', text: 'hjälp' });
    expect(turn.status).toBe(200);
    expect(bot.posted.at(-1)?.path).toContain('/emea/v3/conversations/');
    expect(await bot.repos.conversations.findByKey(amira.aadObjectId ?? '')).toMatchObject({
      reference: { serviceUrl: moved },
    });
  });
});

describe('group chat', () => {
  const chat: Speaker = {
    ...personal('karin.vallgren'),
    conversationId: '19:meeting_planning@thread.v2',
    conversationType: 'groupChat',
  };

  it('stores the chat id with the chat’s name, and welcomes the chat', async () => {
    const turn = await bot.send({
      ...envelope(bot.serviceUrl, chat),
      conversation: { id: chat.conversationId, conversationType: 'groupChat', isGroup: true, name: 'Beredningen' },
      type: 'installationUpdate',
      action: 'add',
    });
    expect(welcomed(turn)).toBe(true);
    expect(await rowsWithKey(chat.conversationId)).toMatchObject([
      {
        scope: 'groupChat',
        active: true,
        title: 'Beredningen',
        reference: { conversation: { id: chat.conversationId } },
      },
    ]);
    expect(await rowsWithKey(chat.conversationId)).toHaveLength(1);
    expect((await bot.repos.conversations.findByKey(chat.conversationId))?.reference).not.toHaveProperty('user');
  });

  it('uninstall marks it inactive', async () => {
    await bot.send({ ...envelope(bot.serviceUrl, chat), type: 'installationUpdate', action: 'remove' });
    expect(await bot.repos.conversations.findByKey(chat.conversationId)).toMatchObject({ active: false });
  });
});

describe('team channel', () => {
  const channelId = '19:general-kansli@thread.tacv2';
  const team: Speaker = {
    ...personal('karin.vallgren'),
    conversationId: channelId,
    conversationType: 'channel',
    channelData: {
      team: { id: channelId, name: 'Samordningsförbundet Värend' },
      channel: { id: channelId, name: 'Kansliet' },
    },
  };

  it('the bot added to a team: keyed by the channel id, titled by team and channel, welcomed', async () => {
    const turn = await membersChanged(team, 'membersAdded', [{ id: BOT.id }]);
    expect(welcomed(turn)).toBe(true);
    expect(await rowsWithKey(channelId)).toMatchObject([
      { scope: 'channel', active: true, title: 'Samordningsförbundet Värend – Kansliet' },
    ]);
  });

  it('a message in a thread of that channel reaches the same row, without the thread id', async () => {
    const inThread: Speaker = {
      ...personal('sofia.lindahl'),
      conversationId: `${channelId};messageid=1732000000000`,
      conversationType: 'channel',
      channelData: { team: { id: channelId }, channel: { id: channelId } },
    };
    const turn = await bot.say(inThread, '<at>Insatsnavet</at> status NOVA');
    expect(turn.replies).toHaveLength(1);
    const rows = await rowsWithKey(channelId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: 'Samordningsförbundet Värend – Kansliet',
      reference: { conversation: { id: channelId } },
    });
  });

  it('someone else joining the team gets no welcome; the bot removed marks the row inactive', async () => {
    expect(welcomed(await membersChanged(team, 'membersAdded', [{ id: '29:someone-new' }]))).toBe(false);
    expect(welcomed(await membersChanged(team, 'membersRemoved', [{ id: BOT.id }]))).toBe(false);
    expect(await bot.repos.conversations.findByKey(channelId)).toMatchObject({ active: false });
  });

  it('an installationUpdate in a team without channel data falls back to the conversation id', async () => {
    const bare: Speaker = { ...team, conversationId: '19:other@thread.tacv2', channelData: {} };
    await install(bare, 'add');
    expect(await rowsWithKey('19:other@thread.tacv2')).toMatchObject([{ scope: 'channel', active: true }]);
  });
});
