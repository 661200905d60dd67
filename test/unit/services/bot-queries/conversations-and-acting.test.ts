/**
 * The small use cases behind installation tracking (src/services/bot-conversations) and the dev
 * command `agera som` (src/services/dev-identity).
 */
import { describe, expect, it } from 'vitest';
import { deactivateConversation } from '../../../../src/services/bot-conversations/deactivate-conversation.ts';
import { registerConversation, sameJson } from '../../../../src/services/bot-conversations/register-conversation.ts';
import { parseActingPerson } from '../../../../src/services/dev-identity/acting-person-setting.ts';
import { getActingPerson } from '../../../../src/services/dev-identity/get-acting-person.ts';
import { setActingPerson } from '../../../../src/services/dev-identity/set-acting-person.ts';
import { InMemoryConversationRepository } from '../../../fakes/in-memory-conversation-repository.ts';
import { InMemorySettingsRepository } from '../../../fakes/in-memory-settings-repository.ts';

const reference = { bot: { id: '28:bot' }, conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/emea/' };

describe('registerConversation', () => {
  it('creates once, then writes only on change, keeps a known title and reactivates after an uninstall', async () => {
    const conversations = new InMemoryConversationRepository();
    const deps = { conversations };
    const base = { key: 'user-1', scope: 'personal' as const, reference, defaultTitle: 'Personlig chatt' };

    expect(await registerConversation(deps, { ...base, title: null })).toBe('created');
    expect(conversations.table.all()).toMatchObject([{ title: 'Personlig chatt', active: true }]);
    expect(await registerConversation(deps, { ...base, title: 'Personlig chatt med Emma' })).toBe('updated');
    const etag = conversations.table.all()[0]?.etag;
    expect(await registerConversation(deps, { ...base, title: null })).toBe('unchanged');
    expect(conversations.table.all()[0]?.etag).toBe(etag);
    expect(conversations.table.all()[0]?.title).toBe('Personlig chatt med Emma');

    const moved = { ...reference, serviceUrl: 'https://smba.example/amer/' };
    expect(await registerConversation(deps, { ...base, title: null, reference: moved })).toBe('updated');

    expect(await deactivateConversation(deps, 'USER-1')).toBe(true);
    expect(await deactivateConversation(deps, 'user-1')).toBe(false);
    expect(await deactivateConversation(deps, 'nobody')).toBe(false);
    expect(conversations.table.all()).toMatchObject([{ active: false }]);
    expect(await registerConversation(deps, { ...base, title: null, reference: moved })).toBe('reactivated');
    expect(conversations.table.all()).toHaveLength(1);
  });

  it('deactivates only when the stored reference passes the check', async () => {
    const conversations = new InMemoryConversationRepository();
    await registerConversation(
      { conversations },
      { key: 'k', scope: 'personal', reference, title: null, defaultTitle: 'Personlig chatt' },
    );
    expect(await deactivateConversation({ conversations }, 'k', { onlyIf: () => false })).toBe(false);
    expect(await deactivateConversation({ conversations }, 'k', { onlyIf: () => true })).toBe(true);
  });

  it('compares references as JSON, whatever the key order', () => {
    expect(sameJson({ a: 1, b: { c: 2, d: [1, 2] } }, { b: { d: [1, 2], c: 2 }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
  });
});

describe('acting as a seeded person (dev)', () => {
  it('stores, reads and clears the mapping in Settings', async () => {
    const settings = new InMemorySettingsRepository();
    const emma = { aadObjectId: '177b73fb-9471-586a-8734-7a3f7a305478', name: 'Emma Ström' };
    expect(await getActingPerson({ settings }, 'user-id-0')).toBeNull();
    await setActingPerson({ settings }, 'user-id-0', emma);
    expect(settings.values.get('dev.agerar-som.user-id-0')).toBe(JSON.stringify(emma));
    expect(await getActingPerson({ settings }, 'user-id-0')).toEqual(emma);
    await setActingPerson({ settings }, 'user-id-0', null);
    expect(await getActingPerson({ settings }, 'user-id-0')).toBeNull();
  });

  it('reads a hand-edited or broken row as nobody', () => {
    expect(parseActingPerson('inte json')).toBeNull();
    expect(parseActingPerson('{"aadObjectId":"x","name":"Emma"}')).toBeNull();
    expect(parseActingPerson('')).toBeNull();
  });
});
