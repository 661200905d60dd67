import { demoGuid } from './demo-guid.ts';
import { DEMO_MEMBERS, KANSLI_DOMAIN, type MemberKey } from './demo-members.ts';

/**
 * The demo cast. Every name is invented; none is taken from the seeds, which name real people.
 * `key` is the e-mail local part; the Entra object id is derived from the e-mail, so it is the
 * same on every machine.
 */
export type DemoOrg = MemberKey | 'KANSLI';

export type DemoPersonSpec = {
  readonly key: string;
  readonly givenName: string;
  readonly surname: string;
  readonly org: DemoOrg;
  readonly jobTitle: string;
};

export const DEMO_PEOPLE = [
  // kansli, Samordningsförbundet Värend
  { key: 'karin.vallgren', givenName: 'Karin', surname: 'Vallgren', org: 'KANSLI', jobTitle: 'Förbundschef' },
  { key: 'mattias.ekholm', givenName: 'Mattias', surname: 'Ekholm', org: 'KANSLI', jobTitle: 'Ekonom' },
  { key: 'sofia.lindahl', givenName: 'Sofia', surname: 'Lindahl', org: 'KANSLI', jobTitle: 'Processledare' },
  { key: 'jonas.bergkvist', givenName: 'Jonas', surname: 'Bergkvist', org: 'KANSLI', jobTitle: 'Processledare' },
  { key: 'elin.forsberg', givenName: 'Elin', surname: 'Forsberg', org: 'KANSLI', jobTitle: 'Nämndsekreterare' },
  // styrelsen: one ledamot and one ersättare per member
  { key: 'lars.hedstrom', givenName: 'Lars', surname: 'Hedström', org: 'FK', jobTitle: 'Områdeschef' },
  { key: 'maria.sjoberg', givenName: 'Maria', surname: 'Sjöberg', org: 'FK', jobTitle: 'Enhetschef' },
  { key: 'camilla.noren', givenName: 'Camilla', surname: 'Norén', org: 'AF', jobTitle: 'Sektionschef' },
  { key: 'peter.lundgren', givenName: 'Peter', surname: 'Lundgren', org: 'AF', jobTitle: 'Enhetschef' },
  { key: 'gunilla.axelsson', givenName: 'Gunilla', surname: 'Axelsson', org: 'REGION', jobTitle: 'Regionråd' },
  { key: 'henrik.blom', givenName: 'Henrik', surname: 'Blom', org: 'REGION', jobTitle: 'Regionfullmäktigeledamot' },
  { key: 'tomas.wikstrom', givenName: 'Tomas', surname: 'Wikström', org: 'ALVESTA', jobTitle: 'Kommunalråd' },
  {
    key: 'lena.hakansson',
    givenName: 'Lena',
    surname: 'Håkansson',
    org: 'ALVESTA',
    jobTitle: 'Kommunfullmäktigeledamot',
  },
  { key: 'ingrid.palm', givenName: 'Ingrid', surname: 'Palm', org: 'LESSEBO', jobTitle: 'Kommunalråd' },
  {
    key: 'mikael.strand',
    givenName: 'Mikael',
    surname: 'Strand',
    org: 'LESSEBO',
    jobTitle: 'Kommunfullmäktigeledamot',
  },
  { key: 'bengt.sandell', givenName: 'Bengt', surname: 'Sandell', org: 'TINGSRYD', jobTitle: 'Kommunalråd' },
  { key: 'asa.lindholm', givenName: 'Åsa', surname: 'Lindholm', org: 'TINGSRYD', jobTitle: 'Kommunfullmäktigeledamot' },
  { key: 'fredrik.holmgren', givenName: 'Fredrik', surname: 'Holmgren', org: 'VAXJO', jobTitle: 'Kommunalråd' },
  { key: 'eva.dahlberg', givenName: 'Eva', surname: 'Dahlberg', org: 'VAXJO', jobTitle: 'Kommunfullmäktigeledamot' },
  // beredningsgruppen: one official per member
  { key: 'helena.rydberg', givenName: 'Helena', surname: 'Rydberg', org: 'FK', jobTitle: 'Enhetschef sjukförsäkring' },
  { key: 'johan.almqvist', givenName: 'Johan', surname: 'Almqvist', org: 'AF', jobTitle: 'Sektionschef' },
  {
    key: 'malin.ostlund',
    givenName: 'Malin',
    surname: 'Östlund',
    org: 'REGION',
    jobTitle: 'Verksamhetschef vuxenpsykiatri',
  },
  { key: 'ulf.grahn', givenName: 'Ulf', surname: 'Grahn', org: 'ALVESTA', jobTitle: 'Socialchef' },
  { key: 'pernilla.ek', givenName: 'Pernilla', surname: 'Ek', org: 'LESSEBO', jobTitle: 'Arbetsmarknadschef' },
  { key: 'anders.molin', givenName: 'Anders', surname: 'Molin', org: 'TINGSRYD', jobTitle: 'Enhetschef arbetsmarknad' },
  {
    key: 'linnea.berglund',
    givenName: 'Linnea',
    surname: 'Berglund',
    org: 'VAXJO',
    jobTitle: 'Avdelningschef arbetsmarknad',
  },
  // firmatecknare: the chef who signs samarbetsavtal for each member
  { key: 'ola.nordin', givenName: 'Ola', surname: 'Nordin', org: 'FK', jobTitle: 'Verksamhetsområdeschef' },
  { key: 'susanne.falk', givenName: 'Susanne', surname: 'Falk', org: 'AF', jobTitle: 'Verksamhetsområdeschef' },
  {
    key: 'christer.lund',
    givenName: 'Christer',
    surname: 'Lund',
    org: 'REGION',
    jobTitle: 'Hälso- och sjukvårdsdirektör',
  },
  { key: 'birgitta.holm', givenName: 'Birgitta', surname: 'Holm', org: 'ALVESTA', jobTitle: 'Kommundirektör' },
  { key: 'roger.lindell', givenName: 'Roger', surname: 'Lindell', org: 'LESSEBO', jobTitle: 'Kommundirektör' },
  { key: 'ann-sofie.bjork', givenName: 'Ann-Sofie', surname: 'Björk', org: 'TINGSRYD', jobTitle: 'Kommundirektör' },
  { key: 'magnus.aberg', givenName: 'Magnus', surname: 'Åberg', org: 'VAXJO', jobTitle: 'Kommundirektör' },
  // chefer in the styrgrupper
  { key: 'nina.holmberg', givenName: 'Nina', surname: 'Holmberg', org: 'FK', jobTitle: 'Teamchef' },
  { key: 'patrik.berg', givenName: 'Patrik', surname: 'Berg', org: 'FK', jobTitle: 'Teamchef' },
  { key: 'david.ekstrom', givenName: 'David', surname: 'Ekström', org: 'AF', jobTitle: 'Enhetschef' },
  { key: 'elias.nord', givenName: 'Elias', surname: 'Nord', org: 'AF', jobTitle: 'Enhetschef' },
  { key: 'sara.nyberg', givenName: 'Sara', surname: 'Nyberg', org: 'REGION', jobTitle: 'Enhetschef rehabilitering' },
  {
    key: 'jenny.karlberg',
    givenName: 'Jenny',
    surname: 'Karlberg',
    org: 'VAXJO',
    jobTitle: 'Enhetschef arbetsmarknadsenheten',
  },
  {
    key: 'rebecka.sand',
    givenName: 'Rebecka',
    surname: 'Sand',
    org: 'ALVESTA',
    jobTitle: 'Enhetschef försörjningsstöd',
  },
  {
    key: 'kristoffer.ahl',
    givenName: 'Kristoffer',
    surname: 'Ahl',
    org: 'TINGSRYD',
    jobTitle: 'Enhetschef individ- och familjeomsorg',
  },
  {
    key: 'maja.lindstrom',
    givenName: 'Maja',
    surname: 'Lindström',
    org: 'LESSEBO',
    jobTitle: 'Enhetschef arbete och integration',
  },
  // projektledare
  { key: 'therese.sundin', givenName: 'Therese', surname: 'Sundin', org: 'FK', jobTitle: 'Projektledare Mitt Val' },
  { key: 'hanna.lindberg', givenName: 'Hanna', surname: 'Lindberg', org: 'VAXJO', jobTitle: 'Katalogadministratör' },
  {
    key: 'amir.haddad',
    givenName: 'Amir',
    surname: 'Haddad',
    org: 'VAXJO',
    jobTitle: 'Projektledare Hälsofrämjande etablering',
  },
  { key: 'emma.strom', givenName: 'Emma', surname: 'Ström', org: 'VAXJO', jobTitle: 'Projektledare NOVA' },
  { key: 'robert.sjolund', givenName: 'Robert', surname: 'Sjölund', org: 'REGION', jobTitle: 'Projektledare Enter' },
  { key: 'lina.magnusson', givenName: 'Lina', surname: 'Magnusson', org: 'ALVESTA', jobTitle: 'Projektledare FIA' },
  { key: 'ida.wallin', givenName: 'Ida', surname: 'Wallin', org: 'REGION', jobTitle: 'Utvecklingsledare' },
  {
    key: 'josefin.eriksson',
    givenName: 'Josefin',
    surname: 'Eriksson',
    org: 'TINGSRYD',
    jobTitle: 'Arbetsmarknadssekreterare',
  },
] as const satisfies readonly DemoPersonSpec[];

export type PersonKey = (typeof DEMO_PEOPLE)[number]['key'];

export type DemoPerson = DemoPersonSpec & {
  readonly key: PersonKey;
  readonly displayName: string;
  readonly email: string;
  readonly aadObjectId: string;
};

/** `Åsa Lindholm` → `asa.lindholm`: e-mail addresses are ASCII (å→a, ä→a, ö→o, é→e) */
export function asciiFold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^a-z0-9.-]+/g, '.');
}

function domainOf(org: DemoOrg): string {
  if (org === 'KANSLI') {
    return KANSLI_DOMAIN;
  }
  const member = DEMO_MEMBERS.find((candidate) => candidate.key === org);
  if (member === undefined) {
    throw new Error(`no demo member ${org}`);
  }
  return member.domain;
}

export function demoPerson(key: PersonKey): DemoPerson {
  const spec: DemoPersonSpec | undefined = DEMO_PEOPLE.find((person) => person.key === key);
  if (spec === undefined) {
    throw new Error(`no demo person ${key}`);
  }
  const email = `${asciiFold(spec.givenName)}.${asciiFold(spec.surname)}@${domainOf(spec.org)}`;
  return {
    ...spec,
    key,
    displayName: `${spec.givenName} ${spec.surname}`,
    email,
    aadObjectId: demoGuid(`person:${email}`),
  };
}

export function allDemoPeople(): DemoPerson[] {
  return DEMO_PEOPLE.map((person) => demoPerson(person.key));
}
