/**
 * `npm run sweep [-- --now <ISO instant>] [--full]`: one full sweep at that instant, the same one
 * the server runs every minute — requisitions kept in step with the register, the reminders and
 * escalations due then, the approvals pickup — plus the register's anomalies, and a Swedish
 * report. Exits 0 when the sweep ran, whatever it found.
 *
 * It sends for real: through the outbox and the bot's proactive sender, built as boot-app builds
 * it, so a reminder reaches a conversation the person has with the bot (Teams, the Agents
 * Playground). Someone the bot has no conversation with is named in the report, and the
 * Notifications row says so.
 *
 * With --now the sweep's clock starts at that instant and runs on in real time, so the pacing of
 * sends still works; each reminder's outbox row then carries times of that day too.
 *
 * Against the embedded local SharePoint it uses the one `npm start` runs, if any, and otherwise
 * starts one on LOCAL_SHAREPOINT_PORT and DATA_DIR for the duration.
 */
import { randomUUID } from 'node:crypto';
import { createApprovalMessages } from '../../../bot/cards/approval-messages.ts';
import { createInvoicingMessages } from '../../../bot/cards/requisition-messages.ts';
import { createBot } from '../../../bot/create-bot.ts';
import { createBotFrameworkSender } from '../../../bot/proactive/bot-framework-sender.ts';
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';
import { ConfigError, loadConfig } from '../../config/env.ts';
import type { Clock } from '../../domain/clock.ts';
import type { ApprovalDeps } from '../../services/approvals/approval-deps.ts';
import type { InvoicingDeps } from '../../services/invoicing/invoicing-deps.ts';
import { createNotifier } from '../../services/notifications/create-notifier.ts';
import { formatSweepReport } from '../../services/sweep/format-sweep-report.ts';
import { runSweep } from '../../services/sweep/run-sweep.ts';
import { createSweepState } from '../../services/sweep/sweep-deps.ts';
import { createGraphClient } from '../../sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../sharepoint/site.ts';
import { createUnreadableRowLog } from '../api/unreadable-row-log.ts';
import { createLogger, withLogContext } from '../logger.ts';
import { systemClock } from '../system-clock.ts';

/** the system clock, or one that starts at --now and ticks on in real time */
function clockFromArgs(args: readonly string[]): Clock {
  const index = args.findIndex((arg) => arg === '--now' || arg.startsWith('--now='));
  if (index < 0) {
    return systemClock;
  }
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  const start = value === undefined ? Number.NaN : Date.parse(value);
  if (Number.isNaN(start)) {
    throw new ConfigError([{ variable: '--now', problem: 'måste vara en tidpunkt, t.ex. 2027-04-16T07:30:00Z' }]);
  }
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset) };
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

async function main(): Promise<void> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const clock = clockFromArgs(args);
  const full = args.includes('--full');
  // the report says what went wrong in Swedish; the log adds only real errors unless asked for more
  const logger = createLogger(config.logLevel === 'info' ? 'error' : config.logLevel);
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

    const messages = createInvoicingMessages();
    // the bot only lends its adapter to the proactive sender; the notifier is bound late as in boot-app
    const invoicing: InvoicingDeps = {
      repos,
      clock,
      timeZone: config.timeZone,
      notifier: {
        notify: (request) => notifier.notify(request),
        updateSent: (key, message) => notifier.updateSent(key, message),
      },
      messages,
      logger,
    };
    // the approval cards the sweep sends (new rows, reminders, expiry); links need the app's address
    const publicBaseUrl = config.publicBaseUrl;
    const approvals: ApprovalDeps = {
      repos,
      clock,
      timeZone: config.timeZone,
      notifier: invoicing.notifier,
      messages: createApprovalMessages({ timeZone: config.timeZone, clock }),
      logger,
      ...(publicBaseUrl === undefined
        ? {}
        : { tabUrl: (interventionId: string) => `${publicBaseUrl}/?insats=${encodeURIComponent(interventionId)}` }),
    };
    const bot = createBot(config.bot, {
      repositories: repos,
      clock,
      authMode: config.authMode,
      timeZone: config.timeZone,
      logger,
      invoicing,
      approvals,
    });
    const notifier = createNotifier({
      notifications: repos.notifications,
      conversations: repos.conversations,
      sender: createBotFrameworkSender(bot.adapter, config.bot.appId ?? ''),
      clock,
      logger,
      instanceId: `sweep-${randomUUID()}`,
    });

    const report = await runSweep(
      {
        repos,
        clock,
        timeZone: config.timeZone,
        notifier,
        messages,
        logger,
        unreadableRows,
        state: createSweepState(),
        approvals,
      },
      { full, anomalies: true },
    );
    // rows the sweep handed back to the outbox (a person who has opened a chat since) and rows
    // left by an earlier crash: sent now rather than by a server whose clock is another day
    const outbox = await notifier.sendPending();
    console.log(formatSweepReport(report, config.timeZone));
    if (outbox.due > 0) {
      console.log(
        `Utkorgen: ${outbox.sent} av ${outbox.due} väntande meddelanden skickade` +
          (outbox.failed > 0 ? `, ${outbox.failed} misslyckades (se listan Utskick).` : '.'),
      );
    }
  } finally {
    await local?.close();
  }
}

// every log line of this run carries one sweepId, as a scheduled sweep's do
withLogContext({ sweepId: randomUUID() }, main).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
