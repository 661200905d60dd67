/**
 * The register API's edges over HTTP: identity, bad bodies (400 per field), unknown ids (404),
 * stale eTags (412), the personal-data guard, the OpenAPI document, the register view, the
 * anomalies, and `npm run sweep` as a child process.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';

const run = promisify(execFile);
let api: ApiHarness;

beforeAll(async () => {
  api = await startApiHarness();
  // the demo files a signed samarbetsavtal for every running insats; mark NOVA's as replaced, as
  // a kansli editing SharePoint might, so the register has an anomaly to report
  const nova = await api.repos.interventions.findByCode('NOVA');
  const [agreement] = nova === null ? [] : await api.repos.agreements.listByIntervention(nova.id);
  if (agreement === undefined) {
    throw new Error('the demo has no samarbetsavtal for NOVA');
  }
  await api.repos.agreements.updateFields(agreement.driveItemId, { agreementStatus: 'Ersatt' });
});

afterAll(async () => {
  await api?.close();
});

describe('identity (AUTH_MODE=dev)', () => {
  it('answers 401 in Swedish without an identity or for someone not in Roller', async () => {
    const anonymous = await api.call(null, 'GET', '/api/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.message).toContain('logga in');
    const stranger = await api.call(null, 'GET', '/api/me', undefined, {
      authorization: 'Bearer dev:00000000-0000-0000-0000-000000000020',
    });
    expect(stranger.status).toBe(401);
    expect(stranger.body.error?.message).toContain('rollista');
  });

  it('accepts the X-Insatsnavet-User header and tells who I am', async () => {
    const me = await api.call(null, 'GET', '/api/me', undefined, {
      'x-insatsnavet-user': demoPerson('karin.vallgren').aadObjectId,
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: 'Karin Vallgren', isKansli: true });
  });
});

describe('bad input', () => {
  it('answers a bad body with 400 and a message per field, storing nothing', async () => {
    const before = (await api.repos.interventions.list()).length;
    const bad = await api.call('emma.strom', 'POST', '/api/insatser', { title: '', code: 'x', stage: 'Beviljad' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error?.details?.fields ?? {})).toEqual(
      expect.arrayContaining(['title', 'code', 'stage']),
    );
    expect((await api.repos.interventions.list()).length).toBe(before);
  });

  it('refuses fields that may not be set and a bad stage name', async () => {
    const unknownField = await api.call('karin.vallgren', 'PATCH', '/api/insatser/1', { stage: 'Avslutad' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error?.details?.fields).toHaveProperty('stage');
    const badStage = await api.call('karin.vallgren', 'POST', '/api/insatser/1/skede', { till: 'Klar' });
    expect(badStage.status).toBe(400);
    expect(badStage.body.error?.details?.fields).toHaveProperty('till');
  });

  it('refuses a personnummer in Syfte, naming the field', async () => {
    const refused = await api.call('emma.strom', 'POST', '/api/insatser', {
      title: 'Test',
      code: 'PNRTEST',
      purpose: 'Deltagaren 811218-9876 ska få stöd.',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.fields?.purpose).toContain('Syfte');
    expect(await api.repos.interventions.findByCode('PNRTEST')).toBeNull();
  });

  it('answers an unknown id with 404', async () => {
    expect((await api.call('karin.vallgren', 'GET', '/api/insatser/9999')).status).toBe(404);
    expect((await api.call('karin.vallgren', 'POST', '/api/insatser/9999/skede', { till: 'Beredning' })).status).toBe(
      404,
    );
    expect((await api.call('karin.vallgren', 'GET', '/api/insatser/abc')).status).toBe(404);
  });

  it('answers a stale eTag with 412 and a taken code with 409', async () => {
    const created = await api.call('emma.strom', 'POST', '/api/insatser', { title: 'Etagtest', code: 'ETAG' });
    const id = (created.body.insats as { id: string }).id;
    const stale = (created.body.insats as { etag: string }).etag;
    expect((await api.call('emma.strom', 'PATCH', `/api/insatser/${id}`, { purpose: 'ett' })).status).toBe(200);
    const conflict = await api.call('emma.strom', 'PATCH', `/api/insatser/${id}`, { purpose: 'två', etag: stale });
    expect(conflict.status).toBe(412);
    const headerConflict = await api.call(
      'emma.strom',
      'PATCH',
      `/api/insatser/${id}`,
      { purpose: 'tre' },
      {
        'if-match': stale,
      },
    );
    expect(headerConflict.status).toBe(412);
    const taken = await api.call('emma.strom', 'POST', '/api/insatser', { title: 'Dubblett', code: 'ETAG' });
    expect(taken.status).toBe(409);
  });
});

describe('reading the register', () => {
  it('shows a projektledare her own insatser and the kansli all', async () => {
    const mine = await api.call('emma.strom', 'GET', '/api/insatser');
    const codes = (mine.body.insatser as { code: string }[]).map((row) => row.code);
    expect(codes).toContain('NOVA');
    expect(codes).not.toContain('ENTER');
    const all = await api.call('karin.vallgren', 'GET', '/api/insatser?skede=P%C3%A5g%C3%A5ende&ar=2026');
    expect((all.body.insatser as { code: string }[]).map((row) => row.code)).toEqual(
      expect.arrayContaining(['NOVA', 'ENTER', 'FIA']),
    );
    expect((await api.call('emma.strom', 'GET', '/api/insatser/2')).status).toBe(403);
  });

  it('gives one insats with budget, requisitions, approvals and next transitions with reasons', async () => {
    const nova = await api.call('emma.strom', 'GET', '/api/insatser/1');
    expect(nova.status).toBe(200);
    expect((nova.body.budgetLines as unknown[]).length).toBeGreaterThan(0);
    expect((nova.body.requisitions as unknown[]).length).toBeGreaterThan(0);
    expect(nova.body.nextTransitions).toEqual(
      expect.arrayContaining([expect.objectContaining({ to: 'Avbruten', allowed: false })]),
    );
  });

  it('shows the kansli the register view with invoiced amounts and anomalies; not a projektledare', async () => {
    const view = await api.call('mattias.ekholm', 'GET', '/api/register');
    expect(view.status).toBe(200);
    const rows = view.body.rows as { code: string; invoicedSoFar: number; anomalies: { code: string }[] }[];
    const nova = rows.find((row) => row.code === 'NOVA');
    expect(nova?.invoicedSoFar).toBeGreaterThan(0);
    expect(nova?.anomalies.map((anomaly) => anomaly.code)).toContain('AVTAL_SAKNAS');
    expect((await api.call('emma.strom', 'GET', '/api/register')).status).toBe(403);
  });

  it('reports the anomalies of the demo data (running insatser without a filed signed agreement)', async () => {
    const anomalies = await api.call('karin.vallgren', 'GET', '/api/avvikelser');
    expect(anomalies.status).toBe(200);
    const list = anomalies.body.avvikelser as { code: string; interventionCode: string; message: string }[];
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'AVTAL_SAKNAS',
          interventionCode: 'NOVA',
          message: 'NOVA är Pågående men har inget signerat samarbetsavtal.',
        }),
      ]),
    );
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 JSON with every route', async () => {
    const response = await fetch(`${api.app.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/insatser',
        '/api/insatser/{id}',
        '/api/insatser/{id}/budget',
        '/api/insatser/{id}/skicka-in',
        '/api/insatser/{id}/skede',
        '/api/register',
        '/api/avvikelser',
        '/api/me',
        '/api/openapi.json',
      ]),
    );
    expect(Object.keys(document.paths['/api/insatser'] ?? {})).toEqual(['get', 'post']);
  });
});

describe('npm run sweep', () => {
  it('prints the anomalies in Swedish and exits 0', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'sweep', '--', '--now', '2026-11-24T08:00:00Z'], {
      cwd: process.cwd(),
      env: {
        ...process.env,
        GRAPH_BASE_URL: `${api.app.localSharePointUrl}/v1.0`,
        DATA_DIR: api.dataDir,
        LOG_LEVEL: 'silent',
      },
    });
    expect(stdout).toContain('Svep av insatsregistret 2026-11-24');
    expect(stdout).toContain('NOVA är Pågående men har inget signerat samarbetsavtal.');
    expect(stdout).toContain('Inget har ändrats');
  });
});
