/**
 * Fuzzing the approvals API (/api/beslut, /api/delegationsbeslut), the invoicing API
 * (/api/rekvisitioner) and the calendar (/api/kalender, /api/kalender/ny-lank and the feed
 * /kalender/:id/:file): valid bodies and spoiled ones, as the kansli, the ekonom, a projektledare,
 * a board member, a beredningsgrupp member, an unknown person and nobody. The same properties as
 * the register's file (fuzz-app.ts expectSafeAnswer), and a personnummer in any free-text field —
 * a summary, a motivering, a plan, a vote's comment, a withdrawal's reason, an invoice number, a
 * rejection's reason — is refused by the guard and stores nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewRequisition } from '../../src/domain/entities/requisition.ts';
import { BUDGET_CATEGORIES, VOTE_DECISIONS } from '../../src/domain/vocabulary.ts';
import {
  authHeaders,
  type Caller,
  expectPrototypeIntact,
  expectRefusalStoredNothing,
  expectSafeAnswer,
  type FuzzApp,
  type RawRequest,
  startFuzzApp,
} from './support/fuzz-app.ts';
import { createFuzzer } from './support/fuzz-runner.ts';
import { type Body, mutatedBody, pathParameter, queryString, textWithPersonnummer } from './support/hostile.ts';

const fuzzer = createFuzzer(import.meta.url);
let fz: FuzzApp;
let approvalIds: string[] = [];
let periodKeys: string[] = [];
/** a requisition no fuzz input can register (its quarter is far off), for the personnummer checks */
let guardKey = '';
let feedPath = '';

const JSON_HEADERS = { 'content-type': 'application/json' };

const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Caller>('karin.vallgren') },
  { weight: 3, arbitrary: fc.constant<Caller>('mattias.ekholm') },
  { weight: 3, arbitrary: fc.constant<Caller>('emma.strom') },
  { weight: 2, arbitrary: fc.constant<Caller>('gunilla.axelsson') },
  { weight: 2, arbitrary: fc.constant<Caller>('helena.rydberg') },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('unknown-guid', 'not-a-guid', 'nobody') },
);

const insats = fc.constantFrom('NOVA', 'ENTER', 'SAMSYN', 'FIA', 'nova', '1', '999');
const summary = fc.constantFrom('Flytt mellan poster', '<b>Planändring</b>', 'Ändrad plan för höstens grupper');
const year = fc.constantFrom(2026, 2027, 2028);

const startBody = fc.oneof(
  fc.record({
    insats,
    subject: fc.constant('Budgetändring'),
    summary,
    change: fc.record({
      year,
      moves: fc.array(
        fc.record({
          from: fc.constantFrom(...BUDGET_CATEGORIES),
          to: fc.constantFrom(...BUDGET_CATEGORIES),
          amount: fc.integer({ min: 1, max: 200_000 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      motivering: summary,
    }),
  }),
  fc.record({
    insats,
    subject: fc.constant('Planändring'),
    summary,
    plan: fc.record({ beskrivning: summary, mindre: fc.boolean() }),
    dueDate: fc.constantFrom('2030-01-15', '2027-02-30', '2020-01-01'),
  }),
  fc.record({ insats, subject: fc.constant('Ansökan'), summary, amount: fc.constantFrom(40_000, '40 000 kr', -5) }),
);

const voteBody = fc.record(
  { decision: fc.constantFrom(...VOTE_DECISIONS), comment: fc.constantFrom('Bra', '<script>alert(1)</script>') },
  { requiredKeys: ['decision'] },
);

const withdrawBody = fc.oneof(fc.record({ reason: summary }), summary);

const registrationBody = fc.record({
  invoiceNumber: fc.constantFrom('F-2027-001', '<b>123</b>', '=1+1'),
  receivedDate: fc.constantFrom('2026-11-02', '2027-02-30', ''),
  amount: fc.constantFrom(12_500, '12 500', '12 500,50 kr', -100),
  specification: fc.record({ Personal: fc.constantFrom(12_500, '12 500', '12500,50') }),
});

const advanceBody = fc.record(
  {
    action: fc.constantFrom('granska', 'attestera', 'betala', 'avvisa'),
    reason: fc.constantFrom('Fel belopp', '<i>x</i>'),
    etag: fc.constantFrom('"1,1"', 'x'),
  },
  { requiredKeys: ['action'] },
);

type Case = { readonly what: string; readonly request: RawRequest };

function withBody(method: string, path: string, who: Caller, body: Body): Case {
  return {
    what: `${who} ${method} ${path} [${body.mutation}] ${body.text.slice(0, 200)}`,
    request: { method, path, headers: { ...authHeaders(who), ...JSON_HEADERS }, body: body.text },
  };
}

function without(method: string, path: string, who: Caller): Case {
  return { what: `${who} ${method} ${path}`, request: { method, path, headers: authHeaders(who) } };
}

async function checkCase(input: Case): Promise<void> {
  const { answer, writes } = await fz.sendAndWatch(input.request);
  expectSafeAnswer(answer, writes, input.what);
  if (answer.status < 300 && writes.length > 0) {
    // a decision sends cards through the outbox after it answers: let it finish first
    await fz.settle();
  }
}

async function property(name: string, arbitrary: fc.Arbitrary<Case>, runs: number): Promise<void> {
  await fuzzer.property(name, arbitrary, checkCase, runs);
  await fz.expectAlive();
  expectPrototypeIntact();
}

beforeAll(async () => {
  fz = await startFuzzApp();
  approvalIds = (await fz.repos.approvals.listByStatus('Pågår')).map((approval) => approval.id);
  const nova = await fz.repos.interventions.findByCode('NOVA');
  if (nova === null) {
    throw new Error('the demo has NOVA');
  }
  const row = (quarter: number, status: NewRequisition['status']): NewRequisition => ({
    interventionId: nova.id,
    year: 2090,
    quarter,
    periodKey: `NOVA-2090-Q${quarter}`,
    dueDate: `2090-0${quarter * 2}-20`,
    status,
    amount: null,
    specification: null,
    receivedDate: null,
    invoiceNumber: null,
  });
  await fz.repos.requisitions.create(row(1, 'Förväntad'));
  await fz.repos.requisitions.create(row(2, 'Avvisad'));
  guardKey = 'NOVA-2090-Q1';
  periodKeys = [
    ...(await fz.repos.requisitions.listByIntervention(nova.id)).map((requisition) => requisition.periodKey),
  ];
  const link = await fz.send({ method: 'GET', path: '/api/kalender', headers: authHeaders('karin.vallgren') });
  expect(link.status, link.text).toBe(200);
  feedPath = new URL((link.json as { url: string }).url).pathname;
  expect(approvalIds.length).toBeGreaterThan(0);
  await fz.settle();
}, 120_000);

afterAll(async () => {
  fuzzer.save();
  await fz?.close();
});

describe('the approvals API under hostile input', () => {
  it('GET /api/beslut, /api/beslut/:id and /api/delegationsbeslut', { timeout: 300_000 }, async () => {
    await property(
      'GET /api/beslut…',
      fc
        .tuple(
          caller,
          fc.oneof(
            fc.constant('/api/beslut'),
            pathParameter(approvalIds).map((id) => `/api/beslut/${id}`),
            queryString(['from']).map((query) => `/api/delegationsbeslut${query}`),
          ),
        )
        .map(([who, path]) => without('GET', path, who)),
      300,
    );
  });

  it('POST /api/beslut/:id/rost', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/beslut/:id/rost',
      fc
        .tuple(caller, pathParameter(approvalIds), mutatedBody(voteBody, [['comment']]))
        .map(([who, id, body]) => withBody('POST', `/api/beslut/${id}/rost`, who, body)),
      400,
    );
  });

  it('POST /api/beslut', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/beslut',
      fc
        .tuple(caller, mutatedBody(startBody, [['summary'], ['change', 'motivering'], ['plan', 'beskrivning']]))
        .map(([who, body]) => withBody('POST', '/api/beslut', who, body)),
      400,
    );
  });

  it('POST /api/beslut/:id/aterkalla', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/beslut/:id/aterkalla',
      fc
        .tuple(caller, pathParameter(approvalIds), mutatedBody(withdrawBody, [['reason']]))
        .map(([who, id, body]) => withBody('POST', `/api/beslut/${id}/aterkalla`, who, body)),
      300,
    );
  });
});

describe('the invoicing API under hostile input', () => {
  it('GET /api/rekvisitioner and /api/rekvisitioner/:periodKey', { timeout: 300_000 }, async () => {
    await property(
      'GET /api/rekvisitioner…',
      fc
        .tuple(
          caller,
          fc.oneof(
            queryString(['status']).map((query) => `/api/rekvisitioner${query}`),
            pathParameter(periodKeys).map((key) => `/api/rekvisitioner/${key}`),
          ),
        )
        .map(([who, path]) => without('GET', path, who)),
      250,
    );
  });

  it('POST /api/rekvisitioner/:periodKey/registrera', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/rekvisitioner/:periodKey/registrera',
      fc
        .tuple(
          caller,
          pathParameter(periodKeys),
          mutatedBody(registrationBody, [['invoiceNumber']]),
          fc.constantFrom<Record<string, string>>({}, { 'if-match': '"x,1"' }),
        )
        .map(([who, key, body, extra]) => {
          const input = withBody('POST', `/api/rekvisitioner/${key}/registrera`, who, body);
          return { ...input, request: { ...input.request, headers: { ...input.request.headers, ...extra } } };
        }),
      400,
    );
  });

  it('POST /api/rekvisitioner/:periodKey/status', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/rekvisitioner/:periodKey/status',
      fc
        .tuple(caller, pathParameter(periodKeys), mutatedBody(advanceBody, [['reason']]))
        .map(([who, key, body]) => withBody('POST', `/api/rekvisitioner/${key}/status`, who, body)),
      300,
    );
  });
});

describe('the calendar under hostile input', () => {
  it('GET /api/kalender, POST /api/kalender/ny-lank and the feed /kalender/:id/:file', {
    timeout: 300_000,
  }, async () => {
    const [, , id = '', file = ''] = feedPath.split('/');
    await property(
      'calendar',
      fc
        .tuple(
          caller,
          fc.oneof(
            { weight: 1, arbitrary: fc.constant({ method: 'GET', path: '/api/kalender' }) },
            { weight: 1, arbitrary: fc.constant({ method: 'POST', path: '/api/kalender/ny-lank' }) },
            {
              weight: 4,
              arbitrary: fc
                .tuple(pathParameter([id]), pathParameter([file, file.replace('.ics', '')]), fc.boolean())
                .map(([feedId, feedFile, ics]) => ({
                  method: 'GET',
                  path: `/kalender/${feedId}/${feedFile}${ics && !feedFile.endsWith('.ics') ? '.ics' : ''}`,
                })),
            },
          ),
        )
        .map(([who, route]) => without(route.method, route.path, who)),
      300,
    );
  });
});

describe('personnummer in the approvals’ and invoices’ free text', () => {
  const routes = [
    {
      who: 'karin.vallgren',
      method: 'POST',
      path: () => '/api/beslut',
      body: (text: string) => ({ insats: 'NOVA', subject: 'Planändring', summary: text }),
    },
    {
      who: 'karin.vallgren',
      method: 'POST',
      path: () => '/api/beslut',
      body: (text: string) => ({
        insats: 'NOVA',
        subject: 'Budgetändring',
        summary: 'Flytt',
        change: { year: 2027, moves: [{ from: 'Personal', to: 'Lokaler', amount: 1000 }], motivering: text },
      }),
    },
    {
      who: 'karin.vallgren',
      method: 'POST',
      path: () => '/api/beslut',
      body: (text: string) => ({
        insats: 'NOVA',
        subject: 'Planändring',
        summary: 'Ändrad plan',
        plan: { beskrivning: text, mindre: true },
      }),
    },
    {
      who: 'gunilla.axelsson',
      method: 'POST',
      path: () => `/api/beslut/${approvalIds[0]}/rost`,
      body: (text: string) => ({ decision: 'Godkänn', comment: text }),
    },
    {
      who: 'karin.vallgren',
      method: 'POST',
      path: () => `/api/beslut/${approvalIds[0]}/aterkalla`,
      body: (text: string) => ({ reason: text }),
    },
    {
      who: 'emma.strom',
      method: 'POST',
      path: () => `/api/rekvisitioner/${guardKey}/registrera`,
      body: (text: string) => ({ invoiceNumber: text, amount: 100, specification: { Personal: 100 } }),
    },
    {
      who: 'mattias.ekholm',
      method: 'POST',
      path: () => `/api/rekvisitioner/${guardKey}/status`,
      body: (text: string) => ({ action: 'avvisa', reason: text }),
    },
  ] as const;

  it('is refused in every free-text field, in every format, and nothing is stored', { timeout: 300_000 }, async () => {
    await fuzzer.property(
      'personnummer: beslut and rekvisitioner',
      fc.tuple(fc.constantFrom(...routes), textWithPersonnummer),
      async ([route, text]) => {
        const body = route.body(text);
        const what = `${route.who} ${route.method} ${route.path()} ${JSON.stringify(body)}`;
        const { answer, writes } = await fz.sendAndWatch({
          method: route.method,
          path: route.path(),
          headers: { ...authHeaders(route.who), ...JSON_HEADERS },
          body: JSON.stringify(body),
        });
        expect(answer.status, `${what} → ${answer.text}`).toBe(400);
        expect(answer.text, what).toContain('personnummer');
        expectRefusalStoredNothing(400, writes, what);
      },
      500,
    );
    await fz.expectAlive();
  });
});
