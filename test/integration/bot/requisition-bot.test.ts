/**
 * The invoice card in Teams, end to end: the app booted like `npm start` (local SharePoint, demo
 * data), activities POSTed to /api/messages the way Teams sends them, card buttons as
 * `adaptiveCard/action` invokes with the inputs merged into the data as strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../src/domain/calendar/today.ts';
import type { Requisition } from '../../../src/domain/entities/requisition.ts';
import { nextDeadline } from '../../../src/domain/invoicing/next-deadline.ts';
import { systemClock } from '../../../src/server/system-clock.ts';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type BotHarness, cardsOf, envelope, personal, type Speaker, startBotHarness } from './bot-harness.ts';

let bot: BotHarness;
/** the quarter whose invoice Emma registers: NOVA's next deadline, its row made as the reconciliation would */
let open: Requisition;

const emma = personal('emma.strom');
const mattias = personal('mattias.ekholm');
const gunilla = personal('gunilla.axelsson');
const karin = demoPerson('karin.vallgren');

type CardJson = {
  readonly body: unknown[];
  readonly actions?: Array<{ readonly title: string; readonly verb: string; readonly data: Record<string, string> }>;
  readonly refresh?: { readonly userIds: string[] };
};

beforeAll(async () => {
  // no scheduled sweep at the real time: this test makes the quarter's row itself
  bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
  const nova = await bot.repos.interventions.findByCode('NOVA');
  if (nova === null) {
    throw new Error('the demo has no NOVA');
  }
  const rows = await bot.repos.requisitions.listByIntervention(nova.id);
  const next = nextDeadline(nova, rows, todayIn(systemClock, 'Europe/Stockholm'));
  if (next === null) {
    throw new Error('NOVA has no quarter left to invoice (the demo ends 2027-12-31)');
  }
  open =
    next.requisition ??
    (await bot.repos.requisitions.create({
      interventionId: nova.id,
      year: next.year,
      quarter: next.quarter,
      periodKey: next.periodKey,
      dueDate: next.dueDate,
      status: 'Förväntad',
      amount: null,
      specification: null,
      receivedDate: null,
      invoiceNumber: null,
    }));
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

/** the card of an invoke response (HTTP 200, statusCode 200), in well under Teams' 5 s */
function invokedCard(turn: { status: number; ms: number; body: unknown }): CardJson {
  expect(turn.status).toBe(200);
  expect(turn.ms).toBeLessThan(4000);
  expect(turn.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return (turn.body as { value: CardJson }).value;
}

function inputValue(card: CardJson, id: string): unknown {
  const find = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = find(item);
        if (found !== undefined) {
          return found;
        }
      }
      return undefined;
    }
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    const object = value as Record<string, unknown>;
    if (object.id === id && typeof object.type === 'string' && object.type.startsWith('Input.')) {
      return object.value ?? null;
    }
    return find(Object.values(object));
  };
  return find(card.body);
}

/** Emma's form, as Teams sends it: the button's data with every input's value as a string */
function form(card: CardJson, values: Record<string, string>): Record<string, unknown> {
  const register = card.actions?.find((action) => action.verb === 'rekvisition.registrera');
  expect(register).toBeDefined();
  return { ...register?.data, ...values };
}

describe('faktura <kod> and registering from the card', () => {
  let emmasCard: CardJson;

  it('Emma asks for NOVA’s invoice and gets the card with the form, refreshing for her', async () => {
    const turn = await bot.say(emma, 'faktura NOVA');
    expect(turn.status).toBe(200);
    expect(turn.replies).toHaveLength(1);
    const [card] = cardsOf(turn.replies[0] as never) as CardJson[];
    expect(card).toBeDefined();
    emmasCard = card as CardJson;
    const json = JSON.stringify(card);
    expect(json).toContain('NOVA – nya vägar för unga vuxna');
    expect(json).toContain(`kvartal ${open.quarter} ${open.year}`);
    expect(json).toContain(open.dueDate);
    expect(json).toContain('Fakturan ska innehålla');
    expect(json).toContain('Personal (kvar');
    expect(emmasCard.refresh?.userIds).toEqual([emma.aadObjectId]);
    expect(turn.replies[0]?.activity.summary).toContain('NOVA');
  });

  it('a total that is not the sum of the posts brings the card back with the error and her values; nothing is stored', async () => {
    const turn = await invoke(
      emma,
      'rekvisition.registrera',
      form(emmasCard, {
        fakturanummer: 'VK-2027-00042',
        inkom: '',
        Personal: '150 000',
        Lokaler: '15 000',
        total: '170 000',
      }),
    );
    const card = invokedCard(turn);
    const json = JSON.stringify(card);
    expect(json).toContain('Fakturan kunde inte registreras');
    expect(json).toContain('stämmer inte med summan av posterna');
    expect(inputValue(card, 'fakturanummer')).toBe('VK-2027-00042');
    expect(inputValue(card, 'Personal')).toBe(150_000);
    expect(inputValue(card, 'total')).toBe(170_000);
    const row = await bot.repos.requisitions.findByPeriodKey(open.periodKey);
    expect(row?.status).toBe('Förväntad');
    expect(row?.invoiceNumber).toBeNull();
  });

  it('Gunilla (board) submitting the same form is refused with 403, even claiming to be Emma', async () => {
    const turn = await invoke(gunilla, 'rekvisition.registrera', {
      ...form(emmasCard, { fakturanummer: 'X-1', Personal: '1 000', total: '1 000' }),
      actorAadId: emma.aadObjectId,
      from: { aadObjectId: emma.aadObjectId },
      aadObjectId: emma.aadObjectId,
    });
    expect(turn.status).toBe(200);
    expect(turn.body).toMatchObject({
      statusCode: 403,
      type: 'application/vnd.microsoft.error',
      value: { message: expect.stringContaining('Bara') },
    });
    expect((await bot.repos.requisitions.findByPeriodKey(open.periodKey))?.status).toBe('Förväntad');
  });

  it('Emma registers with Swedish numbers: the response card shows Inkommen and no form', async () => {
    const turn = await invoke(
      emma,
      'rekvisition.registrera',
      form(emmasCard, {
        fakturanummer: 'VK-2027-00042',
        inkom: '',
        Personal: '150 000',
        Lokaler: '15 000,50',
        total: '165 000,50',
      }),
    );
    const card = invokedCard(turn);
    const json = JSON.stringify(card);
    expect(json).toContain('Fakturan är registrerad');
    expect(json).toContain('"value":"Inkommen"');
    expect(json).toContain('VK-2027-00042');
    expect(json).toContain('165\u00a0000,50\u00a0kr');
    expect(json).toContain('Väntar på ekonomens granskning.');
    expect(inputValue(card, 'fakturanummer')).toBeUndefined();
    const row = await bot.repos.requisitions.findByPeriodKey(open.periodKey);
    expect(row).toMatchObject({
      status: 'Inkommen',
      invoiceNumber: 'VK-2027-00042',
      amount: 165_000.5,
      specification: { Personal: 150_000, Lokaler: 15_000.5 },
      receivedDate: todayIn(systemClock, 'Europe/Stockholm'),
    });
  });

  it('Emma cannot review her own invoice, even with the ekonom’s id in the data', async () => {
    const turn = await invoke(emma, 'rekvisition.status', {
      periodKey: open.periodKey,
      action: 'granska',
      actorAadId: demoPerson('mattias.ekholm').aadObjectId,
    });
    expect(turn.body).toMatchObject({ statusCode: 403 });
    expect((await bot.repos.requisitions.findByPeriodKey(open.periodKey))?.status).toBe('Inkommen');
  });

  it('Mattias (ekonom) opens it and marks it Granskad; the card then waits for the förbundschef', async () => {
    const shown = invokedCard(await invoke(mattias, 'rekvisition.visa', { periodKey: open.periodKey }));
    const review = shown.actions?.find((action) => action.title === 'Granskad');
    expect(review).toMatchObject({
      verb: 'rekvisition.status',
      data: { periodKey: open.periodKey, action: 'granska' },
    });
    expect(shown.actions?.map((action) => action.title)).toContain('Avvisa');
    expect(shown.refresh?.userIds).toEqual([mattias.aadObjectId]);

    const card = invokedCard(await invoke(mattias, 'rekvisition.status', { ...review?.data, skal: '' }));
    const json = JSON.stringify(card);
    expect(json).toContain('Fakturan är granskad');
    expect(json).toContain('"value":"Granskad"');
    expect(json).toContain('Väntar på förbundschefens attest.');
    expect((await bot.repos.requisitions.findByPeriodKey(open.periodKey))?.status).toBe('Granskad');
  });

  it('a second click on the same Granskad button gets the current card with a notice, not an error', async () => {
    const turn = await invoke(mattias, 'rekvisition.status', { periodKey: open.periodKey, action: 'granska' });
    const json = JSON.stringify(invokedCard(turn));
    expect(json).toContain('"value":"Granskad"');
    expect(json).toContain('"color":"Attention"');
  });

  it('Karin (förbundschef) sees Attestera in her inbox list', async () => {
    const turn = await bot.say({ ...personal('karin.vallgren'), aadObjectId: karin.aadObjectId }, 'fakturor');
    const [card] = cardsOf(turn.replies[0] as never);
    const json = JSON.stringify(card);
    expect(json).toContain('Fakturor');
    expect(json).toContain(`"periodKey":"${open.periodKey}"`);
    expect(json).toContain('att göra: attestera');
  });
});

describe('sending the invoice back', () => {
  const karinSpeaker = personal('karin.vallgren');

  it('Avvisa without a reason brings the card back with the message by the reason field', async () => {
    const card = invokedCard(
      await invoke(karinSpeaker, 'rekvisition.status', { periodKey: open.periodKey, action: 'avvisa', skal: '' }),
    );
    const json = JSON.stringify(card);
    expect(json).toContain('Skriv skälet till att fakturan avvisas');
    expect(json).toContain('"value":"Granskad"');
    expect((await bot.repos.requisitions.findByPeriodKey(open.periodKey))?.status).toBe('Granskad');
  });

  it('Avvisa with a reason makes it Avvisad and sends Emma a card with the reason and the form', async () => {
    const before = bot.posted.length;
    const card = invokedCard(
      await invoke(karinSpeaker, 'rekvisition.status', {
        periodKey: open.periodKey,
        action: 'avvisa',
        skal: 'Specifikationen saknar Material.',
      }),
    );
    expect(JSON.stringify(card)).toContain('Fakturan är avvisad');
    expect(await bot.repos.requisitions.findByPeriodKey(open.periodKey)).toMatchObject({
      status: 'Avvisad',
      rejectionReason: 'Specifikationen saknar Material.',
    });
    // the outbox sends right after the claim; give it a moment
    let toEmma: unknown[] = [];
    for (let attempt = 0; attempt < 40 && toEmma.length === 0; attempt += 1) {
      toEmma = bot.posted
        .slice(before)
        .filter((entry) => entry.conversationId === emma.conversationId)
        .flatMap((entry) => cardsOf(entry));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const json = JSON.stringify(toEmma);
    expect(json).toContain(`Fakturan för kvartal ${open.quarter} ${open.year} är avvisad`);
    expect(json).toContain('Specifikationen saknar Material.');
    expect(json).toContain('"verb":"rekvisition.registrera"');
    expect(json).toContain(`"userIds":["${emma.aadObjectId}"]`);
  });
});

describe('unknown codes and bad card data', () => {
  it('an unknown code gets a clear answer', async () => {
    const turn = await bot.say(emma, 'faktura NOVVA');
    expect(turn.replies[0]?.activity.text).toContain('Jag hittar ingen insats med koden ”NOVVA”');
  });

  it('a period key that does not exist is a 404', async () => {
    const turn = await invoke(emma, 'rekvisition.visa', { periodKey: 'NOVA-2099-Q1' });
    expect(turn.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
  });

  it('data of the wrong shape is a 400, and stores nothing', async () => {
    const turn = await invoke(emma, 'rekvisition.status', { periodKey: open.periodKey, action: 'betala-allt' });
    expect(turn.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});
