/**
 * Boots Insatsnavet the way `npm start` does (bootApp on random ports, a fresh data folder, the
 * demo seeded) next to a recording Bot Connector, and talks to the bot the way Teams does: real
 * activity JSON POSTed to /api/messages. The bot's answers are what it POSTs to the activity's
 * serviceUrl, which points at the recorder.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export type Posted = {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  /** the activity replied to (`POST …/activities/{id}`), if any */
  readonly replyToId: string | undefined;
  readonly activity: {
    readonly type?: string;
    readonly text?: string;
    readonly summary?: string;
    readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: unknown }>;
  };
};

export type Speaker = {
  readonly fromId: string;
  readonly aadObjectId: string | undefined;
  readonly name: string;
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'groupChat' | 'channel';
  readonly channelData?: Record<string, unknown>;
};

export type Turn = { readonly status: number; readonly ms: number; readonly replies: Posted[]; readonly body: unknown };

export type BotHarness = {
  readonly app: RunningApp;
  readonly dataDir: string;
  /** the recorder's serviceUrl, with the trailing slash Teams sends */
  readonly serviceUrl: string;
  readonly posted: Posted[];
  readonly repos: Repositories;
  /** POSTs a raw body to /api/messages */
  post(body: string, contentType?: string): Promise<{ status: number; body: unknown; ms: number }>;
  /** sends a complete activity and collects what the bot posted in reply to it */
  send(activity: Record<string, unknown>): Promise<Turn>;
  say(speaker: Speaker, text: string, extra?: Record<string, unknown>): Promise<Turn>;
  /** boots a second app on the same data folder (the first must be closed) */
  reboot(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
};

export const BOT = { id: '28:insatsnavet-bot', name: 'Insatsnavet' } as const;

/** a demo person in a personal chat */
export function personal(person: PersonKey): Speaker {
  const who = demoPerson(person);
  return {
    fromId: `29:${person}`,
    aadObjectId: who.aadObjectId,
    name: who.displayName,
    conversationId: `a:personal-${person}`,
    conversationType: 'personal',
  };
}

/** the text of a reply and, stringified, its card */
export function contentOf(posted: Posted): string {
  const cards = (posted.activity.attachments ?? []).map((attachment) => JSON.stringify(attachment.content));
  return [posted.activity.text ?? '', ...cards].join('\n');
}

export function cardsOf(posted: Posted): unknown[] {
  return (posted.activity.attachments ?? [])
    .filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((attachment) => attachment.content);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const ROUTE = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/;

export async function startBotHarness(env: Record<string, string> = {}): Promise<BotHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-bot-'));
  const posted: Posted[] = [];
  const channel: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const match = ROUTE.exec(req.url ?? '');
      posted.push({
        method: req.method ?? '',
        path: req.url ?? '',
        conversationId: decodeURIComponent(match?.[1] ?? ''),
        replyToId: match?.[2] === undefined ? undefined : decodeURIComponent(match[2]),
        activity: body === '' ? {} : (JSON.parse(body) as Posted['activity']),
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${posted.length}` }));
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  const serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;

  const boot = async (extra: Record<string, string>): Promise<{ app: RunningApp; repos: Repositories }> => {
    const config = loadConfig({
      PORT: '0',
      LOCAL_SHAREPOINT_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      // no sweep on the real clock mixing into the turns; a test may pass SWEEP_SCHEDULE: 'on'
      SWEEP_SCHEDULE: 'off',
      ...env,
      ...extra,
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
    return { app, repos };
  };

  let current = await boot({});
  const post = async (body: string, contentType = 'application/json') => {
    const started = performance.now();
    const response = await fetch(`${current.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown), ms };
  };
  const send = async (activity: Record<string, unknown>): Promise<Turn> => {
    const id = typeof activity.id === 'string' ? activity.id : randomUUID();
    const before = posted.length;
    const result = await post(JSON.stringify({ ...activity, id }));
    const replies = posted.slice(before).filter((entry) => entry.replyToId === id);
    return { status: result.status, ms: result.ms, replies, body: result.body };
  };

  return {
    get app() {
      return current.app;
    },
    get repos() {
      return current.repos;
    },
    dataDir,
    serviceUrl,
    posted,
    post,
    send,
    say: (speaker, text, extra = {}) => send(messageActivity(serviceUrl, speaker, text, extra)),
    reboot: async (extra = {}) => {
      current = await boot(extra);
    },
    close: async () => {
      await current.app.close();
      await new Promise<void>((resolve) => channel.close(() => resolve()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** the fields every activity from Teams carries */
export function envelope(serviceUrl: string, speaker: Speaker): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: {
      id: speaker.fromId,
      name: speaker.name,
      ...(speaker.aadObjectId === undefined ? {} : { aadObjectId: speaker.aadObjectId }),
    },
    recipient: BOT,
    conversation: {
      id: speaker.conversationId,
      conversationType: speaker.conversationType,
      tenantId: 'tenant-1',
      ...(speaker.conversationType === 'personal' ? {} : { isGroup: true }),
    },
    channelData: { tenant: { id: 'tenant-1' }, ...(speaker.channelData ?? {}) },
    locale: 'sv-SE',
  };
}

export function messageActivity(
  serviceUrl: string,
  speaker: Speaker,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...envelope(serviceUrl, speaker), type: 'message', text, textFormat: 'plain', ...extra };
}

/** a message that @mentions the bot the way Teams does in channels and group chats */
export function mentionActivity(serviceUrl: string, speaker: Speaker, text: string): Record<string, unknown> {
  const mention = `<at>${BOT.name}</at>`;
  return messageActivity(serviceUrl, speaker, `${mention} ${text}`, {
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
  });
}
