/**
 * Fuzzing the register's API and the tab's routes (every GET/POST/PATCH/PUT of /api/openapi.json
 * but the approvals and invoicing ones, which have their own file): valid bodies and thousands of
 * spoiled ones, sent as kansli, projektledare, board member, an unknown person and nobody. Each
 * answer must be no 5xx, our error shape when refused, nothing stored by a refusal (a 403's
 * `nekad` audit row and the outbox aside), Object.prototype untouched; the process answers
 * /healthz after each property. Free text with a personnummer in any format is refused (400) by
 * the register's guard and stores nothing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_CATEGORIES, INTERVENTION_KINDS, STAGES } from '../../src/domain/vocabulary.ts';
import { demoPerson } from '../../src/sharepoint/demo/demo-people.ts';
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
import {
  type Body,
  HTML_AND_SCRIPT,
  hostileString,
  mutatedBody,
  pathParameter,
  percentEncode,
  queryString,
  textWithPersonnummer,
} from './support/hostile.ts';

const fuzzer = createFuzzer(import.meta.url);
let fz: FuzzApp;
/** drafts karin (kansli) and emma (projektledare) own, made in beforeAll */
let drafts: string[] = [];
let existing: string[] = [];
let memberIds: string[] = [];

const JSON_HEADERS = { 'content-type': 'application/json' };

const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Caller>('karin.vallgren') },
  { weight: 2, arbitrary: fc.constant<Caller>('emma.strom') },
  { weight: 1, arbitrary: fc.constant<Caller>('gunilla.axelsson') },
  { weight: 1, arbitrary: fc.constant<Caller>('mattias.ekholm') },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('unknown-guid', 'not-a-guid', 'nobody') },
);

const code = fc
  .array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789'), { minLength: 4, maxLength: 10 })
  .map((letters) => `F${letters.join('')}`);

const shortText = fc.constantFrom('Nya vägar', 'Samverkan i Värend', '<b>NOVA</b>', 'Stöd – steg 2', 'Ärende');
const TEXT_FIELDS = [
  'purpose',
  'background',
  'goals',
  'targetGroup',
  'methods',
  'staffing',
  'anchoring',
  'implementationPlan',
] as const;

const applicationDetails = fc.record({
  goals: fc.array(
    fc.record({
      kind: fc.constantFrom('Insatsmål', 'Nyttomål'),
      text: shortText,
      indicator: shortText,
      targetWomen: fc.integer({ min: 0, max: 100 }),
      targetMen: fc.integer({ min: 0, max: 100 }),
      date: fc.constantFrom('2027-06-30', '2028-12-31'),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  targetGroup: fc.record({ criteria: shortText, estimatedCount: fc.integer({ min: 0, max: 500 }) }),
  signatories: fc.constant([{ memberOrgId: '1', name: 'Anna Andersson', title: 'Förvaltningschef' }]),
  criteria: fc.record({
    applicantHasMandate: fc.boolean(),
    twoMembersSign: fc.boolean(),
    ownerAmongApplicants: fc.boolean(),
    individualPerspective: fc.boolean(),
    individualPerspectiveStatement: shortText,
  }),
});

const draftFields = fc.record(
  {
    kind: fc.constantFrom(...INTERVENTION_KINDS),
    ownerOrgId: fc.constantFrom('1', '2', '7'),
    partnerOrgIds: fc.constant(['1', '2']),
    projectLeaderAadId: fc.constant(demoPerson('emma.strom').aadObjectId),
    startDate: fc.constantFrom('2027-01-01', '2027-07-01'),
    endDate: fc.constantFrom('2028-12-31', '2029-06-30'),
    purpose: shortText,
    background: shortText,
    methods: shortText,
    applicationDetails,
  },
  { requiredKeys: [] },
);

const createBody = fc
  .tuple(fc.record({ title: shortText, code, stage: fc.constantFrom('Idé', 'Ansökan') }), draftFields)
  .map(([head, rest]) => ({ ...head, ...rest }));

/** every free-text field of the application, where a personnummer must be refused */
const FREE_TEXT_PATHS = [
  ['title'],
  ...TEXT_FIELDS.map((field) => [field]),
  ['applicationDetails', 'goals', 0, 'text'],
  ['applicationDetails', 'goals', 0, 'indicator'],
  ['applicationDetails', 'targetGroup', 'criteria'],
  ['applicationDetails', 'signatories', 0, 'name'],
  ['applicationDetails', 'signatories', 0, 'title'],
  ['applicationDetails', 'criteria', 'individualPerspectiveStatement'],
] as const;

/** a create body with every optional text present, so each free-text path exists */
const fullCreateBody = createBody.map((body) => ({
  ...body,
  ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, 'Text'])),
  applicationDetails: {
    goals: [{ kind: 'Insatsmål', text: 'Mål', indicator: 'Andel', targetWomen: 40, targetMen: 40, date: '2028-12-31' }],
    targetGroup: { criteria: 'Unga vuxna', estimatedCount: 40 },
    signatories: [{ memberOrgId: '1', name: 'Anna Andersson', title: 'Förvaltningschef' }],
    criteria: {
      applicantHasMandate: true,
      twoMembersSign: true,
      ownerAmongApplicants: true,
      individualPerspective: true,
      individualPerspectiveStatement: 'Deltagarnas röst',
    },
  },
}));

const patchBody = fc
  .tuple(
    fc.record(
      { title: shortText, decisionRef: fc.constantFrom('§ 12', '<i>§</i>'), grantedAmount: fc.nat() },
      {
        requiredKeys: [],
      },
    ),
    draftFields,
  )
  .map(([head, rest]) => ({ ...head, ...rest }));

const budgetBody = fc.record({
  lines: fc.array(
    fc.record({
      year: fc.integer({ min: 2027, max: 2029 }),
      category: fc.constantFrom(...BUDGET_CATEGORIES),
      amount: fc.integer({ min: 0, max: 2_000_000 }),
    }),
    { maxLength: 6 },
  ),
});

const transitionBody = fc.record(
  { till: fc.constantFrom(...STAGES), kommentar: fc.constantFrom('Enligt beslut', '<script>alert(1)</script>') },
  { requiredKeys: ['till'] },
);

const settingsBody = fc.record(
  {
    dueRule: fc.constant({ q1: '04-30', q2: '07-31', q3: '10-31', q4: '01-31' }),
    reminderOffsets: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 3 }),
    escalationOffset: fc.integer({ min: 1, max: 10 }),
    sendTime: fc.constantFrom('08:00', '09:30'),
    changeThresholdPercent: fc.integer({ min: 1, max: 50 }),
  },
  { requiredKeys: [] },
);

type Case = { readonly what: string; readonly request: RawRequest };

function withBody(
  method: string,
  path: string,
  who: Caller,
  body: Body,
  contentType: Record<string, string> = JSON_HEADERS,
): Case {
  return {
    what: `${who} ${method} ${path} [${body.mutation}] ${body.text.slice(0, 200)}`,
    request: { method, path, headers: { ...authHeaders(who), ...contentType }, body: body.text },
  };
}

function without(method: string, path: string, who: Caller): Case {
  return { what: `${who} ${method} ${path}`, request: { method, path, headers: authHeaders(who) } };
}

async function checkCase(input: Case): Promise<void> {
  const { answer, writes } = await fz.sendAndWatch(input.request);
  expectSafeAnswer(answer, writes, input.what);
  // the register's use cases finish their writes (audit rows included) before they answer, so
  // nothing is left running for the next input to be blamed for: no settle() here
}

async function property<T extends Case>(name: string, arbitrary: fc.Arbitrary<T>, runs: number): Promise<void> {
  await fuzzer.property(name, arbitrary, checkCase, runs);
  await fz.expectAlive();
  expectPrototypeIntact();
}

beforeAll(async () => {
  fz = await startFuzzApp();
  const interventions = await fz.repos.interventions.list();
  existing = interventions.map((intervention) => intervention.id);
  memberIds = (await fz.repos.members.list()).map((member) => member.id);
  for (const [who, draftCode] of [
    ['karin.vallgren', 'FZKANSLI'],
    ['emma.strom', 'FZEMMA'],
  ] as const) {
    const answer = await fz.send({
      method: 'POST',
      path: '/api/insatser',
      headers: { ...authHeaders(who), ...JSON_HEADERS },
      body: JSON.stringify({ title: `Utkast ${who}`, code: draftCode, stage: 'Ansökan' }),
    });
    expect(answer.status, answer.text).toBe(201);
    drafts.push(String((answer.json as { insats: { id: string } }).insats.id));
  }
  drafts = [...new Set(drafts)];
}, 120_000);

afterAll(async () => {
  fuzzer.save();
  await fz?.close();
});

const anyId = () => pathParameter([...drafts, ...existing.slice(0, 5)]);

describe('the register API under hostile input', () => {
  it('hostile strings in every field never reach a 5xx (a quick sweep over the member ids too)', async () => {
    await property(
      'GET /api/insatser?agare=',
      fc
        .tuple(fc.constantFrom(...memberIds, '0', '-1'), hostileString)
        .map(([id, text]) =>
          without(
            'GET',
            `/api/insatser?agare=${percentEncode(id)}&sok=${percentEncode(text.slice(0, 150))}`,
            'karin.vallgren',
          ),
        ),
      60,
    );
  });

  it('GET /api/insatser with hostile queries, and GET /api/insatser/:id', { timeout: 300_000 }, async () => {
    await property(
      'GET /api/insatser?…',
      fc
        .tuple(caller, queryString(['skede', 'agare', 'ar', 'sok']))
        .map(([who, query]) => without('GET', `/api/insatser${query}`, who)),
      250,
    );
    await property(
      'GET /api/insatser/:id',
      fc.tuple(caller, anyId()).map(([who, id]) => without('GET', `/api/insatser/${id}`, who)),
      200,
    );
  });

  it('the tab routes and documents: GET register, avvikelser, me, medlemmar, översikt, inställningar, personer, openapi, health', {
    timeout: 300_000,
  }, async () => {
    const paths = [
      '/api/register',
      '/api/avvikelser',
      '/api/me',
      '/api/medlemmar',
      '/api/oversikt',
      '/api/installningar',
      '/api/personer',
      '/api/openapi.json',
      '/api/health',
    ];
    await property(
      'GET tab routes',
      fc
        .tuple(
          caller,
          fc.constantFrom(...paths),
          queryString(['x', 'as', 'skede']),
          fc.constantFrom<Record<string, string>>(
            {},
            { accept: 'text/html' },
            { accept: '*/*' },
            { 'if-match': '"x"' },
          ),
        )
        .map(([who, path, query, extra]) => ({
          what: `${who} GET ${path}${query} ${JSON.stringify(extra)}`,
          request: { method: 'GET', path: `${path}${query}`, headers: { ...authHeaders(who), ...extra } },
        })),
      250,
    );
  });

  it('POST /api/insatser', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/insatser',
      fc
        .tuple(caller, mutatedBody(createBody, FREE_TEXT_PATHS))
        .map(([who, body]) => withBody('POST', '/api/insatser', who, body)),
      500,
    );
  });

  it('PATCH /api/insatser/:id', { timeout: 300_000 }, async () => {
    await property(
      'PATCH /api/insatser/:id',
      fc
        .tuple(caller, anyId(), mutatedBody(patchBody, [['title'], ['purpose'], ['decisionRef']]))
        .map(([who, id, body]) => withBody('PATCH', `/api/insatser/${id}`, who, body)),
      450,
    );
  });

  it('PUT /api/insatser/:id/budget', { timeout: 300_000 }, async () => {
    await property(
      'PUT /api/insatser/:id/budget',
      fc
        .tuple(caller, anyId(), mutatedBody(budgetBody))
        .map(([who, id, body]) => withBody('PUT', `/api/insatser/${id}/budget`, who, body)),
      400,
    );
  });

  it('POST /api/insatser/:id/skicka-in and /skede', { timeout: 300_000 }, async () => {
    await property(
      'POST /api/insatser/:id/skicka-in',
      fc
        .tuple(caller, anyId(), fc.option(mutatedBody(fc.constant({})), { nil: undefined }))
        .map(([who, id, body]) =>
          body === undefined
            ? without('POST', `/api/insatser/${id}/skicka-in`, who)
            : withBody('POST', `/api/insatser/${id}/skicka-in`, who, body),
        ),
      250,
    );
    await property(
      'POST /api/insatser/:id/skede',
      fc
        .tuple(caller, anyId(), mutatedBody(transitionBody, [['kommentar']]))
        .map(([who, id, body]) => withBody('POST', `/api/insatser/${id}/skede`, who, body)),
      400,
    );
  });

  it('PUT /api/installningar', { timeout: 300_000 }, async () => {
    await property(
      'PUT /api/installningar',
      fc
        .tuple(caller, mutatedBody(settingsBody))
        .map(([who, body]) => withBody('PUT', '/api/installningar', who, body)),
      400,
    );
  });

  it('every request body route with the wrong content type, or none', { timeout: 300_000 }, async () => {
    const routes = [
      ['POST', '/api/insatser'],
      ['PATCH', `/api/insatser/${drafts[0]}`],
      ['PUT', `/api/insatser/${drafts[0]}/budget`],
      ['POST', `/api/insatser/${drafts[0]}/skede`],
      ['POST', `/api/insatser/${drafts[0]}/skicka-in`],
      ['PUT', '/api/installningar'],
    ] as const;
    await property(
      'wrong content types',
      fc
        .tuple(
          caller,
          fc.constantFrom(...routes),
          mutatedBody(createBody),
          fc.constantFrom<Record<string, string>>(
            {},
            { 'content-type': 'text/plain' },
            { 'content-type': 'application/x-www-form-urlencoded' },
            { 'content-type': 'multipart/form-data; boundary=X' },
            { 'content-type': 'application/xml' },
            { 'content-type': 'application/json; charset=latin1' },
            { 'content-type': 'application/json', 'content-encoding': 'gzip' },
            { 'content-type': 'application/json', 'content-encoding': 'br' },
          ),
        )
        .map(([who, [method, path], body, headers]) => {
          const input = withBody(method, path, who, body, headers);
          return { ...input, what: `${input.what} ${JSON.stringify(headers)}` };
        }),
      600,
    );
  });
});

describe('personnummer in the register’s free text', () => {
  it('is refused in every free-text field of a new insats, in every format, and nothing is stored', {
    timeout: 300_000,
  }, async () => {
    await fuzzer.property(
      'personnummer: POST /api/insatser',
      fc.tuple(fullCreateBody, fc.constantFrom(...FREE_TEXT_PATHS), textWithPersonnummer),
      async ([body, path, text]) => {
        const spoiled = structuredClone(body) as Record<string, unknown>;
        let node = spoiled as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) {
          node = node[key] as Record<string | number, unknown>;
        }
        node[path[path.length - 1] as string | number] = text;
        const what = `${path.join('.')} = ${JSON.stringify(text)}`;
        const { answer, writes } = await fz.sendAndWatch({
          method: 'POST',
          path: '/api/insatser',
          headers: { ...authHeaders('karin.vallgren'), ...JSON_HEADERS },
          body: JSON.stringify(spoiled),
        });
        expect(answer.status, `${what} → ${answer.text}`).toBe(400);
        expect(answer.text, what).toContain('personnummer');
        expectRefusalStoredNothing(400, writes, what);
      },
      500,
    );
    await fz.expectAlive();
  });

  it('is refused in a draft’s texts, a transition comment and a search', { timeout: 300_000 }, async () => {
    const routes = [
      { method: 'PATCH', path: () => `/api/insatser/${drafts[0]}`, body: (text: string) => ({ purpose: text }) },
      { method: 'PATCH', path: () => `/api/insatser/${drafts[0]}`, body: (text: string) => ({ title: text }) },
      { method: 'PATCH', path: () => `/api/insatser/${existing[0]}`, body: (text: string) => ({ decisionRef: text }) },
      {
        method: 'POST',
        path: () => `/api/insatser/${existing[0]}/skede`,
        body: (text: string) => ({ till: 'Avslutas', kommentar: text }),
      },
      { method: 'GET', path: (text: string) => `/api/insatser?sok=${percentEncode(text)}`, body: () => undefined },
    ] as const;
    await fuzzer.property(
      'personnummer: PATCH, skede, sök',
      fc.tuple(fc.constantFrom(...routes), textWithPersonnummer),
      async ([route, text]) => {
        const body = route.body(text);
        const what = `${route.method} ${route.path(text)} ${JSON.stringify(body)}`;
        const { answer, writes } = await fz.sendAndWatch({
          method: route.method,
          path: route.path(text),
          headers: { ...authHeaders('karin.vallgren'), ...(body === undefined ? {} : JSON_HEADERS) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect(answer.status, `${what} → ${answer.text}`).toBe(400);
        expect(answer.text, what).toContain('personnummer');
        expectRefusalStoredNothing(400, writes, what);
      },
      300,
    );
  });
});

describe('HTML and script in text fields', () => {
  it('are stored as the text they are, and answered as JSON text, never as markup', async () => {
    for (const [index, markup] of HTML_AND_SCRIPT.entries()) {
      const answer = await fz.send({
        method: 'POST',
        path: '/api/insatser',
        headers: { ...authHeaders('karin.vallgren'), ...JSON_HEADERS },
        body: JSON.stringify({ title: markup, code: `FZHTML${index}`, purpose: markup }),
      });
      expect(answer.status, answer.text).toBe(201);
      expect(answer.contentType).toMatch(/^application\/json/);
      const stored = await fz.repos.interventions.findByCode(`FZHTML${index}`);
      expect(stored?.title).toBe(markup.trim());
      expect(stored?.purpose).toBe(markup.trim());
    }
    fuzzer.count('HTML stored as text', HTML_AND_SCRIPT.length);
  });

  it('control characters, bidi overrides and lone surrogates are not stored; zero-width joiners are', async () => {
    const answer = await fz.send({
      method: 'POST',
      path: '/api/insatser',
      headers: { ...authHeaders('karin.vallgren'), ...JSON_HEADERS },
      body: JSON.stringify({
        title: 'NO\u0000VA\u202e \u2066kod\u2069\ud800 👩\u200d💻\r\nrad två',
        code: 'FZCTRL',
        purpose: 'Rad ett\u000bRad två\u0007 klar',
      }),
    });
    expect(answer.status, answer.text).toBe(201);
    const stored = await fz.repos.interventions.findByCode('FZCTRL');
    expect(stored?.title).toBe('NOVA kod 👩\u200d💻 rad två');
    expect(stored?.purpose).toBe('Rad ett\nRad två klar');
    fuzzer.count('control characters', 1);
  });
});
