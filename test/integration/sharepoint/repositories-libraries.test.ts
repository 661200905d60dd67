/**
 * The Agreements and Documents libraries against the local SharePoint: upload into a folder with
 * metadata, list by the indexed Intervention column, download, versions, conflict behaviours,
 * eTag on the metadata, and names SharePoint would refuse made valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../fixtures/interventions.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

let sp: LocalSharePointForTests;
let repos: Repositories;
let novaId: string;
let enterId: string;

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n%%EOF\n`);

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const provisioned = await provisionSchema(sp.graph, sp.siteId);
  // no drive ids: the repositories look them up from their lists
  repos = createRepositories(sp.graph, { siteId: sp.siteId, listIds: provisioned.listIds, driveIds: {} });
  const base = {
    kind: 'Individinriktad' as const,
    stage: 'Avtal' as const,
    ownerOrgId: null,
    partnerOrgIds: [],
    projectLeaderAadId: null,
    startDate: null,
    endDate: null,
    grantedAmount: null,
    decisionDate: null,
    decisionRef: null,
    diaryNumber: null,
    followUpRegistered: false,
    ...EMPTY_APPLICATION_TEXTS,
  };
  novaId = (await repos.interventions.create({ ...base, title: 'NOVA', code: 'NOVA' })).id;
  enterId = (await repos.interventions.create({ ...base, title: 'Enter', code: 'ENTER' })).id;
});

afterAll(async () => {
  await sp.close();
});

describe('agreements', () => {
  it('uploads into the insats folder with metadata, lists it by insats and downloads it', async () => {
    const content = pdf('Samarbetsavtal NOVA 2025–2027');
    const file = await repos.agreements.upload({
      folder: 'NOVA',
      name: 'Samarbetsavtal NOVA 2025-2027.pdf',
      content,
      contentType: 'application/pdf',
      fields: { interventionId: novaId, agreementStatus: 'Utkast', validFrom: '2025-01-01', validTo: '2027-12-31' },
      conflictBehavior: 'fail',
    });
    expect(file).toMatchObject({
      folder: 'NOVA',
      name: 'Samarbetsavtal NOVA 2025-2027.pdf',
      size: content.byteLength,
      interventionId: novaId,
      agreementStatus: 'Utkast',
      validFrom: '2025-01-01',
      validTo: '2027-12-31',
      parties: null,
      signedDate: null,
      sha256: null,
    });
    expect(file.driveItemId).not.toBe('');
    expect(file.id).toMatch(/^\d+$/);

    const listed = await repos.agreements.listByIntervention(novaId);
    expect(listed).toEqual([file]);
    expect(await repos.agreements.listByIntervention(enterId)).toEqual([]);
    // the whole library: the file, not the folder NOVA it lies in
    expect(await repos.agreements.list()).toEqual([file]);
    expect(await repos.agreements.download(file.driveItemId)).toEqual(content);
    expect(await repos.agreements.findByDriveItemId(file.driveItemId)).toEqual(file);
  });

  it('refuses a second file of the same name with fail, keeps versions with replace, renames with rename', async () => {
    const upload = {
      folder: 'NOVA',
      name: 'Samarbetsavtal NOVA 2025-2027.pdf',
      contentType: 'application/pdf',
      fields: {},
    };
    await expect(
      repos.agreements.upload({ ...upload, content: pdf('igen'), conflictBehavior: 'fail' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const signed = pdf('Signerat samarbetsavtal NOVA');
    const replaced = await repos.agreements.upload({
      ...upload,
      content: signed,
      fields: { agreementStatus: 'Signerat', signedDate: '2024-12-18', sha256: 'ab'.repeat(32) },
      conflictBehavior: 'replace',
    });
    expect(replaced).toMatchObject({ agreementStatus: 'Signerat', signedDate: '2024-12-18', interventionId: novaId });
    expect(await repos.agreements.download(replaced.driveItemId)).toEqual(signed);
    const versions = await repos.agreements.versions(replaced.driveItemId);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions[0]?.size).toBe(signed.byteLength);

    const renamed = await repos.agreements.upload({
      ...upload,
      content: pdf('kopia'),
      fields: { interventionId: novaId },
      conflictBehavior: 'rename',
    });
    expect(renamed.name).not.toBe(upload.name);
    expect(renamed.driveItemId).not.toBe(replaced.driveItemId);
    expect(await repos.agreements.listByIntervention(novaId)).toHaveLength(2);
  });

  it('updates metadata with an eTag and refuses a stale one', async () => {
    const [file] = await repos.agreements.listByIntervention(novaId);
    if (file === undefined) {
      throw new Error('no file');
    }
    const updated = await repos.agreements.updateFields(
      file.driveItemId,
      { agreementStatus: 'Ersatt', parties: 'Växjö kommun, Arbetsförmedlingen' },
      { etag: file.etag },
    );
    expect(updated).toMatchObject({ agreementStatus: 'Ersatt', parties: 'Växjö kommun, Arbetsförmedlingen' });
    await expect(
      repos.agreements.updateFields(file.driveItemId, { agreementStatus: 'Utkast' }, { etag: file.etag }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await repos.agreements.findByDriveItemId('does-not-exist')).toBeNull();
  });

  it('makes a name SharePoint would refuse valid', async () => {
    const file = await repos.agreements.upload({
      folder: 'ENTER/2026: slut',
      name: ' Avtal: Enter "slutlig"?.pdf ',
      content: pdf('Enter'),
      contentType: 'application/pdf',
      fields: { interventionId: enterId },
      conflictBehavior: 'fail',
    });
    expect(file).toMatchObject({ folder: 'ENTER/2026_ slut', name: 'Avtal_ Enter _slutlig__.pdf' });
  });
});

describe('documents', () => {
  it('files reports per insats with kind and period', async () => {
    const report = await repos.documents.upload({
      folder: 'NOVA',
      name: 'Lägesrapport NOVA 2026 Q3.docx',
      content: new TextEncoder().encode('Lägesrapport'),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fields: { interventionId: novaId, documentKind: 'Lägesrapport', period: '2026-Q3' },
      conflictBehavior: 'fail',
    });
    expect(report).toMatchObject({
      interventionId: novaId,
      documentKind: 'Lägesrapport',
      period: '2026-Q3',
      folder: 'NOVA',
    });
    await repos.documents.upload({
      folder: 'ENTER',
      name: 'Slutrapport Enter.pdf',
      content: pdf('Slutrapport'),
      contentType: 'application/pdf',
      fields: { interventionId: enterId, documentKind: 'Slutrapport', period: null },
      conflictBehavior: 'fail',
    });
    expect((await repos.documents.listByIntervention(novaId)).map((file) => file.name)).toEqual([
      'Lägesrapport NOVA 2026 Q3.docx',
    ]);
    expect((await repos.documents.listByIntervention(enterId)).map((file) => file.documentKind)).toEqual([
      'Slutrapport',
    ]);
  });
});
