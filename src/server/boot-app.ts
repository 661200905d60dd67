/**
 * Wires the whole app by hand (DESIGN.md §8): config → Graph → provisioning → repositories →
 * HTTP server. `npm start` and the end-to-end tests both boot through here, so what the tests
 * start is what a förbund runs.
 */
import type { AddressInfo } from 'node:net';
import { createMessagesHandler } from '../../bot/create-messages-handler.ts';
import { type LocalSharePoint, startLocalSharePoint } from '../../infra/local-sharepoint/server.ts';
import type { Config } from '../config/env.ts';
import { seedDemoData } from '../sharepoint/demo/seed-demo-data.ts';
import { createGraphClient } from '../sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../sharepoint/site.ts';
import { createServer } from './create-server.ts';
import { renderHomePage } from './home-page.ts';
import type { Logger } from './logger.ts';

export type RunningApp = {
  readonly url: string;
  readonly port: number;
  readonly localSharePointUrl: string | undefined;
  readonly seeded: boolean;
  readonly readyInMs: number;
  close(): Promise<void>;
};

export async function bootApp(config: Config, logger: Logger): Promise<RunningApp> {
  const startedAt = performance.now();
  let localSharePoint: LocalSharePoint | undefined;
  if (config.usesLocalSharePoint) {
    localSharePoint = await startLocalSharePoint({ port: config.localSharePointPort, dataDir: config.dataDir });
  }
  try {
    const graphBaseUrl = localSharePoint?.graphUrl ?? config.graphBaseUrl;
    const graph = createGraphClient({ baseUrl: graphBaseUrl, auth: config.graphAuth, logger });
    const site = await resolveSite(graph, config.sharePointSite);
    const provisioned = await provisionSchema(graph, site.id);
    const repositories = createRepositories(
      graph,
      { siteId: site.id, listIds: provisioned.listIds, driveIds: provisioned.driveIds },
      {
        onInvalidRow: (listKey, itemId, issues) =>
          logger.warn({ listKey, itemId, issues }, 'en rad i SharePoint kunde inte läsas och hoppades över'),
      },
    );

    let seeded = false;
    if (localSharePoint !== undefined) {
      const emulatorUrl = localSharePoint.url;
      const report = await seedDemoData(repositories, {
        directory: async (directory) => {
          const response = await fetch(`${emulatorUrl}/_emulator/directory`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(directory),
          });
          if (!response.ok) {
            throw new Error(`could not load the demo directory: ${response.status}`);
          }
        },
      });
      seeded = report.seeded;
    }

    const server = createServer({
      logger,
      handleBotMessage: createMessagesHandler(config.bot, logger),
      renderHomePage: () => renderHomePage(repositories, { timeZone: config.timeZone }),
      checkHealth: async () => {
        await graph.get(`/sites/${site.id}`);
        return { ok: true, graph: graphBaseUrl };
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.listenHost, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const local = localSharePoint;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      localSharePointUrl: local?.url,
      seeded,
      readyInMs: Math.round(performance.now() - startedAt),
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await local?.close();
      },
    };
  } catch (error) {
    await localSharePoint?.close();
    throw error;
  }
}
