/**
 * A link to an agreement's PDF that opens from a card (issue 8): Teams opens Action.OpenUrl in a
 * browser, which sends no sign-in header, so the link itself carries who it was made for, until
 * when, and an HMAC of both and the file (the calendar feed's secret, another purpose prefix).
 * The route still asks whether that person may read the file now; the link only says who asks.
 * Cards refresh when opened, so a link is made afresh each time; it lasts LINK_DAYS.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../domain/clock.ts';

export const LINK_DAYS = 30;
const KEY_LENGTH = 43;

export type FileLinkGrant = { readonly vem: string; readonly till: string; readonly nyckel: string };

function key(secret: string, driveItemId: string, aadObjectId: string, until: string): string {
  return createHmac('sha256', secret)
    .update(`avtal:${driveItemId}:${aadObjectId.toLowerCase()}:${until}`)
    .digest('base64url')
    .slice(0, KEY_LENGTH);
}

/** `<base>/api/avtal/<id>/fil?vem=…&till=…&nyckel=…` for this person, valid LINK_DAYS from now */
export function agreementFileLink(
  options: { readonly baseUrl: string; readonly secret: string; readonly clock: Clock },
  driveItemId: string,
  aadObjectId: string,
): string {
  const until = new Date(options.clock.now().getTime() + LINK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const query = new URLSearchParams({
    vem: aadObjectId.toLowerCase(),
    till: until,
    nyckel: key(options.secret, driveItemId, aadObjectId, until),
  });
  return `${options.baseUrl}/api/avtal/${encodeURIComponent(driveItemId)}/fil?${query.toString()}`;
}

/** the person a link was made for, when it is genuine and not expired; null otherwise */
export function personOfLink(
  options: { readonly secret: string; readonly clock: Clock },
  driveItemId: string,
  grant: Partial<FileLinkGrant>,
): string | null {
  const { vem, till, nyckel } = grant;
  if (typeof vem !== 'string' || typeof till !== 'string' || typeof nyckel !== 'string') {
    return null;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(till) || till < options.clock.now().toISOString().slice(0, 10)) {
    return null;
  }
  const expected = Buffer.from(key(options.secret, driveItemId, vem, till));
  const given = Buffer.from(nyckel);
  return given.length === expected.length && timingSafeEqual(given, expected) ? vem : null;
}
