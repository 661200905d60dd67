/**
 * What loading the demo data costs: Graph requests (a $batch envelope counts once) and time,
 * on a freshly provisioned site of the local SharePoint, and the cost of the no-op second call.
 */

import { seedDemoData } from '../../src/sharepoint/demo/seed-demo-data.ts';
import { provisionSchema } from '../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../src/sharepoint/repositories/create-repositories.ts';
import { useLocalSharePoint } from '../support/local-sharepoint.ts';

export async function benchSeeding(): Promise<Record<string, number | string>> {
  const sp = await useLocalSharePoint();
  try {
    const provisioned = await provisionSchema(sp.graph, sp.siteId);
    const repositories = createRepositories(sp.graph, { siteId: sp.siteId, ...provisioned });
    await sp.clearRequests();
    let started = performance.now();
    const report = await seedDemoData(repositories);
    const firstMs = performance.now() - started;
    const first = await sp.requests();
    await sp.clearRequests();
    started = performance.now();
    await seedDemoData(repositories);
    const secondMs = performance.now() - started;
    const second = await sp.requests();
    const rows = report.seeded ? Object.values(report.counts).reduce((sum, count) => sum + count, 0) : 0;
    const http = (log: typeof first): number => log.entries.filter((entry) => !entry.inBatch).length;
    return {
      'demo rows written': rows,
      'seed: HTTP requests ($batch counts once)': http(first),
      'seed: writes': first.writes,
      'seed: ms': Math.round(firstMs),
      'second seed (no-op): HTTP requests': http(second),
      'second seed (no-op): writes': second.writes,
      'second seed (no-op): ms': Math.round(secondMs),
    };
  } finally {
    await sp.close();
  }
}
