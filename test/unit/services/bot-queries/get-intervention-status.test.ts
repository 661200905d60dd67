import { describe, expect, it } from 'vitest';
import { getInterventionStatus } from '../../../../src/services/bot-queries/get-intervention-status.ts';
import { aad, demoFixture } from './demo-fixture.ts';

/** the förbundschef reads every insats (the matrix's lasa-insats) */
const KARIN = aad('karin.vallgren');

describe('getInterventionStatus', () => {
  it('shows NOVA: stage, period, leader, owner organisation, amount and next deadline', async () => {
    const deps = await demoFixture();
    const result = await getInterventionStatus(deps, 'NOVA', KARIN);
    expect(result).toMatchObject({
      kind: 'found',
      status: {
        intervention: {
          code: 'NOVA',
          stage: 'Pågående',
          startDate: '2025-01-01',
          endDate: '2027-12-31',
          grantedAmount: 2_460_000,
        },
        projectLeaders: ['Emma Ström'],
        projectOwners: ['Jenny Karlberg'],
        ownerOrgName: 'Växjö kommun',
        invoices: true,
        nextDeadline: { periodKey: 'NOVA-2026-Q4', dueDate: '2027-01-20' },
      },
    });
  });

  it('finds an insats by code in any case, or by a unique part of its name', async () => {
    const deps = await demoFixture();
    for (const query of ['nova', 'Nova', 'nya vägar', 'NYA VAGAR FOR UNGA', 'NOVA – nya vägar för unga vuxna']) {
      const result = await getInterventionStatus(deps, query, KARIN);
      expect(result.kind === 'found' ? result.status.intervention.code : result.kind).toBe('NOVA');
    }
  });

  it('lists the candidates when several match, and close matches when none does', async () => {
    const deps = await demoFixture();
    const ambiguous = await getInterventionStatus(deps, 'sam', KARIN);
    expect(ambiguous.kind === 'ambiguous' ? ambiguous.candidates.map((row) => row.code) : ambiguous.kind).toEqual([
      'SAMSJUK',
      'SAMSYN',
      'SAMUTB',
    ]);
    const typo = await getInterventionStatus(deps, 'novva', KARIN);
    expect(typo.kind === 'not-found' ? typo.suggestions.map((row) => row.code) : typo.kind).toEqual(['NOVA']);
    const words = await getInterventionStatus(deps, 'enterr', KARIN);
    expect(words.kind === 'not-found' ? words.suggestions.map((row) => row.code) : words.kind).toEqual(['ENTER']);
    expect(await getInterventionStatus(deps, 'xyzzy', KARIN)).toEqual({
      kind: 'not-found',
      query: 'xyzzy',
      suggestions: [],
    });
  });

  it('has no invoicing deadline for an application', async () => {
    const deps = await demoFixture();
    expect(await getInterventionStatus(deps, 'SAMSYN', KARIN)).toMatchObject({
      kind: 'found',
      status: {
        invoices: false,
        nextDeadline: null,
        projectLeaders: ['Jonas Bergkvist'],
        ownerOrgName: 'Försäkringskassan',
      },
    });
  });

  it('uses the due rule in Settings, and the default (with a note) when it is broken', async () => {
    const deps = await demoFixture();
    await deps.settings.set('faktura.forfalloregel', '{"q1":"04-15","q2":"07-15","q3":"10-15","q4":"01-15"}');
    expect(await getInterventionStatus(deps, 'NOVA', KARIN)).toMatchObject({
      status: { nextDeadline: { dueDate: '2027-01-15' } },
    });
    await deps.settings.set('faktura.forfalloregel', 'inte json');
    const problems: string[] = [];
    expect(
      await getInterventionStatus({ ...deps, onSettingProblem: (problem) => problems.push(problem) }, 'NOVA', KARIN),
    ).toMatchObject({ status: { nextDeadline: { dueDate: '2027-01-20' } } });
    expect(problems).toHaveLength(1);
  });

  it('moves on once the quarter’s invoice is registered', async () => {
    const deps = await demoFixture();
    const nova = await deps.interventions.findByCode('NOVA');
    await deps.requisitions.create({
      interventionId: nova?.id ?? '',
      year: 2026,
      quarter: 4,
      periodKey: 'NOVA-2026-Q4',
      dueDate: '2027-01-20',
      status: 'Inkommen',
      amount: 200_000,
      specification: null,
      receivedDate: '2027-01-10',
      invoiceNumber: 'VK-2027-00001',
    });
    expect(await getInterventionStatus(deps, 'NOVA', KARIN)).toMatchObject({
      status: { nextDeadline: { periodKey: 'NOVA-2027-Q1', dueDate: '2027-04-30' } },
    });
  });
});
