import type { Role } from '../../domain/vocabulary.ts';
import type { MemberKey } from './demo-members.ts';
import type { PersonKey } from './demo-people.ts';

/** A role held for the förbund as a whole (not for one insats). */
export type DemoGovernanceRole = {
  readonly person: PersonKey;
  readonly role: Role;
  readonly member: MemberKey | null;
  readonly validFrom: string;
};

/** the mandate period that started after the 2022 elections (seed 002: konstituerande möte in January) */
const TERM_START = '2023-01-01';

const seat = (person: PersonKey, role: Role, member: MemberKey): DemoGovernanceRole => ({
  person,
  role,
  member,
  validFrom: TERM_START,
});

/**
 * Styrelsen (seven ledamöter and seven ersättare, one of each per member; ordförande from
 * Region Kronoberg, vice ordförande Fredrik Holmgren from Växjö kommun, who has no role of its
 * own in the schema), the beredningsgrupp, the kansli and one firmatecknare per member.
 */
export const DEMO_GOVERNANCE: readonly DemoGovernanceRole[] = [
  seat('lars.hedstrom', 'Styrelseledamot', 'FK'),
  seat('maria.sjoberg', 'Styrelseersättare', 'FK'),
  seat('camilla.noren', 'Styrelseledamot', 'AF'),
  seat('peter.lundgren', 'Styrelseersättare', 'AF'),
  seat('gunilla.axelsson', 'Styrelseledamot', 'REGION'),
  seat('gunilla.axelsson', 'Ordförande', 'REGION'),
  seat('henrik.blom', 'Styrelseersättare', 'REGION'),
  seat('tomas.wikstrom', 'Styrelseledamot', 'ALVESTA'),
  seat('lena.hakansson', 'Styrelseersättare', 'ALVESTA'),
  seat('ingrid.palm', 'Styrelseledamot', 'LESSEBO'),
  seat('mikael.strand', 'Styrelseersättare', 'LESSEBO'),
  seat('bengt.sandell', 'Styrelseledamot', 'TINGSRYD'),
  seat('asa.lindholm', 'Styrelseersättare', 'TINGSRYD'),
  seat('fredrik.holmgren', 'Styrelseledamot', 'VAXJO'),
  seat('eva.dahlberg', 'Styrelseersättare', 'VAXJO'),

  seat('helena.rydberg', 'Beredningsgrupp', 'FK'),
  seat('johan.almqvist', 'Beredningsgrupp', 'AF'),
  seat('malin.ostlund', 'Beredningsgrupp', 'REGION'),
  seat('ulf.grahn', 'Beredningsgrupp', 'ALVESTA'),
  seat('pernilla.ek', 'Beredningsgrupp', 'LESSEBO'),
  seat('anders.molin', 'Beredningsgrupp', 'TINGSRYD'),
  seat('linnea.berglund', 'Beredningsgrupp', 'VAXJO'),

  { person: 'karin.vallgren', role: 'Förbundschef', member: null, validFrom: '2021-03-01' },
  { person: 'mattias.ekholm', role: 'Ekonom', member: null, validFrom: '2022-08-15' },
  { person: 'sofia.lindahl', role: 'Processledare', member: null, validFrom: '2019-01-01' },
  { person: 'jonas.bergkvist', role: 'Processledare', member: null, validFrom: '2024-02-01' },
  { person: 'elin.forsberg', role: 'Nämndsekreterare', member: null, validFrom: '2023-09-01' },

  seat('ola.nordin', 'Firmatecknare', 'FK'),
  seat('susanne.falk', 'Firmatecknare', 'AF'),
  seat('christer.lund', 'Firmatecknare', 'REGION'),
  seat('birgitta.holm', 'Firmatecknare', 'ALVESTA'),
  seat('roger.lindell', 'Firmatecknare', 'LESSEBO'),
  seat('ann-sofie.bjork', 'Firmatecknare', 'TINGSRYD'),
  seat('magnus.aberg', 'Firmatecknare', 'VAXJO'),
];
