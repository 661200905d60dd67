/**
 * The drive (document library storage) behind each library list: one GET of the site's drives,
 * matched by name, which SharePoint sets to the library's title; a library not matched that way
 * (a renamed drive) is asked for directly.
 */
import { z } from 'zod';
import type { GraphClient } from '../graph/graph-client.ts';
import type { ListKey } from '../schema.ts';

const driveSchema = z.object({ id: z.string(), name: z.string().optional() });

export type Library = { readonly key: ListKey; readonly title: string; readonly listId: string };

export async function resolveDriveIds(
  graph: GraphClient,
  siteId: string,
  libraries: readonly Library[],
): Promise<Partial<Record<ListKey, string>>> {
  const driveIds: Partial<Record<ListKey, string>> = {};
  if (libraries.length === 0) {
    return driveIds;
  }
  const byName = new Map<string, string>();
  for (const raw of await graph.getAll(`/sites/${siteId}/drives`)) {
    const drive = driveSchema.safeParse(raw);
    if (drive.success && drive.data.name !== undefined) {
      byName.set(drive.data.name, drive.data.id);
    }
  }
  for (const library of libraries) {
    const id = byName.get(library.title);
    if (id !== undefined) {
      driveIds[library.key] = id;
      continue;
    }
    const drive = driveSchema.safeParse(await graph.get(`/sites/${siteId}/lists/${library.listId}/drive`));
    if (drive.success) {
      driveIds[library.key] = drive.data.id;
    }
  }
  return driveIds;
}
