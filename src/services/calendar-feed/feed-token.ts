/**
 * The secret in a calendar feed link. Outlook subscribes to a URL and sends no credentials, so
 * the URL itself is the credential: an HMAC of the person's Entra id and a version number, signed
 * with CALENDAR_FEED_SECRET. Nothing secret is stored in SharePoint (the kansli can read Settings),
 * and a leaked link is revoked by raising the person's version (a new link).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** 32 base64url characters = 192 bits: not guessable, short enough for a URL someone pastes */
const TOKEN_LENGTH = 32;

export function feedToken(secret: string, aadObjectId: string, version: number): string {
  return createHmac('sha256', secret)
    .update(`kalender:${aadObjectId.toLowerCase()}:${version}`)
    .digest('base64url')
    .slice(0, TOKEN_LENGTH);
}

/** constant time, so response timing tells an attacker nothing about how close a guess was */
export function isValidFeedToken(secret: string, aadObjectId: string, version: number, token: string): boolean {
  const expected = Buffer.from(feedToken(secret, aadObjectId, version));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
