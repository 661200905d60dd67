/**
 * The person's calendar feed link (to subscribe to in Outlook: "Lägg till kalender → Från
 * internet"), and a new one that revokes the old (`renew`).
 */
import { authorize } from '../authorization/refuse.ts';
import { actorOf } from '../register/load-actor.ts';
import type { CalendarFeedDeps } from './calendar-feed-deps.ts';
import { feedToken } from './feed-token.ts';
import { feedVersionKey, readFeedVersion } from './feed-version.ts';

export type CalendarLink = {
  /** https://…/kalender/<id>/<token>.ics */
  readonly url: string;
  /** the same as webcal://, which makes Outlook and Apple Calendar offer to subscribe */
  readonly webcalUrl: string;
  readonly version: number;
};

function linkOf(deps: CalendarFeedDeps, baseUrl: string, aadObjectId: string, version: number): CalendarLink {
  const path = `/kalender/${aadObjectId.toLowerCase()}/${feedToken(deps.secret, aadObjectId, version)}.ics`;
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), version };
}

/** the matrix's kalenderlank: anyone with a current role has a calendar; a refusal is logged */
async function assertHasRole(deps: CalendarFeedDeps, aadObjectId: string): Promise<void> {
  await authorize(deps, await actorOf(deps, aadObjectId), 'kalenderlank', {}, { list: 'Settings', id: 'kalender' });
}

export async function getCalendarLink(
  deps: CalendarFeedDeps,
  aadObjectId: string,
  baseUrl: string,
): Promise<CalendarLink> {
  await assertHasRole(deps, aadObjectId);
  return linkOf(deps, baseUrl, aadObjectId, await readFeedVersion(deps.repos.settings, aadObjectId));
}

/** a new link; the old one answers 404 from now on */
export async function renewCalendarLink(
  deps: CalendarFeedDeps,
  aadObjectId: string,
  baseUrl: string,
): Promise<CalendarLink> {
  await assertHasRole(deps, aadObjectId);
  const next = (await readFeedVersion(deps.repos.settings, aadObjectId)) + 1;
  await deps.repos.settings.set(feedVersionKey(aadObjectId), String(next));
  return linkOf(deps, baseUrl, aadObjectId, next);
}
