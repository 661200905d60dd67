/**
 * The kansli saves settings (a partial update: only the fields given). The input has been parsed
 * with kansliSettingsPatchSchema, i.e. with the sweep's own parsers and limits, so whatever is
 * stored here the sweep reads as that value. Only keys whose value changes are written; one
 * AuditLog row `installningar.andrad` records each key's old and new stored text. Anyone else
 * is refused (403) and the attempt is logged as `nekad`.
 *
 * A new due rule needs nothing more: it is part of every insats's RequisitionSync fingerprint, so
 * the next sweep replans the expected requisitions of every insats that follows the förbund's rule.
 */
import { nowToTheSecond } from '../../domain/clock.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import {
  KANSLI_SETTING_FIELDS,
  KANSLI_SETTING_KEYS,
  type KansliSettingsPatch,
  readKansliSetting,
  sameSetting,
  storedTextOf,
} from '../../domain/settings/kansli-settings.ts';
import { authorize } from '../authorization/refuse.ts';
import { type SettingsDeps, type SettingsView, settingsViewOf } from './settings-view.ts';

export const SETTINGS_ENTITY_LIST = 'Settings';
/** the AuditLog's EntityId for the settings screen's keys as a whole */
export const SETTINGS_ENTITY_ID = 'installningar';

export type SettingsChange = { readonly key: string; readonly from: string | null; readonly to: string };

export async function updateSettings(
  deps: SettingsDeps,
  actor: Actor,
  patch: KansliSettingsPatch,
): Promise<SettingsView & { readonly changed: readonly string[] }> {
  const requested = KANSLI_SETTING_FIELDS.filter((field) => patch[field] !== undefined);
  await authorize(
    deps,
    actor,
    'andra-installningar',
    {},
    { list: SETTINGS_ENTITY_LIST, id: SETTINGS_ENTITY_ID },
    { details: { keys: requested.map((field) => KANSLI_SETTING_KEYS[field]) } },
  );
  const stored = await deps.repos.settings.getAll();
  const changes: SettingsChange[] = [];
  for (const field of requested) {
    const value = patch[field];
    if (value === undefined) {
      continue;
    }
    const key = KANSLI_SETTING_KEYS[field];
    const current = readKansliSetting(field, stored[key]);
    // the same value in force (a blank key reads as its default) is no change, whatever its spelling
    if (current.problem === null && sameSetting(field, current.value, value)) {
      continue;
    }
    changes.push({ key, from: stored[key] ?? null, to: storedTextOf(field, value) });
  }
  for (const change of changes) {
    await deps.repos.settings.set(change.key, change.to);
  }
  if (changes.length > 0) {
    await audit(deps, actor, 'installningar.andrad', { changes });
  }
  const after = { ...stored, ...Object.fromEntries(changes.map((change) => [change.key, change.to])) };
  return { ...settingsViewOf(after, actor), changed: changes.map((change) => change.key) };
}

async function audit(
  deps: SettingsDeps,
  actor: Actor,
  action: 'installningar.andrad',
  details: Record<string, unknown>,
): Promise<void> {
  await deps.repos.auditLog.append({
    at: nowToTheSecond(deps.clock),
    actorAadId: actor.aadObjectId,
    action,
    entityList: SETTINGS_ENTITY_LIST,
    entityId: SETTINGS_ENTITY_ID,
    details,
  });
}
