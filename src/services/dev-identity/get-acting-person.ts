import type { SettingsRepository } from '../../domain/ports/settings-repository.ts';
import { type ActingPerson, actingPersonKey, parseActingPerson } from './acting-person-setting.ts';

/** Whom the chat user `senderId` acts as (dev only), or null. */
export async function getActingPerson(
  deps: { readonly settings: Pick<SettingsRepository, 'get'> },
  senderId: string,
): Promise<ActingPerson | null> {
  return parseActingPerson(await deps.settings.get(actingPersonKey(senderId)));
}
