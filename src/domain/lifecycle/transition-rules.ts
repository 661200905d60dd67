/**
 * The insats lifecycle (research/domain.md §2, model B, adapted): every transition that exists,
 * who may make it and what must be true first. One array of data: the state machine, its tests
 * and the README's table all read it, so they cannot disagree.
 */
import type { Stage } from '../vocabulary.ts';

/**
 * How a transition is made: `api` by a person in the tab/API; `approval` when a board decision in
 * an approval (beslutsärende) is recorded; `agreement` when the last party signs the samarbetsavtal;
 * `schedule` by the sweep (e.g. when the end date has passed).
 */
export type Via = 'api' | 'approval' | 'agreement' | 'schedule';

/** who may make an `api` transition */
export type Party = 'sökande' | 'kansli' | 'förbundschef';

/** what must be true before the transition; each has a Swedish reason when it is not */
export type Requirement =
  | 'ansökan-komplett'
  | 'kommentar'
  | 'signerat-avtal'
  | 'slutdatum-passerat'
  | 'sista-rekvisition'
  | 'slutrapport';

export type Way =
  | { readonly via: 'api'; readonly who: readonly Party[] }
  | { readonly via: 'approval' | 'agreement' | 'schedule'; readonly requires?: readonly Requirement[] };

export type TransitionRule = {
  /** the row in research/domain.md §2.2 it comes from (B-numbers), with a letter where split */
  readonly id: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly ways: readonly Way[];
  /** required on every way */
  readonly requires: readonly Requirement[];
  /** why the rule is as it is, in Swedish (README) */
  readonly note: string;
};

const SOKANDE_OR_KANSLI: readonly Party[] = ['sökande', 'kansli'];
const KANSLI: readonly Party[] = ['kansli'];

/** Stages from which the applicant may withdraw: everything before the board's decision (B16). */
export const WITHDRAWABLE_STAGES: readonly Stage[] = [
  'Idé',
  'Ansökan',
  'Inkommen',
  'Beredning',
  'Komplettering',
  'Förslag till styrelsen',
];

const withdrawals: TransitionRule[] = WITHDRAWABLE_STAGES.map((from) => ({
  id: 'B16',
  from,
  to: 'Återtagen',
  ways: [{ via: 'api', who: SOKANDE_OR_KANSLI }],
  requires: [],
  note: 'Sökande kan ta tillbaka ansökan före beslut; diarienumret behålls.',
}));

export const TRANSITION_RULES: readonly TransitionRule[] = [
  {
    id: 'B1',
    from: 'Idé',
    to: 'Ansökan',
    ways: [{ via: 'api', who: SOKANDE_OR_KANSLI }],
    requires: [],
    note: 'Idén blir ett ansökningsutkast.',
  },
  {
    id: 'B2',
    from: 'Ansökan',
    to: 'Inkommen',
    ways: [{ via: 'api', who: SOKANDE_OR_KANSLI }],
    requires: ['ansökan-komplett'],
    note: 'Ansökan skickas in; den får ett diarienummer.',
  },
  {
    id: 'B3',
    from: 'Inkommen',
    to: 'Beredning',
    ways: [{ via: 'api', who: KANSLI }],
    requires: [],
    note: 'Kansliet tar upp ansökan till beredning.',
  },
  {
    id: 'B4a',
    from: 'Beredning',
    to: 'Komplettering',
    ways: [{ via: 'api', who: KANSLI }],
    requires: ['kommentar'],
    note: 'Kansliet begär komplettering och skriver vad som saknas.',
  },
  {
    id: 'B4b',
    from: 'Komplettering',
    to: 'Inkommen',
    ways: [{ via: 'api', who: SOKANDE_OR_KANSLI }],
    requires: ['ansökan-komplett'],
    note: 'Sökande skickar in den kompletterade ansökan; diarienumret är detsamma.',
  },
  {
    id: 'B5',
    from: 'Beredning',
    to: 'Förslag till styrelsen',
    ways: [{ via: 'api', who: ['förbundschef'] }, { via: 'approval' }],
    requires: [],
    note: 'Förbundschefen beslutar vilket förslag som läggs fram för styrelsen; beslutskedjan flyttar ansökan hit när styrelsens omröstning startar efter beredningsgruppens yttrande.',
  },
  {
    id: 'B6a',
    from: 'Förslag till styrelsen',
    to: 'Beviljad',
    ways: [{ via: 'approval' }],
    requires: [],
    note: 'Bara styrelsens beslut i ett beslutsärende beviljar.',
  },
  {
    id: 'B6b',
    from: 'Förslag till styrelsen',
    to: 'Avslagen',
    ways: [{ via: 'approval' }],
    requires: [],
    note: 'Bara styrelsens beslut i ett beslutsärende avslår.',
  },
  {
    id: 'B6c',
    from: 'Förslag till styrelsen',
    to: 'Beredning',
    ways: [{ via: 'api', who: KANSLI }, { via: 'approval' }],
    requires: [],
    note: 'Återremiss: ärendet går tillbaka till beredning.',
  },
  {
    id: 'B7',
    from: 'Beviljad',
    to: 'Avtal',
    ways: [{ via: 'api', who: KANSLI }],
    requires: [],
    note: 'Kansliet upprättar samarbetsavtalet.',
  },
  {
    id: 'B8',
    from: 'Avtal',
    to: 'Uppstart',
    ways: [{ via: 'agreement' }, { via: 'api', who: KANSLI }],
    requires: ['signerat-avtal'],
    note: 'När alla parter har signerat samarbetsavtalet.',
  },
  {
    id: 'B9',
    from: 'Uppstart',
    to: 'Pågående',
    ways: [{ via: 'api', who: SOKANDE_OR_KANSLI }],
    requires: ['signerat-avtal'],
    note: 'Insatsen startar; ett signerat samarbetsavtal måste finnas.',
  },
  {
    id: 'B12a',
    from: 'Uppstart',
    to: 'Avbruten',
    ways: [{ via: 'approval' }],
    requires: [],
    note: 'Bara styrelsen kan avbryta en insats i förtid.',
  },
  {
    id: 'B12b',
    from: 'Pågående',
    to: 'Avbruten',
    ways: [{ via: 'approval' }],
    requires: [],
    note: 'Bara styrelsen kan avbryta en insats i förtid.',
  },
  {
    id: 'B13',
    from: 'Pågående',
    to: 'Avslutas',
    ways: [
      { via: 'api', who: KANSLI },
      { via: 'schedule', requires: ['slutdatum-passerat'] },
    ],
    requires: [],
    note: 'Avslutningen börjar; av kansliet, eller av schemaläggaren när slutdatum har passerat.',
  },
  {
    id: 'B14',
    from: 'Avslutas',
    to: 'Avslutad',
    ways: [{ via: 'api', who: KANSLI }],
    requires: ['sista-rekvisition', 'slutrapport'],
    note: 'Sista kvartalets rekvisition är registrerad och slutrapporten finns.',
  },
  ...withdrawals,
];

export function findRule(from: Stage, to: Stage): TransitionRule | undefined {
  return TRANSITION_RULES.find((rule) => rule.from === from && rule.to === to);
}

export function rulesFrom(from: Stage): TransitionRule[] {
  return TRANSITION_RULES.filter((rule) => rule.from === from);
}

const PARTY_SV: Record<Party, string> = {
  sökande: 'insatsens projektledare eller projektägare',
  kansli: 'kansliet',
  förbundschef: 'förbundschefen',
};

/** `insatsens projektledare eller projektägare eller kansliet` */
export function describeParties(parties: readonly Party[]): string {
  return parties.map((party) => PARTY_SV[party]).join(' eller ');
}

const VIA_SV: Record<Exclude<Via, 'api'>, string> = {
  approval: 'styrelsens beslut i ett beslutsärende',
  agreement: 'när samarbetsavtalet är signerat av alla parter',
  schedule: 'av schemaläggaren (via: schedule)',
};

/** who may make the transition, in Swedish, for the README and the API */
export function describeWays(rule: TransitionRule): string {
  return rule.ways.map((way) => (way.via === 'api' ? describeParties(way.who) : VIA_SV[way.via])).join('; ');
}

export const REQUIREMENT_SV: Record<Requirement, string> = {
  'ansökan-komplett':
    'ansökan komplett (alla rubriker, mål, budget, kriterier), minst två medlemsorganisationer med projektägaren bland dem, en undertecknare per organisation',
  kommentar: 'en kommentar som säger vad som saknas',
  'signerat-avtal': 'ett signerat samarbetsavtal',
  'slutdatum-passerat': 'slutdatum har passerat',
  'sista-rekvisition': 'sista kvartalets rekvisition registrerad',
  slutrapport: 'en slutrapport',
};
