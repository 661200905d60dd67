/**
 * People as the dev sign-in picker lists them: one entry per person with all their roles, grouped
 * by what they are to the förbund — the kansli first, then the board, the beredningsgrupp, the
 * firmatecknare, the styrgrupper, and last the projektledare and projektägare. A person's group is
 * the first that one of their roles belongs to; within a group people are in Swedish name order.
 */
import { BOARD_ROLES, KANSLI_ROLES, type Role } from '../vocabulary.ts';

export const PERSON_GROUPS = [
  { group: 'Kansli', roles: KANSLI_ROLES },
  // the ordförande first: the one a board member most often wants to act as
  { group: 'Styrelse', roles: ['Ordförande', ...BOARD_ROLES.filter((role) => role !== 'Ordförande')] },
  { group: 'Beredningsgrupp', roles: ['Beredningsgrupp'] },
  { group: 'Firmatecknare', roles: ['Firmatecknare'] },
  { group: 'Styrgrupp', roles: ['Styrgrupp'] },
  { group: 'Projektledare och projektägare', roles: ['Projektledare', 'Projektägare'] },
] as const satisfies ReadonlyArray<{ readonly group: string; readonly roles: readonly Role[] }>;

export type PersonGroup = (typeof PERSON_GROUPS)[number]['group'];

/** every role in the order the groups list them */
export const ROLE_ORDER: readonly Role[] = PERSON_GROUPS.flatMap((entry): readonly Role[] => entry.roles);

export type PersonRoleRow = {
  readonly aadObjectId: string;
  readonly name: string;
  readonly role: Role;
  readonly interventionCode: string | null;
  /** the member organisation's name */
  readonly memberOrg: string | null;
};

export type GroupedPerson = {
  readonly aadObjectId: string;
  readonly name: string;
  readonly roles: ReadonlyArray<{
    readonly role: Role;
    readonly interventionCode: string | null;
    readonly memberOrg: string | null;
  }>;
  readonly group: PersonGroup;
};

function groupIndex(role: Role): number {
  const index = PERSON_GROUPS.findIndex((entry) => (entry.roles as readonly Role[]).includes(role));
  return index === -1 ? PERSON_GROUPS.length : index;
}

/** the first group any of the roles belongs to (every role belongs to one) */
export function personGroupOf(roles: readonly Role[]): PersonGroup {
  const first = Math.min(...roles.map(groupIndex));
  return PERSON_GROUPS[first]?.group ?? 'Projektledare och projektägare';
}

/**
 * One entry per person (Entra object ids compared without case), roles in group order and then by
 * insats code, identical rows once; people by group, then by name in Swedish order.
 */
export function groupPeople(rows: readonly PersonRoleRow[]): GroupedPerson[] {
  const byPerson = new Map<string, { aadObjectId: string; name: string; rows: PersonRoleRow[] }>();
  for (const row of rows) {
    const key = row.aadObjectId.toLowerCase();
    const person = byPerson.get(key) ?? { aadObjectId: row.aadObjectId, name: row.name, rows: [] };
    person.rows.push(row);
    byPerson.set(key, person);
  }
  const people = [...byPerson.values()].map((person): GroupedPerson => {
    const seen = new Set<string>();
    const roles = person.rows
      .map((row) => ({ role: row.role, interventionCode: row.interventionCode, memberOrg: row.memberOrg }))
      .filter((role) => {
        const key = `${role.role}|${role.interventionCode ?? ''}|${role.memberOrg ?? ''}`;
        const fresh = !seen.has(key);
        seen.add(key);
        return fresh;
      })
      .sort(
        (a, b) =>
          ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
          (a.interventionCode ?? '').localeCompare(b.interventionCode ?? '', 'sv'),
      );
    return {
      aadObjectId: person.aadObjectId,
      name: person.name,
      roles,
      group: personGroupOf(roles.map((role) => role.role)),
    };
  });
  const order = (group: PersonGroup): number => PERSON_GROUPS.findIndex((entry) => entry.group === group);
  return people.sort((a, b) => order(a.group) - order(b.group) || a.name.localeCompare(b.name, 'sv'));
}
