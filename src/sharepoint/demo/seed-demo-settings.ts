/**
 * The demo förbund's settings beyond the defaults provisioning writes: its name, which the
 * samarbetsavtal is drawn up in ("Samordningsförbundet Värend"). Idempotent, and only over the
 * default: a name the kansli typed is kept.
 */
import type { Repositories } from '../../domain/ports/repositories.ts';
import { SETTING_DEFAULTS } from '../schema.ts';
import { DEMO_FORBUND } from './demo-documents.ts';

const NAME_KEY = 'forbund.namn';

export async function seedDemoSettings(repos: Pick<Repositories, 'settings'>): Promise<boolean> {
  const current = await repos.settings.get(NAME_KEY);
  if (current !== null && current.trim() !== '' && current !== SETTING_DEFAULTS[NAME_KEY]) {
    return false;
  }
  await repos.settings.set(NAME_KEY, DEMO_FORBUND);
  return true;
}
