/**
 * Where the dev command `agera som` keeps who a chat user acts as: a Settings row
 * `dev.agerar-som.<Teams user id>` holding `{"aadObjectId","name"}`, so the choice survives a
 * restart of the app. Only the bot in AUTH_MODE=dev reads or writes these rows.
 */
import { z } from 'zod';
import { aadObjectId } from '../../domain/entities/common.ts';

export const ACTING_PERSON_PREFIX = 'dev.agerar-som.';

export const actingPersonSchema = z.object({ aadObjectId, name: z.string().trim().min(1).max(255) });
export type ActingPerson = z.infer<typeof actingPersonSchema>;

/** the Settings key for one chat user; Settings titles are at most 255 characters */
export function actingPersonKey(senderId: string): string {
  return `${ACTING_PERSON_PREFIX}${senderId}`.slice(0, 255);
}

/** the stored value, or null for an empty (cleared) or unreadable one */
export function parseActingPerson(value: string | null): ActingPerson | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  try {
    const parsed = actingPersonSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    // a hand-edited row that is not JSON: treat as "not acting as anyone"
    return null;
  }
}
