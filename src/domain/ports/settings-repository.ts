/** The förbund's settings (list `Settings`): text values by key, JSON where structured. */
export interface SettingsRepository {
  /** every stored setting with a value; a key without a value is left out (its default applies) */
  getAll(): Promise<Record<string, string>>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}
