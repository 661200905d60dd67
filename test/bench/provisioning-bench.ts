/**
 * How many Graph requests provisioning makes on an empty site and on an already provisioned one
 * (goal: zero writes), counted with the local SharePoint's request log, in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSharePoint } from '../../infra/local-sharepoint/server.ts';
import { createGraphClient } from '../../src/sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../src/sharepoint/provisioning/provision-schema.ts';
import { resolveSite } from '../../src/sharepoint/site.ts';

type RequestLog = { writes: number; entries: { inBatch: boolean; route: string }[] };

/** what crossed the wire: a $batch envelope counts once */
const httpRequests = (log: RequestLog): number => log.entries.filter((entry) => !entry.inBatch).length;
/** what Graph executed: each request inside a $batch counts, the envelope does not */
const operations = (log: RequestLog): number => log.entries.filter((entry) => entry.route !== 'POST /$batch').length;

export async function benchProvisioning(): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-bench-prov-'));
  const local = await startLocalSharePoint({ port: 0, dataDir });
  try {
    const graph = createGraphClient({ baseUrl: local.graphUrl, auth: { kind: 'dev-token' } });
    const site = await resolveSite(graph, undefined);
    const log = async (): Promise<RequestLog> =>
      (await (await fetch(`${local.url}/_emulator/requests`)).json()) as RequestLog;
    const clear = async (): Promise<void> => {
      await fetch(`${local.url}/_emulator/requests`, { method: 'DELETE' });
    };

    await clear();
    let started = performance.now();
    await provisionSchema(graph, site.id);
    const firstMs = performance.now() - started;
    const first = await log();

    await clear();
    started = performance.now();
    await provisionSchema(graph, site.id);
    const secondMs = performance.now() - started;
    const second = await log();

    return {
      'provision empty site: HTTP requests ($batch counts once)': httpRequests(first),
      'provision empty site: Graph operations': operations(first),
      'provision empty site: writes': first.writes,
      'provision empty site: ms': Math.round(firstMs),
      'provision provisioned site: HTTP requests': httpRequests(second),
      'provision provisioned site: Graph operations': operations(second),
      'provision provisioned site: writes': second.writes,
      'provision provisioned site: ms': Math.round(secondMs),
    };
  } finally {
    await local.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
