import type { BudgetCategory, InterventionKind, Stage } from '../../domain/vocabulary.ts';
import type { MemberKey } from './demo-members.ts';
import type { PersonKey } from './demo-people.ts';
import type { ApplicationTexts } from './demo-texts.ts';
import { OTHER_TEXTS } from './demo-texts-other.ts';
import { RUNNING_TEXTS } from './demo-texts-running.ts';

/** budget per year and post, in kronor */
export type DemoBudget = Readonly<Record<number, Readonly<Partial<Record<BudgetCategory, number>>>>>;

export type DemoIntervention = {
  readonly code: string;
  readonly title: string;
  readonly kind: InterventionKind;
  readonly stage: Stage;
  /** the projektägare's organisation */
  readonly owner: MemberKey;
  /** every member organisation taking part, the owner included */
  readonly partners: readonly MemberKey[];
  readonly projectLeader: PersonKey;
  readonly projectOwner: PersonKey;
  /** 3–5 chefer from the involved organisations; the projektägare chairs */
  readonly steeringGroup: readonly PersonKey[];
  readonly startDate: string;
  readonly endDate: string;
  /** the board's decision, for granted insatser; GrantedAmount is then the budget's total */
  readonly decision: { readonly date: string; readonly ref: string } | null;
  readonly diaryNumber: string;
  readonly followUpRegistered: boolean;
  /** granted budget, or for an application the budget applied for */
  readonly budget: DemoBudget;
  readonly texts: ApplicationTexts;
};

const ALL: readonly MemberKey[] = ['FK', 'AF', 'REGION', 'ALVESTA', 'LESSEBO', 'TINGSRYD', 'VAXJO'];

/** Hälsofrämjande etablering's 535 000 kr a year (seed 002), split by post (research §8.6) */
const HFE_YEAR = { Personal: 420_000, Lokaler: 40_000, Material: 20_000, Övrigt: 55_000 } as const;

/**
 * The insatser of the demo: Värend's processes from seed 002, NOVA, Enter and FIA from seed 004
 * (moved into Värend for the demo) and three new applications. "Today" in the demo is 2026-11-24:
 * five insatser are running with quarterly invoicing into 2027.
 */
export const DEMO_INTERVENTIONS: readonly DemoIntervention[] = [
  {
    code: 'NOVA',
    title: 'NOVA – nya vägar för unga vuxna',
    kind: 'Individinriktad',
    stage: 'Pågående',
    owner: 'VAXJO',
    partners: ['VAXJO', 'AF', 'REGION', 'FK'],
    projectLeader: 'emma.strom',
    projectOwner: 'jenny.karlberg',
    steeringGroup: ['jenny.karlberg', 'david.ekstrom', 'sara.nyberg', 'nina.holmberg'],
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    decision: { date: '2024-11-21', ref: '§ 50' },
    diaryNumber: 'SFV 2024/018',
    followUpRegistered: true,
    budget: {
      2025: { Personal: 680_000, Lokaler: 60_000, Kompetensutveckling: 25_000, Material: 20_000, Övrigt: 35_000 },
      2026: { Personal: 680_000, Lokaler: 60_000, Kompetensutveckling: 25_000, Material: 20_000, Övrigt: 35_000 },
      2027: { Personal: 680_000, Lokaler: 60_000, Kompetensutveckling: 25_000, Material: 20_000, Övrigt: 35_000 },
    },
    texts: RUNNING_TEXTS.NOVA,
  },
  {
    code: 'ENTER',
    title: 'Enter – arbetslivsinriktad rehabilitering vid psykisk ohälsa',
    kind: 'Individinriktad',
    stage: 'Pågående',
    owner: 'REGION',
    partners: ['REGION', 'FK', 'AF', 'VAXJO'],
    projectLeader: 'robert.sjolund',
    projectOwner: 'sara.nyberg',
    steeringGroup: ['sara.nyberg', 'nina.holmberg', 'johan.almqvist', 'jenny.karlberg'],
    startDate: '2024-01-01',
    endDate: '2026-12-31',
    decision: { date: '2023-11-23', ref: '§ 52' },
    diaryNumber: 'SFV 2023/021',
    followUpRegistered: true,
    budget: {
      // 100 000 kr for evaluation 2024–2025, used for the review by the board's decision of 2024-05-15 (seed 004)
      2024: { Personal: 620_000, Lokaler: 50_000, Material: 20_000, Övrigt: 20_000, Utvärdering: 50_000 },
      2025: { Personal: 620_000, Lokaler: 50_000, Material: 20_000, Övrigt: 20_000, Utvärdering: 50_000 },
      2026: { Personal: 640_000, Lokaler: 50_000, Material: 30_000, Övrigt: 40_000 },
    },
    texts: RUNNING_TEXTS.ENTER,
  },
  {
    code: 'FIA',
    title: 'FIA – förberedande insats mot arbete',
    kind: 'Individinriktad',
    stage: 'Pågående',
    owner: 'ALVESTA',
    partners: ['ALVESTA', 'TINGSRYD', 'LESSEBO', 'AF', 'FK'],
    projectLeader: 'lina.magnusson',
    projectOwner: 'rebecka.sand',
    steeringGroup: ['rebecka.sand', 'kristoffer.ahl', 'maja.lindstrom', 'elias.nord', 'patrik.berg'],
    startDate: '2025-07-01',
    endDate: '2027-06-30',
    decision: { date: '2025-04-10', ref: '§ 23' },
    diaryNumber: 'SFV 2025/014',
    followUpRegistered: true,
    budget: {
      2025: { Personal: 270_000, Lokaler: 25_000, Material: 10_000, Övrigt: 15_000 },
      2026: { Personal: 540_000, Lokaler: 50_000, Material: 20_000, Övrigt: 30_000 },
      2027: { Personal: 270_000, Lokaler: 25_000, Material: 10_000, Övrigt: 15_000 },
    },
    texts: RUNNING_TEXTS.FIA,
  },
  {
    code: 'HFE',
    title: 'Hälsofrämjande etablering',
    kind: 'Individinriktad',
    stage: 'Pågående',
    owner: 'VAXJO',
    partners: ['VAXJO', 'AF', 'FK', 'REGION'],
    projectLeader: 'amir.haddad',
    projectOwner: 'linnea.berglund',
    steeringGroup: ['linnea.berglund', 'david.ekstrom', 'nina.holmberg', 'sara.nyberg'],
    startDate: '2025-01-01',
    endDate: '2027-06-30',
    decision: { date: '2024-11-21', ref: '§ 51' },
    diaryNumber: 'SFV 2024/022',
    followUpRegistered: true,
    budget: {
      2025: HFE_YEAR,
      2026: HFE_YEAR,
      2027: { Personal: 210_000, Lokaler: 20_000, Material: 10_000, Övrigt: 27_500 },
    },
    texts: RUNNING_TEXTS.HFE,
  },
  {
    code: 'INSKAT',
    title: 'Insatskatalogen',
    kind: 'Strukturell',
    stage: 'Pågående',
    owner: 'VAXJO',
    partners: ALL,
    projectLeader: 'hanna.lindberg',
    projectOwner: 'linnea.berglund',
    steeringGroup: ['linnea.berglund', 'helena.rydberg', 'johan.almqvist', 'malin.ostlund', 'ulf.grahn'],
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    decision: { date: '2024-11-21', ref: '§ 52' },
    diaryNumber: 'SFV 2024/023',
    followUpRegistered: false,
    budget: {
      2025: { Personal: 60_000, Material: 10_000, Övrigt: 30_000 },
      2026: { Personal: 60_000, Material: 10_000, Övrigt: 30_000 },
      2027: { Personal: 60_000, Material: 10_000, Övrigt: 30_000 },
    },
    texts: RUNNING_TEXTS.INSKAT,
  },
  {
    code: 'MITTVAL',
    title: 'Mitt Val',
    kind: 'Individinriktad',
    stage: 'Avslutad',
    owner: 'FK',
    partners: ['FK', 'AF'],
    projectLeader: 'therese.sundin',
    projectOwner: 'helena.rydberg',
    steeringGroup: ['helena.rydberg', 'nina.holmberg', 'elias.nord'],
    startDate: '2023-08-01',
    endDate: '2025-06-30',
    decision: { date: '2023-05-25', ref: '§ 18' },
    diaryNumber: 'SFV 2023/009',
    followUpRegistered: true,
    budget: {
      2023: { Personal: 80_000, Lokaler: 10_000, Material: 10_000 },
      2024: { Personal: 200_000, Lokaler: 20_000, Material: 20_000 },
      2025: { Personal: 120_000, Lokaler: 10_000, Material: 10_000 },
    },
    texts: OTHER_TEXTS.MITTVAL,
  },
  {
    code: 'SAMUTB',
    title: 'Samverkansutbildning 2027',
    kind: 'Strukturell',
    stage: 'Avtal',
    owner: 'REGION',
    partners: ALL,
    projectLeader: 'ida.wallin',
    projectOwner: 'malin.ostlund',
    steeringGroup: ['malin.ostlund', 'helena.rydberg', 'johan.almqvist', 'linnea.berglund'],
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    decision: { date: '2026-10-15', ref: '§ 41' },
    diaryNumber: 'SFV 2026/019',
    followUpRegistered: false,
    budget: {
      2027: { Personal: 30_000, Lokaler: 25_000, Material: 15_000, Övrigt: 40_000, Utvärdering: 10_000 },
    },
    texts: OTHER_TEXTS.SAMUTB,
  },
  {
    code: 'SAMSYN',
    title: 'Samsyn och samhandling – SIP i Värend',
    kind: 'Strukturell',
    stage: 'Förslag till styrelsen',
    owner: 'FK',
    partners: ALL,
    projectLeader: 'jonas.bergkvist',
    projectOwner: 'nina.holmberg',
    steeringGroup: ['nina.holmberg', 'johan.almqvist', 'malin.ostlund'],
    startDate: '2027-03-01',
    endDate: '2028-12-31',
    decision: null,
    diaryNumber: 'SFV 2026/024',
    followUpRegistered: false,
    budget: {
      2027: { Personal: 300_000, Kompetensutveckling: 60_000, Material: 15_000, Utvärdering: 25_000 },
      2028: { Personal: 360_000, Kompetensutveckling: 40_000, Material: 10_000, Utvärdering: 40_000 },
    },
    texts: OTHER_TEXTS.SAMSYN,
  },
  {
    code: 'SAMSJUK',
    title: 'Samsjuklighet och sysselsättning – lågtröskelverksamhet',
    kind: 'Individinriktad',
    stage: 'Beredning',
    owner: 'VAXJO',
    partners: ['VAXJO', 'AF', 'REGION'],
    projectLeader: 'sofia.lindahl',
    projectOwner: 'jenny.karlberg',
    steeringGroup: ['jenny.karlberg', 'david.ekstrom', 'sara.nyberg'],
    startDate: '2027-04-01',
    endDate: '2029-03-31',
    decision: null,
    diaryNumber: 'SFV 2026/027',
    followUpRegistered: false,
    budget: {
      2027: { Personal: 420_000, Lokaler: 45_000, Material: 15_000, Övrigt: 20_000 },
      2028: { Personal: 560_000, Lokaler: 60_000, Material: 20_000, Övrigt: 30_000 },
      2029: { Personal: 140_000, Lokaler: 15_000, Material: 5_000, Övrigt: 7_500 },
    },
    texts: OTHER_TEXTS.SAMSJUK,
  },
  {
    code: 'STEGTIN',
    title: 'Steg för steg Tingsryd',
    kind: 'Individinriktad',
    stage: 'Inkommen',
    owner: 'TINGSRYD',
    partners: ['TINGSRYD', 'AF', 'FK'],
    projectLeader: 'josefin.eriksson',
    projectOwner: 'anders.molin',
    steeringGroup: ['anders.molin', 'kristoffer.ahl', 'elias.nord', 'patrik.berg'],
    startDate: '2027-09-01',
    endDate: '2028-08-31',
    decision: null,
    diaryNumber: 'SFV 2026/031',
    followUpRegistered: false,
    budget: {
      2027: { Personal: 150_000, Lokaler: 10_000, Material: 5_000, Övrigt: 10_000 },
      2028: { Personal: 300_000, Lokaler: 20_000, Material: 10_000, Övrigt: 20_000 },
    },
    texts: OTHER_TEXTS.STEGTIN,
  },
];

/** the sum of an insats's budget lines */
export function budgetTotal(budget: DemoBudget): number {
  return Object.values(budget).reduce(
    (total, year) => total + Object.values(year).reduce((sum: number, amount) => sum + (amount ?? 0), 0),
    0,
  );
}
