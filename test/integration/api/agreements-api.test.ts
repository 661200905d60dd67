/**
 * The agreements API over HTTP against the local SharePoint with the demo (issue 8): starting
 * SAMUTB's signing (the draft filed, seven firmatecknare, 409 the second time, 403 for a
 * projektledare), the draft's PDF through the cards' signed link, a signed scan filed for NOVA
 * (not a PDF by content, too large, a name with `:` and `|`, the same name twice, the earlier
 * signed agreement kept as Ersatt, a refusal logged), checking files, and the OpenAPI document.
 */
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/services/agreements/agreement-pdf.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

let api: ApiHarness;
let samutb: string;
let nova: string;

beforeAll(async () => {
  api = await startApiHarness();
  samutb = (await api.repos.interventions.findByCode('SAMUTB'))?.id ?? '';
  nova = (await api.repos.interventions.findByCode('NOVA'))?.id ?? '';
}, 120_000);

afterAll(async () => {
  await api?.close();
});

type Answer = {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { error?: { code: string; message: string } };
};

async function send(
  as: PersonKey | null,
  method: string,
  path: string,
  body?: Uint8Array,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${api.app.url}${path}`, {
    method,
    headers: {
      ...(as === null ? {} : { authorization: `Bearer dev:${demoPerson(as).aadObjectId}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/pdf' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: Buffer.from(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === '' ? {} : JSON.parse(text) };
}

async function pdf(text: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.addPage([595, 842]).drawText(text, { x: 50, y: 780 });
  return document.save();
}

describe('starting SAMUTB’s signing', () => {
  let started: Answer;

  it('is refused to a projektledare (403, logged) and a 404 for an insats that does not exist', async () => {
    const refused = await send('ida.wallin', 'POST', `/api/insatser/${samutb}/avtal/signering`);
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toBe('Bara kansliet kan starta signeringen av ett samarbetsavtal.');
    const rows = (await api.repos.auditLog.listSince('2000-01-01T00:00:00Z')).filter((row) => row.action === 'nekad');
    expect(rows.at(-1)).toMatchObject({ details: { attempted: 'starta-signering' } });
    expect((await send('sofia.lindahl', 'POST', '/api/insatser/9999/avtal/signering')).status).toBe(404);
  });

  it('files the draft and opens an approval to the seven firmatecknare (201)', async () => {
    started = await send('sofia.lindahl', 'POST', `/api/insatser/${samutb}/avtal/signering`);
    expect(started.status).toBe(201);
    const approval = started.json.approval as { approverIds: string[]; subject: string; stage: string; rule: string };
    expect(approval).toMatchObject({ subject: 'Samarbetsavtal', stage: 'Firmatecknare', rule: 'Alla' });
    expect(approval.approverIds).toHaveLength(7);
    expect(approval.approverIds).toContain(demoPerson('ola.nordin').aadObjectId);
    const agreement = started.json.agreement as { name: string; agreementStatus: string; fileUrl: string };
    expect(agreement.agreementStatus).toBe('Under signering');
    expect(agreement.name).toMatch(/^Samarbetsavtal SAMUTB utkast \d{4}-\d{2}-\d{2}\.pdf$/);
    // the demo's draft that no signing referred to is kept, marked Ersatt
    const files = await api.repos.agreements.listByIntervention(samutb);
    expect(files.map((file) => [file.name, file.agreementStatus])).toEqual([
      ['Samarbetsavtal SAMUTB.pdf', 'Ersatt'],
      [agreement.name, 'Under signering'],
    ]);
  });

  it('answers 409 while the signing is open', async () => {
    const again = await send('sofia.lindahl', 'POST', `/api/insatser/${samutb}/avtal/signering`);
    expect(again.status).toBe(409);
    expect(again.json.error?.message).toMatch(/redan ute för signering/);
  });

  it('streams the draft to a firmatecknare through the card’s signed link, inline, with no sign-in header', async () => {
    const approvalId = (started.json.approval as { approvalId: string }).approvalId;
    const asOla = await send('ola.nordin', 'GET', `/api/beslut/${approvalId}`);
    const link = (asOla.json.agreement as { draft: { fileUrl: string; sha256: string } }).draft;
    const response = await fetch(link.fileUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="Samarbetsavtal SAMUTB utkast/);
    expect(sha256Hex(new Uint8Array(await response.arrayBuffer()))).toBe(link.sha256);
    const forged = new URL(link.fileUrl);
    forged.searchParams.set('vem', demoPerson('ida.wallin').aadObjectId);
    const refused = await fetch(forged);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/Länken till avtalet/);
    // with a sign-in header: the insats's people yes, someone with no part in SAMUTB no
    const path = new URL(link.fileUrl).pathname;
    const as = (person: PersonKey) =>
      fetch(`${api.app.url}${path}`, { headers: { authorization: `Bearer dev:${demoPerson(person).aadObjectId}` } });
    expect((await as('ida.wallin')).status).toBe(200);
    expect((await as('emma.strom')).status).toBe(403);
  });
});

describe('filing a signed scan for NOVA', () => {
  it('refuses a projektledare (403, logged), and stores nothing', async () => {
    const before = await api.repos.agreements.listByIntervention(nova);
    const refused = await send('emma.strom', 'POST', `/api/insatser/${nova}/avtal?filnamn=a.pdf`, await pdf('a'));
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toMatch(/^Bara kansliet eller insatsens projektägare/);
    const rows = (await api.repos.auditLog.listSince('2000-01-01T00:00:00Z')).filter((row) => row.action === 'nekad');
    expect(rows.at(-1)).toMatchObject({ entityId: nova, details: { attempted: 'arkivera-avtal' } });
    expect(await api.repos.agreements.listByIntervention(nova)).toEqual(before);
  });

  it('refuses what is not a PDF by content (400), a body over 20 MB (413) and another media type (415)', async () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
    const notPdf = await send('sofia.lindahl', 'POST', `/api/insatser/${nova}/avtal?filnamn=avtal.pdf`, docx);
    expect(notPdf.status).toBe(400);
    expect(notPdf.json.error?.message).toMatch(/^Filen är ingen PDF/);
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    const tooLarge = await send('sofia.lindahl', 'POST', `/api/insatser/${nova}/avtal`, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Filen är för stor (högst 20 MB).',
    });
    const text = await send('sofia.lindahl', 'POST', `/api/insatser/${nova}/avtal`, await pdf('x'), {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    expect(text.json.error?.message).toMatch(/application\/pdf/);
    expect((await api.repos.agreements.listByIntervention(nova)).map((file) => file.agreementStatus)).toEqual([
      'Signerat',
    ]);
  });

  it('files it under a valid name, keeps the earlier signed agreement as Ersatt, and never overwrites', async () => {
    const first = await pdf('första');
    const name = encodeURIComponent('Avtal: NOVA | 2025–2027.pdf');
    const filed = await send(
      'sofia.lindahl',
      'POST',
      `/api/insatser/${nova}/avtal?filnamn=${name}&signerat=2024-12-18`,
      first,
    );
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({
      agreement: {
        folder: 'NOVA',
        name: 'Avtal_ NOVA _ 2025–2027.pdf',
        agreementStatus: 'Signerat',
        signedDate: '2024-12-18',
        sha256: sha256Hex(first),
      },
      replaced: ['Samarbetsavtal NOVA.pdf'],
      stage: { from: 'Pågående', to: 'Pågående' },
      renamed: false,
    });
    const second = await pdf('andra');
    const again = await send('sofia.lindahl', 'POST', `/api/insatser/${nova}/avtal?filnamn=${name}`, second);
    expect(again.status).toBe(201);
    expect(again.json).toMatchObject({ agreement: { name: 'Avtal_ NOVA _ 2025–2027 (2).pdf' }, renamed: true });
    const files = await api.repos.agreements.listByIntervention(nova);
    expect(files.map((file) => [file.name, file.agreementStatus])).toEqual([
      ['Samarbetsavtal NOVA.pdf', 'Ersatt'],
      ['Avtal_ NOVA _ 2025–2027.pdf', 'Ersatt'],
      ['Avtal_ NOVA _ 2025–2027 (2).pdf', 'Signerat'],
    ]);
    // the first upload is still its own bytes
    const kept = files.find((file) => file.name === 'Avtal_ NOVA _ 2025–2027.pdf');
    expect(sha256Hex(await api.repos.agreements.download(kept?.driveItemId ?? ''))).toBe(sha256Hex(first));
  });
});

describe('checking a file', () => {
  it('says which agreement a file is, to those who may read it; others learn only that it matches', async () => {
    const [demo] = await api.repos.agreements.listByIntervention(
      (await api.repos.interventions.findByCode('ENTER'))?.id ?? '',
    );
    const bytes = await api.repos.agreements.download(demo?.driveItemId ?? '');
    const kansli = await send('sofia.lindahl', 'POST', '/api/avtal/kontroll', bytes);
    expect(kansli.status).toBe(200);
    expect(kansli.json).toMatchObject({
      sha256: sha256Hex(bytes),
      matched: true,
      hidden: 0,
      agreements: [{ insats: { code: 'ENTER' }, name: 'Samarbetsavtal ENTER.pdf', status: 'Signerat' }],
    });
    const outsider = await send('emma.strom', 'POST', '/api/avtal/kontroll', bytes);
    expect(outsider.json).toMatchObject({
      matched: true,
      agreements: [],
      hidden: 1,
      message: 'Filen matchar ett arkiverat avtal.',
    });
    const flipped = bytes.slice();
    flipped[100] = (flipped[100] ?? 0) ^ 0x01;
    const none = await send('sofia.lindahl', 'POST', '/api/avtal/kontroll', flipped);
    expect(none.json).toMatchObject({ matched: false, agreements: [], hidden: 0 });
  });

  it('is in the OpenAPI document with its media types', async () => {
    const document = (await send(null, 'GET', '/api/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/insatser/{id}/avtal/signering',
        '/api/insatser/{id}/avtal',
        '/api/avtal/kontroll',
        '/api/avtal/{driveItemId}/fil',
      ]),
    );
    expect(JSON.stringify(document.paths['/api/insatser/{id}/avtal'])).toContain('application/pdf');
  });
});
