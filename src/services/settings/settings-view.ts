/**
 * The kansli's settings as the settings screen shows them: the values in force (as the sweep reads
 * them), the defaults, the Settings keys they are stored under, the stored values that do not
 * parse (the default is in force for those), and whether the viewer may change them.
 */
import { isAllowed } from '../../domain/authorization/may.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import {
  DEFAULT_KANSLI_SETTINGS,
  KANSLI_SETTING_FIELDS,
  KANSLI_SETTING_KEYS,
  type KansliSettingField,
  type KansliSettings,
  readKansliSettings,
} from '../../domain/settings/kansli-settings.ts';
import type { RegisterDeps } from '../register/register-deps.ts';

export type SettingsDeps = Pick<RegisterDeps, 'repos' | 'clock'>;

export type SettingsView = {
  readonly settings: KansliSettings;
  readonly defaults: KansliSettings;
  readonly keys: Readonly<Record<KansliSettingField, string>>;
  /** stored values the sweep cannot read: the default is in force until someone saves a good one */
  readonly problems: ReadonlyArray<{
    readonly field: KansliSettingField;
    readonly key: string;
    readonly message: string;
  }>;
  /** the kansli may change them; the board only reads */
  readonly mayEdit: boolean;
};

export function settingsViewOf(stored: Readonly<Record<string, string | undefined>>, actor: Actor): SettingsView {
  const { settings, problems } = readKansliSettings(stored);
  return {
    settings,
    defaults: DEFAULT_KANSLI_SETTINGS,
    keys: KANSLI_SETTING_KEYS,
    problems: KANSLI_SETTING_FIELDS.flatMap((field) => {
      const message = problems[field];
      return message === undefined ? [] : [{ field, key: KANSLI_SETTING_KEYS[field], message }];
    }),
    mayEdit: isAllowed(actor, 'andra-installningar'),
  };
}
