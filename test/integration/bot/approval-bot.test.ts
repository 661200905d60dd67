/**
 * Approvals by Adaptive Card, end to end: the app booted like `npm start` (local SharePoint, demo
 * data), activities POSTed to /api/messages the way Teams sends them, the buttons as
 * `adaptiveCard/action` invokes. The demo's SAMSYN application is before the board (one vote per
 * member organisation, 7 organisations, a ledamot and an ersättare each): a full decision with an
 * ersättare replaced by the ledamot, concurrent clicks, an outsider, a repeated click and a forged
 * voter. Then the kansli starts a minor budget change from the chat: the styrgrupp's cards go out,
 * and once it is decided every sent card is updated to the outcome and the chain moves on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Approval } from '../../../src/domain/entities/approval.ts';
import type { PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import {
  type BotHarness,
  cardsOf,
  contentOf,
  envelope,
  type Posted,
  personal,
  type Speaker,
  startBotHarness,
} from './bot-harness.ts';

/** Teams gives an invoke 5 s; the answers here must come well within that */
const TEAMS_LIMIT_MS = 5_000;

type CardAction = { readonly type: string; readonly title: string; readonly verb?: string; readonly data?: unknown };
type CardJson = {
  readonly body: unknown[];
  readonly actions?: CardAction[];
  readonly refresh?: { readonly action: { readonly verb: string; readonly data: unknown }; readonly userIds: string[] };
};

let bot: BotHarness;
let samsyn: Approval;
const timings: number[] = [];

const gunilla = personal('gunilla.axelsson');
const henrik = personal('henrik.blom');
const emma = personal('emma.strom');
const karin = personal('karin.vallgren');

beforeAll(async () => {
  bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
  const intervention = await bot.repos.interventions.findByCode('SAMSYN');
  const open = intervention === null ? [] : await bot.repos.approvals.listByIntervention(intervention.id);
  const found = open.find((approval) => approval.status === 'Pågår' && approval.stage === 'Styrelse');
  if (found === undefined) {
    throw new Error('the demo has no open SAMSYN board approval');
  }
  samsyn = found;
}, 60_000);

afterAll(async () => {
  await bot?.close();
});

const invoke = async (speaker: Speaker, verb: string, data: Record<string, unknown>) => {
  const turn = await bot.send({
    ...envelope(bot.serviceUrl, speaker),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  timings.push(turn.ms);
  expect(turn.status).toBe(200);
  expect(turn.ms).toBeLessThan(TEAMS_LIMIT_MS);
  return turn;
};

/** the card of an invoke response (HTTP 200, statusCode 200) */
function invokedCard(turn: { body: unknown }): CardJson {
  expect(turn.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return (turn.body as { value: CardJson }).value;
}

const vote = (person: PersonKey, beslut: string, extra: Record<string, unknown> = {}) =>
  invoke(personal(person), 'beslut.rosta', { approvalId: samsyn.id, beslut, ...extra });

const voteButtons = (card: CardJson): string[] =>
  (card.actions ?? []).filter((action) => action.verb === 'beslut.rosta').map((action) => action.title);

async function votesOn(approvalId: string) {
  return bot.repos.votes.listByApproval(approvalId);
}

/** the audit row is written beside the answer; give it a moment */
async function auditRows(approvalId: string, action: string) {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const rows = (await bot.repos.auditLog.listByEntity(approvalId)).filter((row) => row.action === action);
    if (rows.length > 0) {
      return rows;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

async function waitForPosted(predicate: (entry: Posted) => boolean, count = 1): Promise<Posted[]> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const found = bot.posted.filter(predicate);
    if (found.length >= count) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return bot.posted.filter(predicate);
}

describe('the SAMSYN board decision by card', () => {
  it('att besluta shows Gunilla the SAMSYN application with an Öppna button', async () => {
    const turn = await bot.say(gunilla, 'att besluta');
    const json = contentOf(turn.replies[0] as Posted);
    expect(json).toContain('SAMSYN');
    expect(json).toContain('"verb":"beslut.visa"');
    expect(json).toContain(`"approvalId":"${samsyn.id}"`);
  });

  it('Öppna gives Gunilla the card: Godkänn, Avslå and Avstår, refreshing for all 14 board members', async () => {
    const card = invokedCard(await invoke(gunilla, 'beslut.visa', { approvalId: samsyn.id }));
    expect(voteButtons(card)).toEqual(['Godkänn', 'Avslå', 'Avstår']);
    const json = JSON.stringify(card);
    expect(json).toContain('styrelsen – en röst per medlemsorganisation');
    expect(json).toContain('Ingen av 7 organisationer har röstat ännu. 4 behövs för beslut.');
    expect(card.refresh?.action).toEqual({
      type: 'Action.Execute',
      verb: 'beslut.visa',
      data: { approvalId: samsyn.id },
    });
    expect(card.refresh?.userIds).toHaveLength(14);
    expect(card.refresh?.userIds).toContain(gunilla.aadObjectId);
    expect(card.refresh?.userIds).toContain(henrik.aadObjectId);
  });

  it('`beslut SAMSYN` shows the same card in the chat', async () => {
    const turn = await bot.say(gunilla, 'beslut SAMSYN');
    const [card] = cardsOf(turn.replies[0] as Posted) as CardJson[];
    expect(voteButtons(card as CardJson)).toEqual(['Godkänn', 'Avslå', 'Avstår']);
  });

  it('an outsider (Emma Ström) gets a 403 with a Swedish message and an AuditLog row; nothing is stored', async () => {
    const turn = await vote('emma.strom', 'Godkänn');
    expect(turn.body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error' });
    expect((turn.body as { value: { message: string } }).value.message).toMatch(/[åäö]/);
    expect(await votesOn(samsyn.id)).toEqual([]);
    const refusals = await auditRows(samsyn.id, 'nekad');
    expect(refusals.map((row) => row.actorAadId.toLowerCase())).toContain(emma.aadObjectId?.toLowerCase());
  });

  it('a forged voter in the card data is ignored: Emma cannot vote as Gunilla', async () => {
    const turn = await vote('emma.strom', 'Avslå', {
      voterAadId: gunilla.aadObjectId,
      aadObjectId: gunilla.aadObjectId,
      from: { id: gunilla.fromId, aadObjectId: gunilla.aadObjectId },
    });
    expect(turn.body).toMatchObject({ statusCode: 403 });
    expect(await votesOn(samsyn.id)).toEqual([]);
  });

  it('ersättare Henrik Blom (Region Kronoberg) votes Godkänn: his vote counts for the region for now', async () => {
    const card = invokedCard(await vote('henrik.blom', 'Godkänn', { kommentar: 'Regionen står bakom.' }));
    const json = JSON.stringify(card);
    expect(json).toMatch(/Din röst är registrerad \d{2}:\d{2}\./);
    expect(json).toMatch(/Du godkände \d{2}:\d{2}\./);
    expect(voteButtons(card)).toEqual([]);
    expect(json).toContain('1 av 7 organisationer har röstat: 1 godkänner.');
    expect(json).toContain('(ersättare, räknas tills ledamoten röstar)');
    expect(json).toContain('Regionen står bakom.');
  });

  it('ledamot Gunilla Axelsson (Region Kronoberg) votes Avslå and replaces her ersättare’s vote', async () => {
    const card = invokedCard(await vote('gunilla.axelsson', 'Avslå'));
    const json = JSON.stringify(card);
    expect(json).toMatch(/Du avslog \d{2}:\d{2}\./);
    expect(json).toContain('1 av 7 organisationer har röstat: 1 avslår.');
    expect(json).toContain('(ersättare, ersatt av ledamotens röst)');
    expect(await votesOn(samsyn.id)).toHaveLength(2);
  });

  it('a repeated click changes nothing', async () => {
    const card = invokedCard(await vote('gunilla.axelsson', 'Godkänn'));
    expect(JSON.stringify(card)).toContain('Du har redan röstat – din röst ändras inte.');
    expect(JSON.stringify(card)).toMatch(/Du avslog \d{2}:\d{2}\./);
    const votes = await votesOn(samsyn.id);
    expect(votes).toHaveLength(2);
    expect(votes.find((row) => row.voterAadId.toLowerCase() === gunilla.aadObjectId?.toLowerCase())?.decision).toBe(
      'Avslå',
    );
  });

  it('concurrent clicks from three organisations are all stored; the rule is not met yet', async () => {
    const turns = await Promise.all([
      vote('lars.hedstrom', 'Godkänn'),
      vote('camilla.noren', 'Godkänn'),
      vote('tomas.wikstrom', 'Godkänn'),
    ]);
    for (const turn of turns) {
      expect(JSON.stringify(invokedCard(turn))).toMatch(/Din röst är registrerad/);
    }
    expect(await votesOn(samsyn.id)).toHaveLength(5);
    expect((await bot.repos.approvals.findById(samsyn.id))?.status).toBe('Pågår');
    const card = invokedCard(await invoke(personal('ingrid.palm'), 'beslut.visa', { approvalId: samsyn.id }));
    expect(JSON.stringify(card)).toContain(
      '4 av 7 organisationer har röstat: 3 godkänner, 1 avslår. 4 behövs för beslut.',
    );
  });

  it('the ersättare of an organisation whose ledamot voted is not asked to vote', async () => {
    const card = invokedCard(await invoke(henrik, 'beslut.visa', { approvalId: samsyn.id }));
    expect(voteButtons(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Du godkände/);
  });

  it('the fourth approving organisation decides it: Godkänd, and the insats becomes Beviljad with its decision date', async () => {
    const card = invokedCard(await vote('ingrid.palm', 'Godkänn'));
    const json = JSON.stringify(card);
    expect(json).toContain('Ärendet är avgjort: Godkänd.');
    expect(json).toMatch(/Beslutat \d{4}-\d{2}-\d{2}: Godkänd – 4 av 7 organisationer godkände, 1 avslog/);
    expect(voteButtons(card)).toEqual([]);
    expect((await bot.repos.approvals.findById(samsyn.id))?.status).toBe('Godkänd');
    const intervention = await bot.repos.interventions.findByCode('SAMSYN');
    expect(intervention?.stage).toBe('Beviljad');
    expect(intervention?.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await auditRows(samsyn.id, 'beslut.fattat')).length).toBe(1);
  });

  it('everyone sees the outcome afterwards, and a late click stores nothing', async () => {
    const late = invokedCard(await vote('bengt.sandell', 'Avslå'));
    expect(JSON.stringify(late)).toContain('Ärendet är redan avgjort.');
    expect(voteButtons(late)).toEqual([]);
    expect(await votesOn(samsyn.id)).toHaveLength(6);
    const reader = invokedCard(await invoke(personal('eva.dahlberg'), 'beslut.visa', { approvalId: samsyn.id }));
    expect(JSON.stringify(reader)).toContain('Godkänd – 4 av 7 organisationer godkände');
    expect(voteButtons(reader)).toEqual([]);
    expect((await auditRows(samsyn.id, 'beslut.rost')).length).toBe(6);
  });

  it('every invoke answered well under Teams’ 5 s', () => {
    expect(Math.max(...timings)).toBeLessThan(TEAMS_LIMIT_MS);
  });
});

describe('a minor budget change started from the chat', () => {
  const steering: PersonKey[] = ['jenny.karlberg', 'david.ekstrom', 'sara.nyberg', 'nina.holmberg'];
  let approvalId = '';

  it('the styrgrupp and Karin have chats with the bot', async () => {
    for (const person of [...steering, 'karin.vallgren' as const]) {
      const turn = await bot.say(personal(person), 'hej');
      expect(turn.status).toBe(200);
    }
  });

  it('someone outside the kansli does not get the form', async () => {
    const turn = await bot.say(emma, 'nytt beslut NOVA');
    expect(turn.replies[0]?.activity.text).toContain('Det är kansliet som begär beslut');
  });

  it('Karin gets the form and starts the change; each styrgrupp member gets one card', async () => {
    const turn = await bot.say(karin, 'nytt beslut NOVA');
    const json = contentOf(turn.replies[0] as Posted);
    expect(json).toContain('Nytt beslutsärende: NOVA');
    expect(json).toContain('"verb":"beslut.starta"');

    const before = bot.posted.length;
    const card = invokedCard(
      await invoke(karin, 'beslut.starta', {
        insats: 'NOVA',
        arendetyp: 'Budgetändring',
        sammanfattning: 'Vakans under våren: medel flyttas från Övrigt till Personal.',
        belopp: '',
        svaraSenast: '',
        ar: '2027',
        franPost: 'Övrigt',
        tillPost: 'Personal',
        flyttbelopp: '30 000',
        mindre: 'false',
      }),
    );
    const started = JSON.stringify(card);
    expect(started).toContain('Beslutsärendet är startat. 4 beslutande får kortet i Teams.');
    expect(started).toContain('Mindre ändring: förbundschefen beslutar på delegation.');
    expect(started).toContain('styrgruppen – alla ska godkänna');
    approvalId = String((card.refresh?.action.data as { approvalId?: string } | undefined)?.approvalId);

    const conversations = new Set(steering.map((person) => personal(person).conversationId));
    const sent = await waitForPosted(
      (entry) =>
        bot.posted.indexOf(entry) >= before && entry.method === 'POST' && conversations.has(entry.conversationId),
      steering.length,
    );
    expect(new Set(sent.map((entry) => entry.conversationId))).toEqual(conversations);
    expect(sent).toHaveLength(steering.length);
    for (const entry of sent) {
      expect(entry.activity.text).toBeUndefined();
      expect(JSON.stringify(cardsOf(entry))).toContain('"verb":"beslut.rosta"');
    }
  });

  it('the styrgrupp approves; every sent card is updated to the outcome and Karin gets hers', async () => {
    const before = bot.posted.length;
    for (const person of steering) {
      invokedCard(await invoke(personal(person), 'beslut.rosta', { approvalId, beslut: 'Godkänn' }));
    }
    expect((await bot.repos.approvals.findById(approvalId))?.status).toBe('Godkänd');
    const updates = await waitForPosted(
      (entry) => bot.posted.indexOf(entry) >= before && entry.method === 'PUT',
      steering.length,
    );
    expect(updates.length).toBeGreaterThanOrEqual(steering.length);
    for (const update of updates.slice(0, steering.length)) {
      expect(JSON.stringify(cardsOf(update))).toContain('Godkänd');
      expect(JSON.stringify(cardsOf(update))).not.toContain('"verb":"beslut.rosta"');
    }
    const next = (await bot.repos.approvals.listByStatus('Pågår')).find((row) => row.previousId === approvalId);
    expect(next).toMatchObject({ stage: 'Förbundschef', rule: 'Först svarande' });
    const toKarin = await waitForPosted(
      (entry) =>
        bot.posted.indexOf(entry) >= before &&
        entry.conversationId === karin.conversationId &&
        JSON.stringify(cardsOf(entry)).includes(`"approvalId":"${next?.id}"`),
    );
    expect(toKarin.length).toBeGreaterThan(0);
  });
});
