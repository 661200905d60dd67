/**
 * Boots Insatsnavet as `npm start` does (random ports, a fresh data folder, the demo seeded) and
 * calls the register's API as a demo person with the dev bearer, plus direct repositories on the
 * same local SharePoint to check what was (and was not) stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config/env.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';
import { demoPerson, type PersonKey } from '../../../src/sharepoint/demo/demo-people.ts';
import { createGraphClient } from '../../../src/sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../../src/sharepoint/site.ts';

export type ApiAnswer = { status: number; body: Record<string, unknown> & { error?: ErrorBody } };
type ErrorBody = { code: string; message: string; details?: { fields?: Record<string, string>; reasons?: string[] } };

export type ApiHarness = {
  readonly app: RunningApp;
  readonly dataDir: string;
  readonly repos: Repositories;
  call(
    as: PersonKey | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer>;
  close(): Promise<void>;
};

export async function startApiHarness(): Promise<ApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-api-'));
  // no sweep on the real clock in the middle of the tests (the sweep has its own)
  const config = loadConfig({
    PORT: '0',
    LOCAL_SHAREPOINT_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SWEEP_SCHEDULE: 'off',
  });
  const app = await bootApp(config, createLogger('silent'));
  const graph = createGraphClient({ baseUrl: `${app.localSharePointUrl}/v1.0`, auth: { kind: 'dev-token' } });
  const site = await resolveSite(graph, undefined);
  const provisioned = await provisionSchema(graph, site.id);
  const repos = createRepositories(graph, {
    siteId: site.id,
    listIds: provisioned.listIds,
    driveIds: provisioned.driveIds,
  });
  return {
    app,
    dataDir,
    repos,
    async call(as, method, path, body, headers = {}) {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: {
          ...(as === null ? {} : { authorization: `Bearer dev:${demoPerson(as).aadObjectId}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as ApiAnswer['body'] };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
