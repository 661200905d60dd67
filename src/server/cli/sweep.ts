/**
 * `npm run sweep [-- --now <ISO instant>]`: reads the insats register once and reports every
 * anomaly in Swedish (a guard broken by an edit in SharePoint, a row that cannot be read). It
 * never "fixes" anything: the kansli decides. Exits 0 when the sweep ran, whatever it found.
 *
 * Against the embedded local SharePoint it uses the one `npm start` runs, if any, and otherwise
 * starts one on LOCAL_SHAREPOINT_PORT and DATA_DIR for the duration.
 */
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';
import { ConfigError, loadConfig } from '../../config/env.ts';
import type { Anomaly } from '../../domain/anomalies/anomaly.ts';
import { todayIn } from '../../domain/calendar/today.ts';
import { type Clock, FixedClock } from '../../domain/clock.ts';
import { listAnomalies } from '../../services/register/list-anomalies.ts';
import { createGraphClient } from '../../sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../sharepoint/site.ts';
import { createUnreadableRowLog } from '../api/unreadable-row-log.ts';
import { createLogger } from '../logger.ts';
import { systemClock } from '../system-clock.ts';

function clockFromArgs(args: readonly string[]): Clock {
  const index = args.findIndex((arg) => arg === '--now' || arg.startsWith('--now='));
  if (index < 0) {
    return systemClock;
  }
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  if (value === undefined || Number.isNaN(Date.parse(value))) {
    throw new ConfigError([{ variable: '--now', problem: 'måste vara en tidpunkt, t.ex. 2026-11-24T08:00:00Z' }]);
  }
  return new FixedClock(value);
}

/** an `npm start` already serving the data folder: two processes must not open one SQLite file */
async function isServing(graphUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${graphUrl}/sites/root`, { headers: { authorization: 'Bearer sweep' } });
    return response.ok;
  } catch {
    // nothing listening: the sweep starts its own local SharePoint
    return false;
  }
}

function report(anomalies: readonly Anomaly[], today: string): string {
  const errors = anomalies.filter((anomaly) => anomaly.severity === 'fel').length;
  const lines = [`Svep av insatsregistret ${today}`];
  if (anomalies.length === 0) {
    lines.push('Inga avvikelser.');
    return lines.join('\n');
  }
  const warnings = anomalies.length - errors;
  lines.push(
    `${anomalies.length} ${anomalies.length === 1 ? 'avvikelse' : 'avvikelser'} (${errors} fel, ${warnings} ${warnings === 1 ? 'varning' : 'varningar'}):`,
  );
  for (const anomaly of anomalies) {
    lines.push(
      `  ${anomaly.severity.padEnd(7)} ${(anomaly.interventionCode ?? '–').padEnd(8)} ${anomaly.title}: ${anomaly.message}`,
    );
  }
  lines.push('Inget har ändrats: kansliet avgör vad som ska rättas.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const clock = clockFromArgs(process.argv.slice(2));
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  let local: LocalSharePoint | undefined;
  let graphUrl = config.graphBaseUrl;
  if (config.usesLocalSharePoint && !(await isServing(graphUrl))) {
    local = await startLocalSharePoint({ port: config.localSharePointPort, dataDir: config.dataDir });
    graphUrl = local.graphUrl;
  }
  try {
    const graph = createGraphClient({ baseUrl: graphUrl, auth: config.graphAuth, logger });
    const site = await resolveSite(graph, config.sharePointSite);
    const provisioned = await provisionSchema(graph, site.id);
    const unreadableRows = createUnreadableRowLog();
    const repos = createRepositories(
      graph,
      { siteId: site.id, listIds: provisioned.listIds, driveIds: provisioned.driveIds },
      { onInvalidRow: unreadableRows.report },
    );
    const anomalies = await listAnomalies({ repos, clock, timeZone: config.timeZone, unreadableRows }, null);
    console.log(report(anomalies, todayIn(clock, config.timeZone)));
  } finally {
    await local?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
