import type { SettingsRepository } from '../../domain/ports/settings-repository.ts';
import { type ActingPerson, actingPersonKey, actingPersonSchema } from './acting-person-setting.ts';

/**
 * Lets the chat user `senderId` act as `person` (dev only); null clears it. The Settings port
 * has no delete, so clearing stores an empty value, which reads as "nobody".
 */
export async function setActingPerson(
  deps: { readonly settings: Pick<SettingsRepository, 'set'> },
  senderId: string,
  person: ActingPerson | null,
): Promise<void> {
  const value = person === null ? '' : JSON.stringify(actingPersonSchema.parse(person));
  await deps.settings.set(actingPersonKey(senderId), value);
}
