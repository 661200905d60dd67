import { describe, expect, it } from 'vitest';
import { applicationDetailsSchema } from '../../../../src/domain/application/application-details.ts';
import {
  type ApplicationUnderReview,
  listApplicationProblems,
} from '../../../../src/domain/application/validate-application.ts';
import { EMPTY_APPLICATION_TEXTS } from '../../../fixtures/interventions.ts';

const members = [
  { id: '1', name: 'Växjö kommun', active: true },
  { id: '2', name: 'Arbetsförmedlingen', active: true },
  { id: '3', name: 'Gamla kommunen', active: false },
];

function completeApplication(): ApplicationUnderReview {
  return {
    intervention: {
      kind: 'Individinriktad',
      ownerOrgId: '1',
      partnerOrgIds: ['2'],
      startDate: '2027-03-01',
      endDate: '2028-12-31',
      purpose: 'Syfte',
      background: 'Bakgrund',
      goals: null,
      targetGroup: 'Unga vuxna',
      methods: 'Metoder',
      staffing: 'Bemanning',
      anchoring: 'Förankring',
      implementationPlan: 'Plan',
      applicationDetails: applicationDetailsSchema.parse({
        goals: [
          {
            kind: 'Insatsmål',
            text: '60 deltar',
            indicator: 'antal',
            targetWomen: 30,
            targetMen: 30,
            date: '2028-12-31',
          },
          { kind: 'Nyttomål', text: 'i arbete', indicator: '%', targetWomen: 40, targetMen: 40, date: '2029-12-31' },
        ],
        targetGroup: { criteria: '18–29 år', estimatedCount: 60 },
        signatories: [
          { memberOrgId: '1', name: 'A', title: 'Kommundirektör' },
          { memberOrgId: '2', name: 'B', title: 'Chef' },
        ],
        criteria: {
          applicantHasMandate: true,
          twoMembersSign: true,
          ownerAmongApplicants: true,
          individualPerspective: true,
          individualPerspectiveStatement: 'Intervjuer med målgruppen',
        },
      }),
    },
    budgetLines: [
      { year: 2027, amount: 100 },
      { year: 2028, amount: 100 },
    ],
    members,
  };
}

function withIntervention(change: Partial<ApplicationUnderReview['intervention']>): ApplicationUnderReview {
  const base = completeApplication();
  return { ...base, intervention: { ...base.intervention, ...change } };
}

describe('listApplicationProblems', () => {
  it('finds nothing missing in a complete application', () => {
    expect(listApplicationProblems(completeApplication())).toEqual([]);
  });

  it('lists every heading of an empty draft, in Swedish', () => {
    const problems = listApplicationProblems({
      intervention: {
        kind: null,
        ownerOrgId: null,
        partnerOrgIds: [],
        startDate: null,
        endDate: null,
        ...EMPTY_APPLICATION_TEXTS,
        applicationDetails: null,
      },
      budgetLines: [],
      members,
    });
    expect(problems).toEqual([
      'Syfte: rubriken är inte ifylld',
      'Bakgrund och behov: rubriken är inte ifylld',
      'Målgrupp: rubriken är inte ifylld',
      'Metoder: rubriken är inte ifylld',
      'Resurser och bemanning: rubriken är inte ifylld',
      'Förankring: rubriken är inte ifylld',
      'Implementeringsplan: rubriken är inte ifylld',
      'Typ av insats: välj Strukturell eller Individinriktad',
      'Period: startdatum saknas',
      'Period: slutdatum saknas',
      'Mål: minst ett insatsmål behövs',
      'Mål: minst ett nyttomål behövs',
      'Målgrupp: kriterier saknas',
      'Målgrupp: uppskattat antal saknas',
      'Budget: summan måste vara större än 0 kr',
      'Sökande: projektägare (organisation) saknas',
      'Sökande: minst två av förbundets medlemmar måste stå bakom ansökan',
      'Kriterier: kriterium 1 (den sökande är anställd hos en medlem och har mandat att företräda den) är inte bekräftat',
      'Kriterier: kriterium 2 (minst två medlemmar undertecknar och deltar aktivt) är inte bekräftat',
      'Kriterier: kriterium 3 (en av parterna är projektägare) är inte bekräftat',
      'Kriterier: kriterium 4 (idén utgår från individens perspektiv) är inte bekräftat',
      'Kriterier: beskriv hur idén utgår från individens perspektiv',
    ]);
  });

  it('names a year of the period without budget, and an end before the start', () => {
    expect(listApplicationProblems({ ...completeApplication(), budgetLines: [{ year: 2027, amount: 100 }] })).toEqual([
      'Budget: 2028 saknar budgetposter',
    ]);
    expect(listApplicationProblems(withIntervention({ endDate: '2027-01-01' }))).toEqual([
      'Period: slutdatum måste vara efter startdatum',
    ]);
  });

  it('names each incomplete goal field', () => {
    const base = completeApplication();
    const details = applicationDetailsSchema.parse({
      ...base.intervention.applicationDetails,
      goals: [{ kind: 'Insatsmål', text: 'x' }, ...(base.intervention.applicationDetails?.goals.slice(1) ?? [])],
    });
    expect(listApplicationProblems(withIntervention({ applicationDetails: details }))).toEqual([
      'Mål 1 (insatsmål): indikator saknas',
      'Mål 1 (insatsmål): målvärde för kvinnor saknas',
      'Mål 1 (insatsmål): målvärde för män saknas',
      'Mål 1 (insatsmål): datum saknas',
    ]);
  });

  it('needs two active members, each with a signatory', () => {
    expect(listApplicationProblems(withIntervention({ partnerOrgIds: ['1'] }))).toEqual([
      'Sökande: minst två av förbundets medlemmar måste stå bakom ansökan',
    ]);
    expect(listApplicationProblems(withIntervention({ partnerOrgIds: ['3'] }))).toEqual([
      'Sökande: Gamla kommunen är inte en aktiv medlem',
      'Sökande: minst två av förbundets medlemmar måste stå bakom ansökan',
    ]);
    const base = completeApplication();
    const details = applicationDetailsSchema.parse({
      ...base.intervention.applicationDetails,
      signatories: [{ memberOrgId: '1', name: 'A', title: 'Kommundirektör' }],
    });
    expect(listApplicationProblems(withIntervention({ applicationDetails: details }))).toEqual([
      'Undertecknare: Arbetsförmedlingen saknar undertecknare (namn och befattning)',
    ]);
  });
});
