/**
 * The key that signs calendar feed links. Production sets CALENDAR_FEED_SECRET (Key Vault);
 * locally one is made once and kept in DATA_DIR, so subscribed links survive a restart and
 * disappear with the demo data.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'calendar-feed-secret';

export function calendarSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) {
    return configured;
  }
  const path = join(dataDir, FILE_NAME);
  try {
    const stored = readFileSync(path, 'utf8').trim();
    if (stored.length >= 32) {
      return stored;
    }
  } catch {
    // no file yet: the first start makes one below
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
