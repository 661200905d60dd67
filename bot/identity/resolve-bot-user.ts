import type { Activity } from 'botbuilder';
import type { ActingPersonStore } from './acting-person-store.ts';
import type { BotUser } from './bot-user.ts';

/** The asking user of an activity; `store` is given only in AUTH_MODE=dev. */
export async function resolveBotUser(activity: Activity, store: ActingPersonStore | null): Promise<BotUser> {
  const senderId = activity.from.id;
  const teamsAadId = nonEmpty(activity.from.aadObjectId);
  const actingAs = store === null ? null : await store.get(senderId);
  return {
    senderId,
    teamsAadId,
    teamsName: nonEmpty(activity.from.name),
    actingAs,
    aadObjectId: actingAs?.aadObjectId ?? teamsAadId,
  };
}

function nonEmpty(value: string | undefined | null): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
