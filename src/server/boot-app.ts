/**
 * Wires the whole app by hand (DESIGN.md §8): config → Graph → provisioning → repositories →
 * HTTP server. `npm start` and the end-to-end tests both boot through here, so what the tests
 * start is what a förbund runs.
 */

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApprovalMessages } from '../../bot/cards/approval-messages.ts';
import { createInvoicingMessages } from '../../bot/cards/requisition-messages.ts';
import { createBot } from '../../bot/create-bot.ts';
import type { BotAdapterOptions } from '../../bot/create-bot-adapter.ts';
import { createBotFrameworkSender } from '../../bot/proactive/bot-framework-sender.ts';
import type { LocalSharePoint } from '../../infra/local-sharepoint/server.ts';
import type { Config } from '../config/env.ts';
import { agreementFileLink } from '../services/agreements/agreement-link.ts';
import type { ApprovalDeps } from '../services/approvals/approval-deps.ts';
import type { InvoicingDeps } from '../services/invoicing/invoicing-deps.ts';
import { createNotifier, type Notifier } from '../services/notifications/create-notifier.ts';
import { startOutboxPoller } from '../services/notifications/outbox-poller.ts';
import { loadActor } from '../services/register/load-actor.ts';
import { runSweep } from '../services/sweep/run-sweep.ts';
import { createSweepState } from '../services/sweep/sweep-deps.ts';
import { seedDemoApprovals } from '../sharepoint/demo/seed-demo-approvals.ts';
import { seedDemoData } from '../sharepoint/demo/seed-demo-data.ts';
import { seedDemoDocuments } from '../sharepoint/demo/seed-demo-documents.ts';
import { seedDemoSettings } from '../sharepoint/demo/seed-demo-settings.ts';
import { createGraphClient } from '../sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../sharepoint/repositories/create-repositories.ts';
import { checkSchemaReadiness } from '../sharepoint/schema-version.ts';
import { resolveSite } from '../sharepoint/site.ts';
import { readsOwnBody } from './api/agreement-routes.ts';
import { createEntraTokenVerifier } from './api/entra-token-verifier.ts';
import type { IdentityDeps } from './api/identity.ts';
import { mountCalendarFeed } from './api/mount-calendar-feed.ts';
import { mountRegisterApi } from './api/mount-register-api.ts';
import { createRateLimiter, throttleWith } from './api/rate-limiter.ts';
import { createUnreadableRowLog } from './api/unreadable-row-log.ts';
import { calendarSecret } from './calendar-secret.ts';
import { createServer } from './create-server.ts';
import { renderHomePage } from './home-page.ts';
import type { Logger } from './logger.ts';
import { type SweepScheduler, startSweepScheduler } from './scheduler.ts';
import { systemClock } from './system-clock.ts';
import { loadTabAssets } from './tab-assets.ts';

/** how often the outbox looks for notifications still waiting to be sent */
const OUTBOX_INTERVAL_MS = 30_000;
/** how long /readyz waits for SharePoint before it says SharePoint does not answer */
const READINESS_TIMEOUT_MS = 5_000;

export type RunningApp = {
  readonly url: string;
  readonly port: number;
  readonly localSharePointUrl: string | undefined;
  readonly seeded: boolean;
  readonly readyInMs: number;
  /** proactive sends (approval cards, reminders) through the outbox, once per key */
  readonly notifier: Notifier;
  close(): Promise<void>;
};

/** Test-facing; `npm start` passes none. */
export type BootOptions = {
  /** where the bot's Bot Framework authentication finds keys and gets tokens (tests: local servers) */
  readonly bot?: BotAdapterOptions;
};

export async function bootApp(config: Config, logger: Logger, options: BootOptions = {}): Promise<RunningApp> {
  const startedAt = performance.now();
  let localSharePoint: LocalSharePoint | undefined;
  if (config.usesLocalSharePoint) {
    // loaded only here: against Microsoft Graph the app never loads SQLite's native module
    const { startLocalSharePoint } = await import('../../infra/local-sharepoint/server.ts');
    localSharePoint = await startLocalSharePoint({ port: config.localSharePointPort, dataDir: config.dataDir });
  }
  try {
    const graphBaseUrl = localSharePoint?.graphUrl ?? config.graphBaseUrl;
    const graph = createGraphClient({ baseUrl: graphBaseUrl, auth: config.graphAuth, logger });
    // /readyz must answer within a probe's timeout: no retries, a short wait
    const probeGraph = createGraphClient({
      baseUrl: graphBaseUrl,
      auth: config.graphAuth,
      logger,
      maxRetries: 0,
      timeoutMs: READINESS_TIMEOUT_MS,
    });
    const site = await resolveSite(graph, config.sharePointSite);
    const provisioned = await provisionSchema(graph, site.id);
    // rows skipped as unreadable are reported as anomalies by the register (GET /api/avvikelser)
    const unreadableRows = createUnreadableRowLog();
    const repositories = createRepositories(
      graph,
      { siteId: site.id, listIds: provisioned.listIds, driveIds: provisioned.driveIds },
      {
        onInvalidRow: (listKey, itemId, issues) => {
          unreadableRows.report(listKey, itemId, issues);
          logger.warn({ listKey, itemId, issues }, 'en rad i SharePoint kunde inte läsas och hoppades över');
        },
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
      // the open approvals `att besluta` shows; idempotent, so older demo data folders get them too
      await seedDemoApprovals(repositories);
      await seedDemoDocuments(repositories);
      // the förbund's name the samarbetsavtal is drawn up in
      await seedDemoSettings(repositories);
    }

    // the requisition cards' use cases; the notifier needs the bot's adapter, so it is bound late
    const invoicing: InvoicingDeps = {
      repos: repositories,
      clock: systemClock,
      timeZone: config.timeZone,
      notifier: {
        notify: (request) => notifier.notify(request),
        updateSent: (key, message) => notifier.updateSent(key, message),
      },
      messages: createInvoicingMessages(),
      logger,
    };
    const calendarFeed = {
      repos: repositories,
      clock: systemClock,
      timeZone: config.timeZone,
      secret: calendarSecret(config.calendarFeedSecret, config.dataDir),
    };
    // the port is known once the server listens; the bot hands out links only after that
    let listeningUrl = `http://127.0.0.1:${config.port}`;
    // the approval cards' use cases; cards link to the insats in the tab at the app's address
    const approvals: ApprovalDeps = {
      repos: repositories,
      clock: systemClock,
      timeZone: config.timeZone,
      notifier: invoicing.notifier,
      messages: createApprovalMessages({ timeZone: config.timeZone, clock: systemClock }),
      logger,
      tabUrl: (interventionId) =>
        `${config.publicBaseUrl ?? listeningUrl}/?insats=${encodeURIComponent(interventionId)}`,
      // the cards' link to an agreement's PDF, signed for its reader (a card's link sends no sign-in)
      agreementFileUrl: (driveItemId, viewerAadId) =>
        agreementFileLink(
          { baseUrl: config.publicBaseUrl ?? listeningUrl, secret: calendarFeed.secret, clock: systemClock },
          driveItemId,
          viewerAadId,
        ),
    };
    const bot = createBot(
      config.bot,
      {
        repositories,
        clock: systemClock,
        authMode: config.authMode,
        timeZone: config.timeZone,
        logger,
        invoicing,
        approvals,
        calendar: { feed: calendarFeed, publicBaseUrl: () => config.publicBaseUrl ?? listeningUrl },
        // a file sent to the bot is fetched over https; plain http only off production (local tests)
        files: { allowHttp: config.nodeEnv !== 'production' },
      },
      options.bot,
    );
    // one notifier per process: it holds the pacer that keeps sends within Teams' limits
    const notifier = createNotifier({
      notifications: repositories.notifications,
      conversations: repositories.conversations,
      sender: createBotFrameworkSender(bot.adapter, config.bot.appId ?? ''),
      clock: systemClock,
      logger,
      instanceId: randomUUID(),
    });
    // rows left 'Väntar' (a crash, a 429, a notBefore) are sent by whichever instance gets the lease
    const outbox = startOutboxPoller(notifier, { intervalMs: OUTBOX_INTERVAL_MS, logger });

    const register = { repos: repositories, clock: systemClock, timeZone: config.timeZone, unreadableRows };
    // who is calling /api, the same for every route: one token verifier per process (it caches
    // Entra's signing keys, AUTH_MODE=entra only) and one rate limiter (a caller's calls count together)
    const identity: IdentityDeps = {
      authMode: config.authMode,
      verifyToken: config.entra === undefined ? undefined : createEntraTokenVerifier(config.entra),
      throttle: throttleWith(createRateLimiter({ ...config.apiRateLimit, now: () => Date.now() })),
      loadActor: (id) => loadActor(register, id),
    };
    const server = createServer({
      logger,
      handleBotMessage: bot.handleMessage,
      renderHomePage: () => renderHomePage(repositories, { timeZone: config.timeZone }),
      tab: loadTabAssets(),
      checkHealth: async () => {
        await graph.get(`/sites/${site.id}`);
        return { ok: true, graph: graphBaseUrl };
      },
      checkReadiness: () =>
        checkSchemaReadiness(probeGraph, { siteId: site.id, settingsListId: provisioned.listIds.Settings }),
      // the agreement uploads read their own (PDF) bodies
      readsOwnBody,
      mountApi: (api) => {
        mountRegisterApi(api, {
          register,
          identity,
          logger,
          invoicing,
          approvals,
          agreementLinks: { secret: calendarFeed.secret, clock: systemClock },
        });
        mountCalendarFeed(api, {
          feed: calendarFeed,
          identity,
          publicBaseUrl: config.publicBaseUrl,
          logger,
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.listenHost, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    listeningUrl = `http://127.0.0.1:${port}`;
    // the sweep every minute: requisitions kept in step, reminders and escalations sent once
    let scheduler: SweepScheduler | undefined;
    if (config.sweepSchedule) {
      const sweepDeps = {
        repos: repositories,
        clock: systemClock,
        timeZone: config.timeZone,
        notifier,
        messages: invoicing.messages,
        logger,
        unreadableRows,
        state: createSweepState(),
        // approvals typed into SharePoint get their cards; reminders and expiry (issue 4)
        approvals,
      };
      scheduler = startSweepScheduler({
        sweep: () => runSweep(sweepDeps),
        timeZone: config.timeZone,
        logger,
        runAtStart: true,
      });
    }
    const local = localSharePoint;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      localSharePointUrl: local?.url,
      seeded,
      readyInMs: Math.round(performance.now() - startedAt),
      notifier,
      close: async () => {
        // a sweep under way finishes first: it must not lose the local SharePoint mid-write
        await scheduler?.stop();
        outbox.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await local?.close();
      },
    };
  } catch (error) {
    await localSharePoint?.close();
    throw error;
  }
}
