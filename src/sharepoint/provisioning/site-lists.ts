/**
 * What is on the site now: every list with its columns, read in one request
 * (`lists?$expand=columns`, following nextLinks). Only the properties provisioning compares are
 * parsed; anything else Graph sends is ignored.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import type { GraphClient } from '../graph/graph-client.ts';

const columnSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().optional(),
  indexed: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  text: z.object({ allowMultipleLines: z.boolean().optional() }).loose().optional(),
  number: z.object({}).loose().optional(),
  currency: z.object({}).loose().optional(),
  dateTime: z.object({ format: z.string().optional() }).loose().optional(),
  boolean: z.object({}).loose().optional(),
  choice: z
    .object({
      choices: z.array(z.string()).optional(),
      displayAs: z.string().optional(),
      allowTextEntry: z.boolean().optional(),
    })
    .loose()
    .optional(),
  lookup: z.object({ listId: z.string().optional() }).loose().optional(),
});

const listSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  list: z.object({ template: z.string().optional() }).loose().optional(),
  columns: z.array(columnSchema).optional(),
});

export type ExistingColumn = z.infer<typeof columnSchema>;
export type ExistingList = {
  readonly id: string;
  readonly displayName: string;
  readonly template: string | undefined;
  readonly columns: readonly ExistingColumn[];
};

export async function readSiteLists(graph: GraphClient, siteId: string): Promise<ExistingList[]> {
  const path = `/sites/${siteId}/lists?$expand=columns`;
  const lists: ExistingList[] = [];
  for (const raw of await graph.getAll(path)) {
    const parsed = listSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('UPSTREAM_FAILED', `Graph GET ${path} returned a list provisioning cannot read`, {
        details: { method: 'GET', path, issues: parsed.error.issues.slice(0, 5) },
      });
    }
    lists.push({
      id: parsed.data.id,
      displayName: parsed.data.displayName,
      template: parsed.data.list?.template,
      columns: parsed.data.columns ?? [],
    });
  }
  return lists;
}
