/** The settings screen's values (kansli and board; others 403), in one read of the Settings list. */
import { AppError } from '../../domain/app-error.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import { mayReadSettings, type SettingsDeps, type SettingsView, settingsViewOf } from './settings-view.ts';

export async function getSettings(deps: SettingsDeps, actor: Actor): Promise<SettingsView> {
  if (!mayReadSettings(actor)) {
    throw new AppError('FORBIDDEN', `${actor.aadObjectId} may not read the settings`, {
      userMessage: 'Inställningarna visas för kansliet och styrelsen.',
    });
  }
  return settingsViewOf(await deps.repos.settings.getAll(), actor);
}
