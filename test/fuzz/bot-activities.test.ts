/**
 * Fuzzing /api/messages: Bot Framework activities of every kind (messages with hostile text,
 * installation and conversation updates, invokes of every card verb — uppdatera, rekvisition.lista,
 * .visa, .registrera, .status, beslut.visa, .rosta, .starta — and verbs and names that do not
 * exist), whole and spoiled, from the kansli, the ekonom, a projektledare, a board member, someone
 * unknown and someone without an Entra id. The bot answers to a fake Bot Connector.
 *
 * Properties: never a 5xx, and no invoke answered with statusCode 500; a malformed activity is a
 * 4xx in our error shape and stores nothing; a refused card action (statusCode 4xx) stores nothing
 * but a 403's `nekad` audit row; whatever someone typed comes back in a reply or a card as text,
 * never as a Markdown link, bold or an HTML tag; Object.prototype untouched; /healthz answers after
 * each property. A personnummer typed into a card's form is refused and stores nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewRequisition } from '../../src/domain/entities/requisition.ts';
import { BUDGET_CATEGORIES, VOTE_DECISIONS } from '../../src/domain/vocabulary.ts';
import { demoPerson, type PersonKey } from '../../src/sharepoint/demo/demo-people.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../integration/bot/fake-bot-connector.ts';
import {
  authHeaders,
  expectPrototypeIntact,
  expectRefusalStoredNothing,
  expectSafeAnswer,
  type FuzzApp,
  startFuzzApp,
} from './support/fuzz-app.ts';
import { createFuzzer } from './support/fuzz-runner.ts';
import { hostileString, mutatedBody, SPECIAL_STRINGS, textWithPersonnummer } from './support/hostile.ts';
import { expectInertText, MARKDOWN_MARKERS } from './support/inert-text.ts';

const fuzzer = createFuzzer(import.meta.url);
let fz: FuzzApp;
let connector: FakeBotConnector;
let approvalIds: string[] = [];
let periodKeys: string[] = [];
const GUARD_KEY = 'NOVA-2090-Q1';
/** an insats whose title and beslutsparagraf are Markdown and HTML, made in beforeAll */
const MARKUP_CODE = 'FZMARKUP';

type Speaker = PersonKey | 'no-aad-id' | 'unknown';

const speaker: fc.Arbitrary<Speaker> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Speaker>('karin.vallgren') },
  { weight: 2, arbitrary: fc.constant<Speaker>('mattias.ekholm') },
  { weight: 3, arbitrary: fc.constant<Speaker>('emma.strom') },
  { weight: 2, arbitrary: fc.constant<Speaker>('gunilla.axelsson') },
  { weight: 1, arbitrary: fc.constantFrom<Speaker>('no-aad-id', 'unknown') },
);

/**
 * `sender` other than 'fuzzed': a Teams user id the fuzzed messages never use — a fuzzed
 * `agera som …` (AUTH_MODE=dev) makes later turns from the same sender act as someone else
 */
type Sender = 'fuzzed' | 'fixed';

function from(who: Speaker, sender: Sender = 'fuzzed'): Record<string, unknown> {
  if (who === 'no-aad-id') {
    return { id: '29:anonymous', name: 'Utan <b>id</b>' };
  }
  if (who === 'unknown') {
    return {
      id: '29:unknown',
      name: '[Okänd](https://evil.example)',
      aadObjectId: '00000000-0000-4000-8000-000000000000',
    };
  }
  const person = demoPerson(who);
  return {
    id: `29:${who}${sender === 'fixed' ? '-fixed' : ''}`,
    name: person.displayName,
    aadObjectId: person.aadObjectId,
  };
}

function envelope(who: Speaker, sender: Sender = 'fuzzed'): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    timestamp: new Date().toISOString(),
    from: from(who, sender),
    recipient: { id: '28:insatsnavet-bot', name: 'Insatsnavet' },
    conversation: { id: `a:personal-${who}-${sender}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'sv-SE',
  };
}

const COMMANDS = [
  'hjälp',
  'mina insatser',
  'status NOVA',
  `status ${MARKUP_CODE}`,
  'status länk',
  'frister',
  'att besluta',
  'beslut SAMSYN',
  'delegationsbeslut',
  'nytt beslut NOVA',
  'faktura NOVA',
  'fakturor',
  'kalender',
  'vem är jag',
];

const messageText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...COMMANDS) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('status ', 'beslut ', 'faktura ', 'nytt beslut ', 'agera som ', ''), hostileString)
      .map(([command, text]) => `${command}${text}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('status ', 'beslut ', 'faktura ', ''), fc.constantFrom(...MARKDOWN_MARKERS))
      .map(([command, marker]) => `${command}${marker}`),
  },
  { weight: 1, arbitrary: textWithPersonnummer.map((text) => `status ${text}`) },
);

/** the data each verb's button carries, as the bot's own cards put it (form values as strings) */
function verbData(): fc.Arbitrary<{ verb: string; data: Record<string, unknown> }> {
  const approvalId = fc.constantFrom(...approvalIds, '999', '0');
  const periodKey = fc.constantFrom(...periodKeys, 'NOVA-2027-Q5');
  return fc.oneof(
    fc
      .constantFrom<Record<string, unknown>>(
        { vy: 'hjalp' },
        { vy: 'mina-insatser' },
        { vy: 'status', kod: 'NOVA' },
        { vy: 'status', kod: MARKUP_CODE },
        { vy: 'frister' },
        { vy: 'att-besluta' },
      )
      .map((data) => ({ verb: 'uppdatera', data })),
    fc.constant({ verb: 'rekvisition.lista', data: {} }),
    fc
      .record({ periodKey, kind: fc.constantFrom('reminder', 'to-review', 'x') })
      .map((data) => ({ verb: 'rekvisition.visa', data })),
    fc
      .record({
        periodKey,
        etag: fc.constantFrom('"1,1"', ''),
        fakturanummer: fc.constantFrom('F-1', '[länk](https://evil.example)'),
        inkom: fc.constantFrom('2026-11-02', '2027-02-30', ''),
        total: fc.constantFrom('12 500', '-1', 'NaN'),
        Personal: fc.constantFrom('12 500', ''),
      })
      .map((data) => ({ verb: 'rekvisition.registrera', data })),
    fc
      .record({
        periodKey,
        etag: fc.constantFrom('"1,1"', ''),
        action: fc.constantFrom('granska', 'attestera', 'betala', 'avvisa'),
        skal: fc.constantFrom('Fel', '**fet**'),
      })
      .map((data) => ({ verb: 'rekvisition.status', data })),
    fc.record({ approvalId }).map((data) => ({ verb: 'beslut.visa', data })),
    fc
      .record({ approvalId, beslut: fc.constantFrom(...VOTE_DECISIONS), kommentar: fc.constantFrom('', 'Ok') })
      .map((data) => ({ verb: 'beslut.rosta', data })),
    fc
      .record({
        insats: fc.constantFrom('NOVA', 'nova', 'SAMSYN', '999', MARKUP_CODE),
        arendetyp: fc.constantFrom('Budgetändring', 'Planändring', 'Ansökan', 'Annat'),
        sammanfattning: fc.constantFrom('Flytt', '[länk](https://evil.example)'),
        belopp: fc.constantFrom('', '40 000', '-5'),
        svaraSenast: fc.constantFrom('', '2030-01-15', '2027-02-30'),
        ar: fc.constantFrom('2027', '1e9'),
        franPost: fc.constantFrom(...BUDGET_CATEGORIES),
        tillPost: fc.constantFrom(...BUDGET_CATEGORIES),
        flyttbelopp: fc.constantFrom('1000', '0'),
        mindre: fc.constantFrom('true', 'false'),
      })
      .map((data) => ({ verb: 'beslut.starta', data })),
    fc.constantFrom('okänd.verb', 'UPPDATERA', '', ' ', 'x'.repeat(500)).map((verb) => ({ verb, data: {} })),
  );
}

/** where a verb's (spoiled) data is spliced into the activity's JSON */
const DATA = '\u0000data\u0000';

type BotCase = { readonly what: string; readonly activity: string; readonly invoke: boolean };

function caseOf(who: Speaker, activity: Record<string, unknown> | string, what: string, invoke: boolean): BotCase {
  return {
    what: `${who} ${what}`,
    activity: typeof activity === 'string' ? activity : JSON.stringify({ id: crypto.randomUUID(), ...activity }),
    invoke,
  };
}

async function checkBotCase(input: BotCase): Promise<void> {
  const repliesBefore = connector.requests.length;
  const { answer, writes } = await fz.sendAndWatch({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    body: input.activity,
  });
  const context = `${input.what} → ${answer.status} ${answer.text.slice(0, 400)}`;
  expect(answer.status, context).toBeLessThan(500);
  if (answer.status >= 400) {
    expectSafeAnswer(answer, writes, input.what);
    return;
  }
  if (input.invoke && answer.json !== undefined) {
    const body = answer.json as { statusCode?: number; type?: string; value?: unknown };
    expect(body.statusCode, context).toBeDefined();
    expect(body.statusCode, context).not.toBe(500);
    if ((body.statusCode ?? 200) >= 400) {
      expectRefusalStoredNothing(body.statusCode ?? 400, writes, context);
    }
    expectInertText(body.value, context);
  }
  // what the bot said in the chat: typed text comes back escaped
  for (const reply of connector.requests.slice(repliesBefore)) {
    expectInertText(reply.activity, context);
  }
  expectPrototypeIntact();
  if (writes.length > 0) {
    // a vote or a new matter sends cards through the outbox after it answers: let it finish first
    await fz.settle();
  }
}

async function property(name: string, arbitrary: fc.Arbitrary<BotCase>, runs: number): Promise<void> {
  await fuzzer.property(name, arbitrary, checkBotCase, runs);
  await fz.expectAlive();
  expectPrototypeIntact();
}

beforeAll(async () => {
  connector = await startFakeBotConnector();
  fz = await startFuzzApp();
  approvalIds = (await fz.repos.approvals.listByStatus('Pågår')).map((approval) => approval.id);
  const nova = await fz.repos.interventions.findByCode('NOVA');
  if (nova === null) {
    throw new Error('the demo has NOVA');
  }
  const row: NewRequisition = {
    interventionId: nova.id,
    year: 2090,
    quarter: 1,
    periodKey: GUARD_KEY,
    dueDate: '2090-04-30',
    status: 'Förväntad',
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  };
  await fz.repos.requisitions.create(row);
  periodKeys = (await fz.repos.requisitions.listByIntervention(nova.id)).map((requisition) => requisition.periodKey);
  // an insats whose typed texts are Markdown and HTML, for the status card and the lists
  const karin = { ...authHeaders('karin.vallgren'), 'content-type': 'application/json' };
  const created = await fz.send({
    method: 'POST',
    path: '/api/insatser',
    headers: karin,
    body: JSON.stringify({ title: `länk ${MARKDOWN_MARKERS.join(' ')}`, code: MARKUP_CODE, stage: 'Idé' }),
  });
  expect(created.status, created.text).toBe(201);
  const id = (created.json as { insats: { id: string } }).insats.id;
  // a second one, so `status länk` finds two and lists them in the chat
  const twin = await fz.send({
    method: 'POST',
    path: '/api/insatser',
    headers: karin,
    body: JSON.stringify({ title: `Andra länk ${MARKDOWN_MARKERS.join(' ')}`, code: `${MARKUP_CODE}2`, stage: 'Idé' }),
  });
  expect(twin.status, twin.text).toBe(201);
  const patched = await fz.send({
    method: 'PATCH',
    path: `/api/insatser/${id}`,
    headers: karin,
    body: JSON.stringify({ decisionRef: MARKDOWN_MARKERS.join(' '), decisionDate: '2026-11-20' }),
  });
  expect(patched.status, patched.text).toBe(200);
  await fz.settle();
}, 120_000);

afterAll(async () => {
  fuzzer.save();
  await fz?.close();
  await connector?.close();
});

describe('/api/messages under hostile input', () => {
  it('messages with hostile text, from anyone', { timeout: 300_000 }, async () => {
    await property(
      'message activities',
      fc
        .tuple(speaker, messageText)
        .map(([who, text]) =>
          caseOf(
            who,
            { ...envelope(who), type: 'message', text, textFormat: 'plain' },
            `says ${JSON.stringify(text).slice(0, 200)}`,
            false,
          ),
        ),
      400,
    );
  });

  it('activities of every kind, whole and spoiled', { timeout: 300_000 }, async () => {
    const activity = (who: Speaker) =>
      fc.constantFrom<Record<string, unknown>>(
        { ...envelope(who), type: 'message', text: 'hjälp' },
        { ...envelope(who), type: 'installationUpdate', action: 'add' },
        { ...envelope(who), type: 'installationUpdate', action: 'remove' },
        {
          ...envelope(who),
          type: 'conversationUpdate',
          membersAdded: [{ id: '28:insatsnavet-bot' }, { id: '29:x', name: '<img src=x onerror=alert(1)>' }],
        },
        { ...envelope(who), type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
        { ...envelope(who), type: 'typing' },
        { ...envelope(who), type: 'event', name: 'application/vnd.microsoft.meetingStart', value: {} },
        { ...envelope(who), type: 'invoke', name: 'composeExtension/query', value: { commandId: 'x' } },
        { ...envelope(who), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit' } } },
      );
    await property(
      'activities',
      speaker
        .chain((who) => fc.tuple(fc.constant(who), mutatedBody(activity(who), [['text'], ['from', 'name']])))
        .map(([who, body]) => caseOf(who, body.text, `activity [${body.mutation}] ${body.text.slice(0, 200)}`, false)),
      500,
    );
  });

  it('every card verb (Action.Execute through an invoke), whole and spoiled', { timeout: 300_000 }, async () => {
    await property(
      'card verbs',
      fc
        .tuple(speaker, verbData())
        .chain(([who, { verb, data }]) =>
          fc.tuple(
            fc.constant(who),
            fc.constant(verb),
            mutatedBody(
              fc.constant(data),
              Object.keys(data).map((key) => [key]),
            ),
            fc.constantFrom('manual', 'automatic', undefined),
          ),
        )
        .map(([who, verb, body, trigger]) => {
          const activity = JSON.stringify({
            id: crypto.randomUUID(),
            ...envelope(who),
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: {
              action: { type: 'Action.Execute', verb, data: DATA },
              ...(trigger === undefined ? {} : { trigger }),
            },
          });
          // the spoiled data goes in as written: 10 000 levels deep or broken JSON included
          return caseOf(
            who,
            activity.replace(JSON.stringify(DATA), () => body.text),
            `${verb} [${body.mutation}] ${body.text.slice(0, 200)}`,
            true,
          );
        }),
      1000,
    );
  });
});

describe('personnummer typed into a card’s form', () => {
  it('is refused for a vote’s comment, a new matter’s summary, an invoice number and a rejection’s reason', {
    timeout: 300_000,
  }, async () => {
    const forms = [
      {
        who: 'gunilla.axelsson',
        verb: 'beslut.rosta',
        data: (text: string) => ({ approvalId: approvalIds[0], beslut: 'Godkänn', kommentar: text }),
      },
      {
        who: 'karin.vallgren',
        verb: 'beslut.starta',
        data: (text: string) => ({ insats: 'NOVA', arendetyp: 'Planändring', sammanfattning: text, mindre: 'true' }),
      },
      {
        who: 'emma.strom',
        verb: 'rekvisition.registrera',
        data: (text: string) => ({ periodKey: GUARD_KEY, fakturanummer: text, total: '100', Personal: '100' }),
      },
      {
        who: 'mattias.ekholm',
        verb: 'rekvisition.status',
        data: (text: string) => ({ periodKey: GUARD_KEY, action: 'avvisa', skal: text }),
      },
    ] as const;
    await fuzzer.property(
      'personnummer: card forms',
      fc.tuple(fc.constantFrom(...forms), textWithPersonnummer),
      async ([form, text]) => {
        const activity = {
          id: crypto.randomUUID(),
          ...envelope(form.who, 'fixed'),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: form.verb, data: form.data(text) } },
        };
        const what = `${form.who} ${form.verb} ${JSON.stringify(text)}`;
        const { answer, writes } = await fz.sendAndWatch({
          method: 'POST',
          path: '/api/messages',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        expect(answer.status, `${what} → ${answer.text.slice(0, 300)}`).toBe(200);
        // the card again with the guard's message by the field, or the refusal alone
        expect(answer.text, what).toContain('personnummer');
        expectRefusalStoredNothing(400, writes, what);
      },
      400,
    );
    await fz.expectAlive();
  });
});

describe('typed Markdown and HTML in what the bot shows', () => {
  it('is text in the status card (title and beslutsparagraf), in the lists and in the chat', async () => {
    const karin = envelope('karin.vallgren', 'fixed');
    for (const text of [`status ${MARKUP_CODE}`, 'status länk', `status ${SPECIAL_STRINGS.join(' ').slice(0, 300)}`]) {
      const repliesBefore = connector.requests.length;
      const answer = await fz.send({
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: crypto.randomUUID(), ...karin, type: 'message', text }),
      });
      expect(answer.status).toBe(200);
      const replies = connector.requests.slice(repliesBefore);
      expect(replies.length).toBeGreaterThan(0);
      for (const reply of replies) {
        expectInertText(reply.activity, text);
      }
    }
    const [status, listed] = connector.requests.slice(-3).map((request) => JSON.stringify(request.activity));
    expect(status).toContain('\\\\[länk\\\\](https://evil.example)');
    // `status länk` matched both: the chat lists their titles, escaped
    expect(listed).toContain('Flera insatser passar');
    expect(listed).toContain('\\\\[länk\\\\](https://evil.example)');
    fuzzer.count('status card with Markdown', 3);
  });
});
