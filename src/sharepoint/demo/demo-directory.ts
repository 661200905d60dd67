import { KANSLI_ROLES } from '../../domain/vocabulary.ts';
import { DEMO_GOVERNANCE } from './demo-governance.ts';
import { demoGuid } from './demo-guid.ts';
import { DEMO_INTERVENTIONS } from './demo-interventions.ts';
import { DEMO_MEMBERS } from './demo-members.ts';
import { allDemoPeople, type DemoPerson, demoPerson, type PersonKey } from './demo-people.ts';

export type DemoDirectoryUser = {
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly mail: string;
  readonly userPrincipalName: string;
  readonly jobTitle: string;
};

export type DemoDirectoryGroup = {
  readonly id: string;
  readonly displayName: string;
  readonly description: string;
  readonly memberIds: readonly string[];
};

/** The Entra directory of the demo: what the local SharePoint serves at /users and /groups. */
export type DemoDirectory = {
  readonly users: readonly DemoDirectoryUser[];
  readonly groups: readonly DemoDirectoryGroup[];
};

/**
 * The demo people as directory users, and the groups Styrelsen, Beredningsgruppen, Kansliet and
 * one per styrgrupp, built from the same role data as the RoleAssignments rows so they agree.
 */
export function buildDemoDirectory(): DemoDirectory {
  const users = allDemoPeople().map(toUser);
  const governance = (predicate: (role: (typeof DEMO_GOVERNANCE)[number]) => boolean): PersonKey[] =>
    DEMO_GOVERNANCE.filter(predicate).map((entry) => entry.person);
  const groups: DemoDirectoryGroup[] = [
    group(
      'Styrelsen',
      'Samordningsförbundet Värends styrelse: ledamöter och ersättare.',
      governance((entry) => entry.role === 'Styrelseledamot' || entry.role === 'Styrelseersättare'),
    ),
    group(
      'Beredningsgruppen',
      'Tjänstepersoner från varje medlem som bereder ärenden till styrelsen.',
      governance((entry) => entry.role === 'Beredningsgrupp'),
    ),
    group(
      'Kansliet',
      'Förbundets kansli.',
      governance((entry) => KANSLI_ROLES.includes(entry.role)),
    ),
    ...DEMO_INTERVENTIONS.map((intervention) =>
      group(`Styrgrupp ${intervention.code}`, `Styrgruppen för ${intervention.title}.`, intervention.steeringGroup),
    ),
  ];
  return { users, groups };
}

function toUser(person: DemoPerson): DemoDirectoryUser {
  const organisation =
    person.org === 'KANSLI'
      ? 'Samordningsförbundet Värend'
      : (DEMO_MEMBERS.find((member) => member.key === person.org)?.member.name ?? '');
  return {
    id: person.aadObjectId,
    displayName: person.displayName,
    givenName: person.givenName,
    surname: person.surname,
    mail: person.email,
    userPrincipalName: person.email,
    jobTitle: `${person.jobTitle}, ${organisation}`,
  };
}

function group(displayName: string, description: string, people: readonly PersonKey[]): DemoDirectoryGroup {
  return {
    id: demoGuid(`group:${displayName}`),
    displayName,
    description,
    memberIds: [...new Set(people.map((person) => demoPerson(person).aadObjectId))],
  };
}
