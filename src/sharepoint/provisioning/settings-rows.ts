/**
 * The Settings defaults (schema.ts SETTING_DEFAULTS): a row is added for every key that is
 * missing, and a value the kansli changed is never touched. One GET reads all keys.
 */
import { z } from 'zod';
import type { GraphClient } from '../graph/graph-client.ts';
import { applyWrites, type Write } from './apply-writes.ts';

const settingRowSchema = z.object({ fields: z.object({ Title: z.string().nullish() }).loose() });

export async function ensureSettings(
  graph: GraphClient,
  siteId: string,
  settingsListId: string,
  defaults: Readonly<Record<string, string>>,
  options: { readonly listIsNew: boolean },
): Promise<string[]> {
  const itemsUrl = `/sites/${siteId}/lists/${settingsListId}/items`;
  // A list created a moment ago is empty: no need to ask.
  const present = options.listIsNew ? new Set<string>() : await readKeys(graph, itemsUrl);
  const missing = Object.entries(defaults).filter(([key]) => !present.has(key));
  const writes: Write[] = missing.map(([key, value]) => ({
    label: key,
    method: 'POST',
    url: itemsUrl,
    body: { fields: { Title: key, Value: value } },
  }));
  await applyWrites(graph, writes);
  return missing.map(([key]) => key);
}

async function readKeys(graph: GraphClient, itemsUrl: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const raw of await graph.getAll(`${itemsUrl}?$expand=fields($select=Title)`)) {
    const row = settingRowSchema.safeParse(raw);
    // A row without a readable key is the kansli's to fix; it cannot stand for a default.
    if (row.success && typeof row.data.fields.Title === 'string') {
      keys.add(row.data.fields.Title);
    }
  }
  return keys;
}
