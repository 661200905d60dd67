/**
 * The bot asks the same authorization matrix as the API (issue 9 item 3): `status` shows an
 * insats only to those who may read it. A projektledare asking about another insats gets the
 * refusal as text in the chat and, refreshing a status card, a 403 invoke response; both are
 * logged as `nekad` in Händelselogg and nothing else is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type BotHarness, contentOf, envelope, personal, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;
let enterId: string;

beforeAll(async () => {
  bot = await startBotHarness();
  enterId = (await bot.repos.interventions.findByCode('ENTER'))?.id ?? 'none';
});

afterAll(async () => {
  await bot?.close();
});

const emma = personal('emma.strom');

async function refusalsOf(interventionId: string): Promise<Array<{ actorAadId: string; details: unknown }>> {
  return (await bot.repos.auditLog.listByEntity(interventionId)).filter(
    (entry) => entry.entityList === 'Interventions' && entry.action === 'nekad',
  );
}

describe('status of an insats one may not read', () => {
  it('answers the refusal in the chat and logs it', async () => {
    const before = await refusalsOf(enterId);
    const turn = await bot.say(emma, 'status ENTER');
    expect(turn.status).toBe(200);
    const [reply] = turn.replies;
    expect(reply === undefined ? '' : contentOf(reply)).toBe('Du har ingen roll i den här insatsen.');
    const after = await refusalsOf(enterId);
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({
        actorAadId: demoPerson('emma.strom').aadObjectId,
        details: expect.objectContaining({ attempted: 'lasa-insats', what: 'läsa insatsen' }),
      }),
    ]);
  });

  it('answers a status card’s refresh with a 403 invoke response', async () => {
    const before = await refusalsOf(enterId);
    const turn = await bot.send({
      ...envelope(bot.serviceUrl, emma),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'uppdatera', data: { vy: 'status', kod: 'ENTER' } } },
    });
    expect(turn.status).toBe(200);
    expect(turn.body).toEqual({
      statusCode: 403,
      type: 'application/vnd.microsoft.error',
      value: { code: 'Forbidden', message: 'Du har ingen roll i den här insatsen.' },
    });
    expect(await refusalsOf(enterId)).toHaveLength(before.length + 1);
  });

  it('still shows her own insats', async () => {
    const turn = await bot.say(emma, 'status NOVA');
    const [reply] = turn.replies;
    expect(reply === undefined ? '' : contentOf(reply)).toContain('Pågående');
  });
});
