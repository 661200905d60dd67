/**
 * What reaches the server before any route: bodies over 1 MB, bodies that are not JSON (text,
 * forms, multipart uploads, compressed), malformed JSON, bytes that are not UTF-8, JSON nested
 * 10 000 levels deep, a header too large, repeated and nested query parameters, path parameters
 * with encoded slashes, dots and unicode, methods a route does not have. Each is a 4xx in our error
 * shape (`{ error: { code, message } }`, Swedish), stores nothing, and leaves the process serving.
 *
 * Regressions: a gzip body that was not gzip killed the process (restify's bodyParser had no
 * 'error' handler on its gunzip stream); a multipart upload of any size was written to the
 * temporary folder before any route or token was checked; a 10 000-level JSON body created an
 * insats; a `__proto__` key was refused with an empty message; a huge header got Node's bare 431.
 */
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../src/contracts/register-responses.ts';
import {
  authHeaders,
  expectPrototypeIntact,
  type FuzzApp,
  type RawAnswer,
  type RawRequest,
  startFuzzApp,
  type Write,
} from '../../fuzz/support/fuzz-app.ts';

let fz: FuzzApp;
let draftId = '';
const KARIN = authHeaders('karin.vallgren');
const JSON_TYPE = { 'content-type': 'application/json' };

beforeAll(async () => {
  fz = await startFuzzApp();
  const created = await fz.send({
    method: 'POST',
    path: '/api/insatser',
    headers: { ...KARIN, ...JSON_TYPE },
    body: JSON.stringify({ title: 'Utkast för transportproven', code: 'TRANSPORT', stage: 'Ansökan' }),
  });
  expect(created.status, created.text).toBe(201);
  draftId = (created.json as { insats: { id: string } }).insats.id;
  await fz.settle();
});

afterAll(async () => {
  await fz?.close();
});

/** sends, and checks the refusal: its status, our error shape, a Swedish message, nothing stored */
async function refused(request: RawRequest, status: number, message?: RegExp): Promise<RawAnswer> {
  const { answer, writes } = await fz.sendAndWatch(request);
  expect(answer.status, answer.text).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  const body = errorResponseSchema.parse(answer.json);
  if (message !== undefined) {
    expect(body.error.message).toMatch(message);
  }
  expect(writes.filter((write: Write) => write.list !== 'Notifications')).toEqual([]);
  return answer;
}

const ROUTES_WITH_BODIES = [
  ['POST', '/api/insatser'],
  ['PATCH', '/api/insatser/1'],
  ['PUT', '/api/insatser/1/budget'],
  ['POST', '/api/insatser/1/skede'],
  ['PUT', '/api/installningar'],
  ['POST', '/api/beslut'],
  ['POST', '/api/beslut/1/rost'],
  ['POST', '/api/beslut/1/aterkalla'],
  ['POST', '/api/rekvisitioner/NOVA-2027-Q1/registrera'],
  ['POST', '/api/rekvisitioner/NOVA-2027-Q1/status'],
  ['POST', '/api/kalender/ny-lank'],
  ['POST', '/api/messages'],
] as const;

describe('body size', () => {
  it('over 1 MB is a 413 in our shape, said at once from Content-Length, on every route with a body', async () => {
    const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024), code: 'BIG' });
    for (const [method, path] of ROUTES_WITH_BODIES) {
      await refused({ method, path, headers: { ...KARIN, ...JSON_TYPE }, body: big }, 413, /för stort/);
    }
  });

  it('over 1 MB sent chunked (no Content-Length) is counted as it comes and refused the same way', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(fz.app.port, '127.0.0.1', () => {
        socket.write(
          [
            'POST /api/insatser HTTP/1.1',
            'host: 127.0.0.1',
            `authorization: ${KARIN.authorization}`,
            'content-type: application/json',
            'transfer-encoding: chunked',
            'connection: close',
            '',
            '',
          ].join('\r\n'),
        );
        const chunk = 'x'.repeat(64 * 1024);
        for (let sent = 0; sent < 1.5 * 1024 * 1024; sent += chunk.length) {
          socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        }
        socket.write('0\r\n\r\n');
      });
      let text = '';
      socket.on('data', (data) => {
        text += data.toString('utf8');
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"code":"PAYLOAD_TOO_LARGE"');
    await fz.expectAlive();
  });
});

describe('content types', () => {
  const bodies: ReadonlyArray<readonly [string, Record<string, string>, string]> = [
    ['text/plain', { 'content-type': 'text/plain' }, '{"title":"x","code":"TXT"}'],
    ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }, 'title=x&code=FORM'],
    [
      'multipart',
      { 'content-type': 'multipart/form-data; boundary=X' },
      '--X\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--X--\r\n',
    ],
    ['XML', { 'content-type': 'application/xml' }, '<insats><title>x</title></insats>'],
    ['none', {}, '{"title":"x","code":"NONE"}'],
    ['JSON in latin1', { 'content-type': 'application/json; charset=latin1' }, '{"title":"x","code":"LATIN"}'],
  ];

  it('anything but JSON is a 415 in our shape on every POST, PUT and PATCH, and stores nothing', async () => {
    for (const [method, path] of ROUTES_WITH_BODIES) {
      for (const [, headers, body] of bodies) {
        await refused({ method, path, headers: { ...KARIN, ...headers }, body }, 415, /bara emot JSON/);
      }
    }
  });

  it('a multipart upload is refused before it is read: nothing lands in the temporary folder', async () => {
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('upload_')));
    const file = `--X\r\nContent-Disposition: form-data; name="f"; filename="avtal.pdf"\r\nContent-Type: application/pdf\r\n\r\n${'z'.repeat(3_000_000)}\r\n--X--\r\n`;
    for (const path of ['/api/messages', '/api/insatser']) {
      await refused(
        { method: 'POST', path, headers: { ...KARIN, 'content-type': 'multipart/form-data; boundary=X' }, body: file },
        415,
      );
    }
    const after = readdirSync(tmpdir()).filter((name) => name.startsWith('upload_') && !before.has(name));
    expect(after).toEqual([]);
  });

  it('a compressed body is a 415 — a gzip body that is not gzip no longer kills the process', async () => {
    const valid = gzipSync(JSON.stringify({ title: 'x', code: 'GZIP' }));
    for (const [encoding, body] of [
      ['gzip', 'this is not gzip'],
      ['gzip', valid],
      ['deflate', valid],
      ['br', 'x'],
    ] as const) {
      await refused(
        {
          method: 'POST',
          path: '/api/insatser',
          headers: { ...KARIN, ...JSON_TYPE, 'content-encoding': encoding },
          body,
        },
        415,
        /komprimerade/,
      );
      await fz.expectAlive();
    }
  });
});

describe('the body itself', () => {
  it.each([
    ['a cut-off object', '{"title":"x"'],
    ['NaN', '{"title":"x","code":"NAN","grantedAmount":NaN}'],
    ['single quotes', "{'title':'x'}"],
    ['a trailing comma', '{"title":"x",}'],
    ['a comment', '/* x */{"title":"x"}'],
    ['whitespace only', '   '],
  ])('malformed JSON (%s) is a 400 that says so', async (_what, body) => {
    await refused(
      { method: 'POST', path: '/api/insatser', headers: { ...KARIN, ...JSON_TYPE }, body },
      400,
      /inte giltig JSON/,
    );
  });

  it('bytes that are not UTF-8 are a 400, not a title with U+FFFD in it', async () => {
    const body = Buffer.concat([
      Buffer.from('{"title":"'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","code":"UTF"}'),
    ]);
    await refused({ method: 'POST', path: '/api/insatser', headers: { ...KARIN, ...JSON_TYPE }, body }, 400, /UTF-8/);
    expect(await fz.repos.interventions.findByCode('UTF')).toBeNull();
  });

  it('JSON nested 10 000 levels deep is refused (400), on the API and the bot, and the process serves on', async () => {
    const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    for (const [method, path] of ROUTES_WITH_BODIES) {
      await refused(
        {
          method,
          path,
          headers: { ...KARIN, ...JSON_TYPE },
          body: `{"title":"x","code":"DEEP","applicationDetails":${deep(10_000)}}`,
        },
        400,
        /djupt nästlat/,
      );
    }
    await refused(
      {
        method: 'POST',
        path: '/api/insatser',
        headers: { ...KARIN, ...JSON_TYPE },
        body: `${'['.repeat(400_000)}${']'.repeat(400_000)}`,
      },
      400,
      /djupt nästlat/,
    );
    expect(await fz.repos.interventions.findByCode('DEEP')).toBeNull();
    await fz.expectAlive();
  });

  it('64 levels is still a body (the route decides what it thinks of it)', async () => {
    const { answer } = await fz.sendAndWatch({
      method: 'POST',
      path: '/api/insatser',
      headers: { ...KARIN, ...JSON_TYPE },
      body: `{"title":"x","code":"DEPTH","purpose":${'['.repeat(62)}${']'.repeat(62)}}`,
    });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toContain('djupt');
  });

  it('a `__proto__`, `constructor` or `prototype` key is refused by name, and pollutes nothing', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const answer = await refused(
        {
          method: 'POST',
          path: '/api/insatser',
          headers: { ...KARIN, ...JSON_TYPE },
          body: `{"title":"x","code":"PROTO","${key}":{"polluted":true,"isAdmin":true}}`,
        },
        400,
        new RegExp(`${key}: Fältet finns inte`),
      );
      expect(
        (answer.json as { error: { details: { fields: Record<string, string> } } }).error.details.fields,
      ).toHaveProperty(key);
      expectPrototypeIntact();
    }
  });

  it('JSON null is not an empty body: PATCH null is a 400; PATCH {} changes nothing and writes nothing', async () => {
    await refused(
      { method: 'PATCH', path: `/api/insatser/${draftId}`, headers: { ...KARIN, ...JSON_TYPE }, body: 'null' },
      400,
      /förväntat object/,
    );
    const { answer, writes } = await fz.sendAndWatch({
      method: 'PATCH',
      path: `/api/insatser/${draftId}`,
      headers: { ...KARIN, ...JSON_TYPE },
      body: '{}',
    });
    expect(answer.status, answer.text).toBe(200);
    // before: an audit row "insats.uppdaterad" for a save that changed nothing
    expect(writes).toEqual([]);
  });
});

describe('headers, queries, paths and methods', () => {
  it('a header over 16 KB is a 431 in our shape, not Node’s bare status line', async () => {
    const answer = await fz.send({
      method: 'GET',
      path: '/api/me',
      headers: { ...KARIN, 'x-stor': 'a'.repeat(20_000) },
    });
    expect(answer.status).toBe(431);
    expect(errorResponseSchema.parse(answer.json).error.message).toMatch(/för stora/);
    await fz.expectAlive();
  });

  it('a request line Node cannot read is a 400 in our shape', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(fz.app.port, '127.0.0.1', () => socket.write('GÅ /api/me HTTP/1.1\r\n\r\n'));
      let text = '';
      socket.on('data', (data) => {
        text += data.toString('utf8');
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toContain('"code":"INVALID_INPUT"');
  });

  it.each([
    ['/api/insatser?skede=Idé&skede=Ansökan', /skede/],
    ['/api/insatser?skede[]=Idé', /skede/],
    ['/api/insatser?skede[x]=Idé', /skede/],
    ['/api/insatser?ar=1e400', /ar/],
    ['/api/insatser?ar=NaN', /ar/],
    ['/api/delegationsbeslut?from=2027-01-01&from=2027-02-01', /from/],
    ['/api/delegationsbeslut?from[x]=1', /from/],
    ['/api/delegationsbeslut?from=2027-02-30', /ÅÅÅÅ-MM-DD/],
  ])('a repeated, nested or impossible query parameter is a 400 naming it: %s', async (path, field) => {
    await refused({ method: 'GET', path, headers: KARIN }, 400, field);
  });

  it('`?__proto__[x]=1` and a thousand parameters are harmless', async () => {
    for (const path of ['/api/insatser?__proto__[polluted]=1', `/api/insatser?${'a=1&'.repeat(2000)}`]) {
      const answer = await fz.send({ method: 'GET', path, headers: KARIN });
      expect(answer.status).toBe(200);
      expectPrototypeIntact();
    }
  });

  it.each([
    '/api/insatser/..%2F..%2Fetc%2Fpasswd',
    '/api/insatser/%2e%2e',
    '/api/insatser/%FF',
    '/api/insatser/%E2%80%AE1',
    '/api/insatser/1%00',
    '/api/beslut/..%2F1',
    '/api/rekvisitioner/NOVA-2027-Q1%2F..',
    '/kalender/%2e%2e/%2e%2e.ics',
    '/kalender/x/%F0%9F%92%A9.ics',
  ])('an encoded slash, dot or odd character in a path parameter is a 404 in our shape: %s', async (path) => {
    await refused({ method: 'GET', path, headers: KARIN }, 404);
  });

  it('a method a route does not have is a 405 that says so in Swedish', async () => {
    await refused({ method: 'DELETE', path: '/api/insatser/1', headers: KARIN }, 405, /inte för DELETE/);
  });
});
