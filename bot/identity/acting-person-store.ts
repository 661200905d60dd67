/**
 * The dev mapping "this chat user acts as that seeded person", kept in Settings (so it survives
 * a restart) and cached here so a message costs no extra SharePoint read. Exists only in
 * AUTH_MODE=dev; the bot never creates one otherwise.
 */
import type { SettingsRepository } from '../../src/domain/ports/settings-repository.ts';
import type { ActingPerson } from '../../src/services/dev-identity/acting-person-setting.ts';
import { getActingPerson } from '../../src/services/dev-identity/get-acting-person.ts';
import { setActingPerson } from '../../src/services/dev-identity/set-acting-person.ts';

export class ActingPersonStore {
  private readonly settings: SettingsRepository;
  private readonly cache = new Map<string, ActingPerson | null>();

  constructor(settings: SettingsRepository) {
    this.settings = settings;
  }

  async get(senderId: string): Promise<ActingPerson | null> {
    if (this.cache.has(senderId)) {
      return this.cache.get(senderId) ?? null;
    }
    const person = await getActingPerson({ settings: this.settings }, senderId);
    this.cache.set(senderId, person);
    return person;
  }

  async set(senderId: string, person: ActingPerson | null): Promise<void> {
    await setActingPerson({ settings: this.settings }, senderId, person);
    this.cache.set(senderId, person);
  }
}
