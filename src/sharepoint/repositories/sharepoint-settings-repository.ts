import { z } from 'zod';
import type { SettingsRepository } from '../../domain/ports/settings-repository.ts';
import { textColumn } from './field-codecs.ts';
import type { FieldMap } from './item-mapping.ts';
import { type ListContext, ListTable } from './list-table.ts';

type SettingRow = { key: string; value: string | null };

const newSettingSchema = z.object({ key: z.string().trim().min(1).max(255), value: z.string().nullable() });
const settingSchema = newSettingSchema.extend({ id: z.string(), etag: z.string() });

const settingFields: FieldMap<SettingRow> = {
  key: textColumn('Title'),
  value: textColumn('Value'),
};

/**
 * Settings (Inställningar): Title is the key. Title is not indexed and there are a dozen rows,
 * so every read takes the whole list and looks the key up here. Should the kansli add a key
 * twice, the row with the lowest id wins and `set` updates that one.
 */
export class SharePointSettingsRepository implements SettingsRepository {
  private readonly table: ListTable<SettingRow, SettingRow & { id: string; etag: string }>;

  constructor(context: ListContext) {
    this.table = new ListTable(context, {
      fields: settingFields,
      schema: settingSchema,
      newSchema: newSettingSchema,
      patchSchema: newSettingSchema.partial(),
    });
  }

  async getAll(): Promise<Record<string, string>> {
    const all: Record<string, string> = {};
    for (const row of await this.rowsByKey()) {
      if (row.value !== null && !Object.hasOwn(all, row.key)) {
        all[row.key] = row.value;
      }
    }
    return all;
  }

  async get(key: string): Promise<string | null> {
    const all = await this.getAll();
    return Object.hasOwn(all, key) ? (all[key] ?? null) : null;
  }

  async set(key: string, value: string): Promise<void> {
    const existing = (await this.rowsByKey()).find((row) => row.key === key);
    if (existing === undefined) {
      await this.table.create({ key, value });
    } else if (existing.value !== value) {
      await this.table.update(existing.id, { value });
    }
  }

  private async rowsByKey(): Promise<Array<SettingRow & { id: string; etag: string }>> {
    const rows = await this.table.query();
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }
}
