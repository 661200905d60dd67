/**
 * A budget change above the threshold, through /api/messages: Karin starts it from the chat, the
 * NOVA styrgrupp approves by card, and — because it moves more than 10 % of the year's budget — it
 * goes on to the styrelse (one vote per member organisation), not to the förbundschef.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { type BotHarness, envelope, personal, type Speaker, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;
const steering: PersonKey[] = ['jenny.karlberg', 'david.ekstrom', 'sara.nyberg', 'nina.holmberg'];

beforeAll(async () => {
  bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
}, 60_000);

afterAll(async () => {
  await bot?.close();
});

const invoke = (speaker: Speaker, verb: string, data: Record<string, unknown>) =>
  bot.send({
    ...envelope(bot.serviceUrl, speaker),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });

describe('a major budget change by card', () => {
  it('is routed from the styrgrupp to the styrelse, and the budget is untouched until the board decides', async () => {
    const started = await invoke(personal('karin.vallgren'), 'beslut.starta', {
      insats: 'NOVA',
      arendetyp: 'Budgetändring',
      sammanfattning: 'Lokalerna byts: medel flyttas från Personal till Lokaler.',
      ar: '2027',
      franPost: 'Personal',
      tillPost: 'Lokaler',
      flyttbelopp: '150 000',
    });
    const card = JSON.stringify(started.body);
    expect(card).toContain('Större ändring: styrelsen beslutar');
    const approvalId = String(
      (started.body as { value?: { refresh?: { action?: { data?: { approvalId?: string } } } } }).value?.refresh?.action
        ?.data?.approvalId ?? '',
    );
    const nova = await bot.repos.interventions.findByCode('NOVA');
    const before = (await bot.repos.budgetLines.listByIntervention(nova?.id ?? '')).filter(
      (line) => line.year === 2027,
    );

    for (const person of steering) {
      const turn = await invoke(personal(person), 'beslut.rosta', { approvalId, beslut: 'Godkänn' });
      expect(turn.body).toMatchObject({ statusCode: 200 });
    }
    expect((await bot.repos.approvals.findById(approvalId))?.status).toBe('Godkänd');
    const next = (await bot.repos.approvals.listByStatus('Pågår')).find((row) => row.previousId === approvalId);
    expect(next).toMatchObject({ stage: 'Styrelse', rule: 'En per medlemsorganisation', subject: 'Budgetändring' });
    // the förbundschef is not asked: she may not decide a major change on delegation
    const karinsTurn = await invoke(personal('karin.vallgren'), 'beslut.rosta', {
      approvalId: next?.id,
      beslut: 'Godkänn',
    });
    expect(karinsTurn.body).toMatchObject({ statusCode: 403 });
    const after = (await bot.repos.budgetLines.listByIntervention(nova?.id ?? '')).filter((line) => line.year === 2027);
    expect(after.map((line) => [line.category, line.amount]).sort()).toEqual(
      before.map((line) => [line.category, line.amount]).sort(),
    );
  });
});
