/**
 * The Graph contract against a real tenant. Runs only with INSATSNAVET_LIVE_GRAPH=1 and
 * GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, SHAREPOINT_SITE set (the app needs
 * Sites.Selected write access to that site); skipped otherwise. It creates lists with a unique
 * `Kontrakt-…` prefix and deletes them afterwards.
 */
import { describe } from 'vitest';
import { createGraphClient } from '../../src/sharepoint/graph/create-graph-client.ts';
import { resolveSite } from '../../src/sharepoint/site.ts';
import { defineGraphContract } from './graph-contract.ts';

const env = {
  live: process.env.INSATSNAVET_LIVE_GRAPH === '1',
  tenantId: process.env.GRAPH_TENANT_ID,
  clientId: process.env.GRAPH_CLIENT_ID,
  clientSecret: process.env.GRAPH_CLIENT_SECRET,
  site: process.env.SHAREPOINT_SITE,
  baseUrl: process.env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0',
};
const configured =
  env.live &&
  env.tenantId !== undefined &&
  env.clientId !== undefined &&
  env.clientSecret !== undefined &&
  env.site !== undefined;

describe.skipIf(!configured)('live Microsoft Graph', () => {
  defineGraphContract('Microsoft Graph (live tenant)', async () => {
    const graph = createGraphClient({
      baseUrl: env.baseUrl,
      auth: {
        kind: 'client-credentials',
        tenantId: env.tenantId ?? '',
        clientId: env.clientId ?? '',
        clientSecret: env.clientSecret ?? '',
      },
    });
    const site = await resolveSite(graph, env.site);
    return {
      graph,
      siteId: site.id,
      cleanup: async (listIds) => {
        // Newest first: a list is deleted before the list its lookups point to.
        for (const listId of [...listIds].reverse()) {
          await graph.delete(`/sites/${site.id}/lists/${listId}`);
        }
      },
    };
  });
});
