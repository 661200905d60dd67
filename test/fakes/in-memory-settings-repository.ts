import type { SettingsRepository } from '../../src/domain/ports/settings-repository.ts';

export class InMemorySettingsRepository implements SettingsRepository {
  readonly values = new Map<string, string>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [key, value] of Object.entries(initial)) {
      this.values.set(key, value);
    }
  }

  async getAll(): Promise<Record<string, string>> {
    return Object.fromEntries(this.values);
  }

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
}
