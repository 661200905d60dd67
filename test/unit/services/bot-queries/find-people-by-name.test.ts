import { describe, expect, it } from 'vitest';
import { findPeopleByName } from '../../../../src/services/bot-queries/find-people-by-name.ts';
import { aad, demoFixture } from './demo-fixture.ts';

describe('findPeopleByName (agera som)', () => {
  it('finds a person by full name, ignoring case and diacritics, or by a unique beginning', async () => {
    const { roleAssignments } = await demoFixture();
    for (const query of ['Emma Ström', 'emma strom', 'EMMA', 'Ström', 'emma s']) {
      expect(await findPeopleByName(roleAssignments, query)).toEqual({
        kind: 'found',
        person: { aadObjectId: aad('emma.strom'), name: 'Emma Ström' },
      });
    }
    expect(await findPeopleByName(roleAssignments, 'gunilla axelsson')).toMatchObject({
      kind: 'found',
      person: { name: 'Gunilla Axelsson' },
    });
  });

  it('lists the candidates when the name is ambiguous', async () => {
    const { roleAssignments } = await demoFixture();
    const result = await findPeopleByName(roleAssignments, 'lind');
    expect(result.kind).toBe('ambiguous');
    expect(result.kind === 'ambiguous' ? result.candidates.map((person) => person.name) : []).toEqual([
      'Hanna Lindberg',
      'Maja Lindström',
      'Roger Lindell',
      'Sofia Lindahl',
      'Åsa Lindholm',
    ]);
  });

  it('gives example names when nobody matches', async () => {
    const { roleAssignments } = await demoFixture();
    const result = await findPeopleByName(roleAssignments, 'Alex Wilber');
    expect(result).toMatchObject({ kind: 'not-found' });
    expect(result.kind === 'not-found' ? result.examples : []).toHaveLength(3);
  });
});
