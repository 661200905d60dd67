/**
 * The repositories refuse a personnummer or samordningsnummer in any text a person typed, on
 * every list and library, naming the column in Swedish — and store nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../fixtures/interventions.ts';
import { type LocalSharePointForTests, useLocalSharePoint } from '../../support/local-sharepoint.ts';

// 19121212-1212 is the Skatteverket-style test number (valid date, valid Luhn digit)
const PERSONNUMMER = '19121212-1212';

let sp: LocalSharePointForTests;
let repos: Repositories;

beforeAll(async () => {
  sp = await useLocalSharePoint();
  const provisioned = await provisionSchema(sp.graph, sp.siteId);
  repos = createRepositories(sp.graph, { siteId: sp.siteId, ...provisioned });
});

afterAll(async () => {
  await sp?.close();
});

const draft = {
  title: 'Stegvis',
  code: 'STEGVIS',
  kind: 'Individinriktad' as const,
  stage: 'Idé' as const,
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

describe('personal-data guard in the repositories', () => {
  it('refuses a personnummer in an application text, names the column, stores nothing', async () => {
    const writesBefore = (await sp.requests()).writes;
    await expect(
      repos.interventions.create({ ...draft, purpose: `Deltagaren ${PERSONNUMMER} ska få stöd.` }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', userMessage: expect.stringContaining('"Syfte"') });
    expect((await sp.requests()).writes).toBe(writesBefore);
    expect(await repos.interventions.findByCode('STEGVIS')).toBeNull();
  });

  it('refuses one in the title and on update, and lets look-alikes through', async () => {
    await expect(repos.interventions.create({ ...draft, title: `Stöd till ${PERSONNUMMER}` })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      userMessage: expect.stringContaining('"Insatsens namn"'),
    });
    const created = await repos.interventions.create({
      ...draft,
      purpose: 'Budget 1 065 500 kr för 2027-04-30, dnr SFV 2027/012, telefon 0470-12 34 56.',
    });
    await expect(
      repos.interventions.update(created.id, { methods: `Samordningsnummer 19121272-1219 i loggen` }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', userMessage: expect.stringContaining('"Metoder"') });
    expect((await repos.interventions.findById(created.id))?.methods).toBeNull();
  });

  it('refuses one in a document file name or its metadata', async () => {
    await expect(
      repos.documents.upload({
        folder: 'STEGVIS',
        name: `Intyg ${PERSONNUMMER}.pdf`,
        content: new TextEncoder().encode('%PDF-1.7'),
        contentType: 'application/pdf',
        fields: { interventionId: null, documentKind: 'Bilaga', period: null },
        conflictBehavior: 'fail',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', userMessage: expect.stringContaining('"Filnamn"') });
  });
});
