import { describe, expect, it } from 'vitest';
import { groupPeople, personGroupOf } from '../../../../src/domain/people/person-groups.ts';
import type { Role } from '../../../../src/domain/vocabulary.ts';

const row = (
  aadObjectId: string,
  name: string,
  role: Role,
  interventionCode: string | null = null,
  memberOrg: string | null = null,
) => ({
  aadObjectId,
  name,
  role,
  interventionCode,
  memberOrg,
});

describe('person groups', () => {
  it('puts a person in the first group one of their roles belongs to', () => {
    expect(personGroupOf(['Projektledare', 'Processledare'])).toBe('Kansli');
    expect(personGroupOf(['Styrgrupp', 'Beredningsgrupp'])).toBe('Beredningsgrupp');
    expect(personGroupOf(['Projektägare', 'Styrgrupp'])).toBe('Styrgrupp');
    expect(personGroupOf(['Styrelseersättare'])).toBe('Styrelse');
    expect(personGroupOf(['Firmatecknare', 'Projektägare'])).toBe('Firmatecknare');
  });

  it('lists one entry per person, by group and then by Swedish name order', () => {
    const people = groupPeople([
      row('a', 'Åsa Lindholm', 'Styrelseersättare', null, 'Tingsryds kommun'),
      row('b', 'Emma Ström', 'Projektledare', 'NOVA', 'Växjö kommun'),
      row('c', 'Örjan Ek', 'Styrelseledamot'),
      row('d', 'Zara Al', 'Styrelseledamot'),
      row('e', 'Jenny Karlberg', 'Styrgrupp', 'NOVA'),
      row('E', 'Jenny Karlberg', 'Projektägare', 'SAMSJUK'),
      row('e', 'Jenny Karlberg', 'Projektägare', 'NOVA'),
      row('e', 'Jenny Karlberg', 'Styrgrupp', 'NOVA'),
      row('f', 'Sofia Lindahl', 'Projektledare', 'SAMSJUK'),
      row('f', 'Sofia Lindahl', 'Processledare'),
    ]);
    expect(people.map((person) => `${person.group}: ${person.name}`)).toEqual([
      'Kansli: Sofia Lindahl',
      'Styrelse: Zara Al',
      'Styrelse: Åsa Lindholm',
      'Styrelse: Örjan Ek',
      'Styrgrupp: Jenny Karlberg',
      'Projektledare och projektägare: Emma Ström',
    ]);
    expect(people.find((person) => person.name === 'Jenny Karlberg')?.roles).toEqual([
      { role: 'Styrgrupp', interventionCode: 'NOVA', memberOrg: null },
      { role: 'Projektägare', interventionCode: 'NOVA', memberOrg: null },
      { role: 'Projektägare', interventionCode: 'SAMSJUK', memberOrg: null },
    ]);
    expect(people.find((person) => person.name === 'Sofia Lindahl')?.roles.map((role) => role.role)).toEqual([
      'Processledare',
      'Projektledare',
    ]);
  });
});
