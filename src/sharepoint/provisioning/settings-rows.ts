/**
 * The Settings rows provisioning owns. Defaults (schema.ts SETTING_DEFAULTS): a row is added for
 * every key that is missing, and a value the kansli changed is never touched. Pinned values
 * (`schema.version`): the app's, not the kansli's — added when missing and corrected when they
 * differ. One GET reads all keys; nothing is written when everything is in place.
 */
import { z } from 'zod';
import type { GraphClient } from '../graph/graph-client.ts';
import { applyWrites, type Write } from './apply-writes.ts';

const settingRowSchema = z.object({
  id: z.string(),
  fields: z.object({ Title: z.string().nullish(), Value: z.string().nullish() }).loose(),
});

type PresentRow = { readonly id: string; readonly value: string | null | undefined };

export type EnsuredSettings = {
  /** default and pinned keys that were added */
  readonly created: string[];
  /** pinned keys whose value was corrected */
  readonly updated: string[];
};

export async function ensureSettings(
  graph: GraphClient,
  siteId: string,
  settingsListId: string,
  defaults: Readonly<Record<string, string>>,
  options: { readonly listIsNew: boolean; readonly pinned?: Readonly<Record<string, string>> },
): Promise<EnsuredSettings> {
  const itemsUrl = `/sites/${siteId}/lists/${settingsListId}/items`;
  // A list created a moment ago is empty: no need to ask.
  const present = options.listIsNew ? new Map<string, PresentRow>() : await readRows(graph, itemsUrl);
  const pinned = Object.entries(options.pinned ?? {});
  const missing = [...Object.entries(defaults), ...pinned].filter(([key]) => !present.has(key));
  const stale = pinned.flatMap(([key, value]) => {
    const row = present.get(key);
    return row !== undefined && row.value !== value ? [{ key, value, id: row.id }] : [];
  });
  const writes: Write[] = [
    ...missing.map(
      ([key, value]): Write => ({
        label: key,
        method: 'POST',
        url: itemsUrl,
        body: { fields: { Title: key, Value: value } },
      }),
    ),
    ...stale.map(
      ({ key, value, id }): Write => ({
        label: key,
        method: 'PATCH',
        url: `${itemsUrl}/${id}/fields`,
        body: { Value: value },
      }),
    ),
  ];
  await applyWrites(graph, writes);
  return { created: missing.map(([key]) => key), updated: stale.map(({ key }) => key) };
}

async function readRows(graph: GraphClient, itemsUrl: string): Promise<Map<string, PresentRow>> {
  const rows = new Map<string, PresentRow>();
  for (const raw of await graph.getAll(`${itemsUrl}?$expand=fields($select=Title,Value)`)) {
    const row = settingRowSchema.safeParse(raw);
    // A row without a readable key is the kansli's to fix; it cannot stand for a default.
    // Should a key exist twice, the first row counts (as in the settings repository).
    if (row.success && typeof row.data.fields.Title === 'string' && !rows.has(row.data.fields.Title)) {
      rows.set(row.data.fields.Title, { id: row.data.id, value: row.data.fields.Value });
    }
  }
  return rows;
}
