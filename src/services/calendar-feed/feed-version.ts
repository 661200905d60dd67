/**
 * Each person's link version, in Settings as `kalender.version.<Entra id>` (absent: 1). Raising
 * it invalidates the old link at once.
 */
import type { SettingsRepository } from '../../domain/ports/settings-repository.ts';

export function feedVersionKey(aadObjectId: string): string {
  return `kalender.version.${aadObjectId.toLowerCase()}`;
}

export async function readFeedVersion(settings: Pick<SettingsRepository, 'get'>, aadObjectId: string): Promise<number> {
  const stored = await settings.get(feedVersionKey(aadObjectId));
  const version = stored === null ? Number.NaN : Number(stored.trim());
  // a value typed by hand that is not a positive whole number counts as 1, the first link
  return Number.isSafeInteger(version) && version > 0 ? version : 1;
}
