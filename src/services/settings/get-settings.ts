/** The settings screen's values (kansli and board, the matrix's lasa-installningar; others 403, logged), in one read of the Settings list. */

import type { Actor } from '../../domain/lifecycle/actor.ts';
import { authorize } from '../authorization/refuse.ts';
import { type SettingsDeps, type SettingsView, settingsViewOf } from './settings-view.ts';
import { SETTINGS_ENTITY_ID, SETTINGS_ENTITY_LIST } from './update-settings.ts';

export async function getSettings(deps: SettingsDeps, actor: Actor): Promise<SettingsView> {
  await authorize(deps, actor, 'lasa-installningar', {}, { list: SETTINGS_ENTITY_LIST, id: SETTINGS_ENTITY_ID });
  return settingsViewOf(await deps.repos.settings.getAll(), actor);
}
