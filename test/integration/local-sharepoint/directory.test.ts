import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collection, type Emulator, expectGraphError, startEmulator } from './helpers.ts';

type User = { id: string; displayName: string; mail: string | null; userPrincipalName: string; [key: string]: unknown };

let em: Emulator;
beforeAll(async () => {
  em = await startEmulator();
});
afterAll(async () => {
  await em.close();
});

const users = Array.from({ length: 150 }, (_, n) => ({
  id: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
  displayName: `Person ${n}`,
  givenName: 'Person',
  surname: `${n}`,
  mail: `person${n}@forbund.se`,
  userPrincipalName: `person${n}@forbund.se`,
  ...(n === 0 ? { jobTitle: 'Förbundschef' } : {}),
}));

describe('directory', () => {
  beforeAll(async () => {
    const loaded = await em.control('PUT', '/directory', {
      users,
      groups: [
        {
          id: 'styrelsen',
          displayName: 'Styrelsen',
          description: 'Förbundets styrelse',
          memberIds: users.map((u) => u.id),
        },
        { id: 'kansli', displayName: 'Kansliet', memberIds: [users[0]?.id ?? ''] },
      ],
    });
    expect(loaded.status).toBe(200);
  });

  it('gets a user by id or userPrincipalName with the default properties', async () => {
    const byId = await em.graph<User>('GET', `/users/${users[0]?.id}`);
    expect(byId.status).toBe(200);
    expect(byId.json).toMatchObject({
      id: users[0]?.id,
      displayName: 'Person 0',
      givenName: 'Person',
      surname: '0',
      jobTitle: 'Förbundschef',
      mail: 'person0@forbund.se',
      userPrincipalName: 'person0@forbund.se',
      businessPhones: [],
      mobilePhone: null,
      officeLocation: null,
      preferredLanguage: null,
    });
    const byUpn = await em.graph<User>('GET', '/users/PERSON1@forbund.se');
    expect(byUpn.json.id).toBe(users[1]?.id);
    const byKey = await em.graph<User>('GET', "/users('person2@forbund.se')");
    expect(byKey.json.id).toBe(users[2]?.id);
    expectGraphError(await em.graph('GET', '/users/nobody@forbund.se'), 404, 'Request_ResourceNotFound');
  });

  it('lists users 100 per page', async () => {
    const first = await em.graph<Collection<User>>('GET', '/users');
    expect(first.json.value).toHaveLength(100);
    const next = first.json['@odata.nextLink'] ?? '';
    const second = await em.graph<Collection<User>>('GET', next.slice(em.sp.graphUrl.length));
    expect(second.json.value).toHaveLength(50);
    expect(second.json['@odata.nextLink']).toBeUndefined();
  });

  it('gets a group and its members as directoryObjects, 100 per page then a nextLink', async () => {
    const group = await em.graph('GET', '/groups/styrelsen');
    expect(group.json).toMatchObject({ id: 'styrelsen', displayName: 'Styrelsen', description: 'Förbundets styrelse' });
    const first = await em.graph<Collection<User & { '@odata.type': string }>>('GET', '/groups/styrelsen/members');
    expect(first.json.value).toHaveLength(100);
    expect(first.json.value[0]?.['@odata.type']).toBe('#microsoft.graph.user');
    const second = await em.graph<Collection<User>>(
      'GET',
      (first.json['@odata.nextLink'] ?? '').slice(em.sp.graphUrl.length),
    );
    expect(second.json.value.map((user) => user.displayName)).toContain('Person 149');
    const small = await em.graph<Collection<User>>('GET', '/groups/kansli/members/microsoft.graph.user');
    expect(small.json.value.map((user) => user.id)).toEqual([users[0]?.id]);
    expectGraphError(await em.graph('GET', '/groups/nope/members'), 404, 'Request_ResourceNotFound');
  });

  it('refuses a directory of the wrong shape and keeps the old one', async () => {
    expect((await em.control('PUT', '/directory', { users: [{ id: 'x' }] })).status).toBe(400);
    expect(
      (
        await em.control('PUT', '/directory', {
          users: [],
          groups: [{ id: 'g', displayName: 'G', memberIds: ['ghost'] }],
        })
      ).status,
    ).toBe(400);
    expect((await em.graph('GET', `/users/${users[0]?.id}`)).status).toBe(200);
  });

  it('requires a token for directory reads', async () => {
    expect((await fetch(`${em.sp.graphUrl}/users`)).status).toBe(401);
  });
});
