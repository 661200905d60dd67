/**
 * Every operation /api/openapi.json documents, fuzzed from the document alone: path parameters
 * (real ids and hostile ones), query parameters (hostile, repeated, nested), and a body generated
 * from the operation's JSON Schema and then spoiled (hostile.ts) — or, for a route that takes a
 * file, bytes under the right and wrong content types. Routes added later are swept without anyone
 * writing a test for them; the tailored files (register-api, approvals-invoicing-api,
 * bot-activities) go deeper into the routes there were when they were written.
 *
 * The same properties as everywhere in test/fuzz: no 5xx, our error shape for a 4xx, nothing
 * stored by a refusal (a 403's `nekad` audit row and the outbox aside), Object.prototype intact,
 * /healthz after each operation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  type Caller,
  expectPrototypeIntact,
  expectSafeAnswer,
  type FuzzApp,
  type RawRequest,
  startFuzzApp,
} from './support/fuzz-app.ts';
import { createFuzzer } from './support/fuzz-runner.ts';
import { hostileValue, mutatedBody, pathParameter, queryString } from './support/hostile.ts';
import { arbitraryFor, type JsonSchema } from './support/json-schema-arbitrary.ts';

const fuzzer = createFuzzer(import.meta.url);
/** generated inputs per documented operation */
const RUNS_PER_OPERATION = 35;

type Operation = {
  readonly method: string;
  readonly path: string;
  readonly query: readonly string[];
  readonly body: { readonly mediaType: string; readonly schema: JsonSchema | undefined } | null;
};

type OpenApi = {
  readonly paths: Record<
    string,
    Record<
      string,
      {
        readonly parameters?: ReadonlyArray<{ readonly name: string; readonly in: string }>;
        readonly requestBody?: { readonly content: Record<string, { readonly schema?: JsonSchema }> };
      }
    >
  >;
};

let fz: FuzzApp;
let operations: Operation[] = [];
const realValues: Record<string, string[]> = {};

const caller: fc.Arbitrary<Caller> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Caller>('karin.vallgren') },
  { weight: 2, arbitrary: fc.constant<Caller>('mattias.ekholm') },
  { weight: 2, arbitrary: fc.constant<Caller>('emma.strom') },
  { weight: 1, arbitrary: fc.constant<Caller>('gunilla.axelsson') },
  { weight: 1, arbitrary: fc.constant<Caller>('ola.nordin') },
  { weight: 1, arbitrary: fc.constantFrom<Caller>('unknown-guid', 'not-a-guid', 'nobody') },
);

const PDF = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** a file body: a small PDF, garbage, nothing, or JSON, under the right or a wrong content type */
function fileBody(mediaType: string): fc.Arbitrary<{ body: Buffer; headers: Record<string, string>; what: string }> {
  return fc
    .tuple(
      fc.oneof(
        fc.constant(Buffer.from(PDF)),
        fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
        fc.constant(Buffer.alloc(0)),
        fc.constant(Buffer.from('{"title":"x"}')),
        fc.constant(Buffer.from('%PDF-1.7\n<script>alert(1)</script>')),
      ),
      fc.constantFrom<Record<string, string>>(
        { 'content-type': mediaType },
        { 'content-type': 'application/octet-stream' },
        { 'content-type': 'application/json' },
        { 'content-type': 'text/plain' },
        { 'content-type': 'multipart/form-data; boundary=X' },
        { 'content-type': mediaType, 'content-encoding': 'gzip' },
        {},
      ),
    )
    .map(([body, headers]) => ({ body, headers, what: `${body.length} bytes ${JSON.stringify(headers)}` }));
}

function requestFor(operation: Operation): fc.Arbitrary<{ what: string; request: RawRequest }> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
  const params = fc.tuple(...names.map((name) => pathParameter(realValues[name] ?? ['1'])));
  const query = operation.query.length === 0 ? fc.constant('') : queryString(operation.query);
  const body: fc.Arbitrary<{ body?: string | Buffer; headers: Record<string, string>; what: string }> =
    operation.body === null
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constant({ headers: {}, what: 'no body' }) },
          {
            weight: 1,
            arbitrary: hostileValue.map((value) => {
              const text = JSON.stringify(value) ?? 'null';
              return { body: text, headers: { 'content-type': 'application/json' }, what: text.slice(0, 150) };
            }),
          },
        )
      : operation.body.mediaType === 'application/json'
        ? mutatedBody(arbitraryFor(operation.body.schema)).map((spoiled) => ({
            body: spoiled.text,
            headers: { 'content-type': 'application/json' },
            what: `[${spoiled.mutation}] ${spoiled.text.slice(0, 150)}`,
          }))
        : fileBody(operation.body.mediaType);
  return fc.tuple(caller, params, query, body).map(([who, values, search, sent]) => {
    let path = operation.path;
    names.forEach((name, index) => {
      path = path.replace(`{${name}}`, values[index] ?? '1');
    });
    return {
      what: `${who} ${operation.method} ${path}${search} ${sent.what}`,
      request: {
        method: operation.method,
        path: `${path}${search}`,
        headers: { ...authHeaders(who), ...sent.headers },
        ...(sent.body === undefined ? {} : { body: sent.body }),
      },
    };
  });
}

beforeAll(async () => {
  fz = await startFuzzApp();
  const document = await fz.send({ method: 'GET', path: '/api/openapi.json' });
  expect(document.status).toBe(200);
  operations = Object.entries((document.json as OpenApi).paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const [mediaType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((p) => p.name),
        body: mediaType === undefined ? null : { mediaType, schema: content?.schema },
      };
    }),
  );
  const interventions = await fz.repos.interventions.list();
  const approvals = await fz.repos.approvals.listByStatus('Pågår');
  const requisitions = await fz.repos.requisitions.listByIntervention(interventions[0]?.id ?? '1');
  realValues.id = [...interventions.slice(0, 4).map((row) => row.id), ...approvals.slice(0, 3).map((row) => row.id)];
  realValues.periodKey = requisitions.slice(0, 4).map((row) => row.periodKey);
  realValues.driveItemId = (await fz.repos.documents.list()).slice(0, 3).map((file) => file.driveItemId);
  for (const key of ['id', 'periodKey', 'driveItemId']) {
    if ((realValues[key] ?? []).length === 0) {
      realValues[key] = ['1'];
    }
  }
}, 120_000);

afterAll(async () => {
  fuzzer.save();
  await fz?.close();
});

describe('every operation of /api/openapi.json', () => {
  it('is documented: the register, the tab, invoicing and approvals at least', () => {
    const documented = operations.map((operation) => `${operation.method} ${operation.path}`);
    for (const expected of [
      'POST /api/insatser',
      'PATCH /api/insatser/{id}',
      'PUT /api/installningar',
      'POST /api/rekvisitioner/{periodKey}/registrera',
      'POST /api/beslut/{id}/rost',
    ]) {
      expect(documented).toContain(expected);
    }
  });

  it('answers hostile input safely, operation by operation', { timeout: 600_000 }, async () => {
    for (const operation of operations) {
      await fuzzer.property(
        `sweep ${operation.method} ${operation.path}`,
        requestFor(operation),
        async ({ what, request }) => {
          const { answer, writes } = await fz.sendAndWatch(request);
          expectSafeAnswer(answer, writes, what);
          if (answer.status < 300 && writes.length > 0) {
            await fz.settle();
          }
        },
        RUNS_PER_OPERATION,
      );
      await fz.expectAlive();
      expectPrototypeIntact();
    }
  });
});
