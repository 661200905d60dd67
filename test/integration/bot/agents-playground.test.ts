/**
 * The real Microsoft 365 Agents Playground, headless, against the app booted like `npm start`:
 * it is started as a child process (no browser, no telemetry, log file in a temp folder), its
 * internal API (research/toolchain.md §3) posts messages as its default user, Alex Wilber, and
 * the bot's answers are read from its WebSocket stream — the path a tester's chat takes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/env.ts';
import { bootApp, type RunningApp } from '../../../src/server/boot-app.ts';
import { createLogger } from '../../../src/server/logger.ts';

const root = new URL('../../..', import.meta.url).pathname;
const playgroundBin = join(root, 'node_modules/.bin/agentsplayground');

type StreamEvent = {
  readonly action?: string;
  readonly message?: { readonly text?: string; readonly attachments?: ReadonlyArray<{ readonly content?: unknown }> };
};

/** the minimal WebSocket surface used here: Node 22's global one or the `ws` package (a transitive dependency) */
type Socket = { close(): void };
type SocketFactory = (url: string, onMessage: (data: string) => void) => Promise<Socket>;

async function webSocketFactory(): Promise<SocketFactory | null> {
  const Global = (globalThis as { WebSocket?: new (url: string) => EventTarget & { close(): void } }).WebSocket;
  if (Global !== undefined) {
    return (url, onMessage) =>
      new Promise((resolve, reject) => {
        const socket = new Global(url);
        socket.addEventListener('message', (event) => onMessage(String((event as MessageEvent).data)));
        socket.addEventListener('open', () => resolve(socket));
        socket.addEventListener('error', () => reject(new Error(`WebSocket ${url} failed`)));
      });
  }
  try {
    const { default: WebSocket } = await import('ws');
    return (url, onMessage) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.on('message', (data: unknown) => onMessage(String(data)));
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
  } catch {
    // neither a global WebSocket (Node 22+) nor the ws package: the test is skipped below
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const factory = await webSocketFactory();
const runnable = existsSync(playgroundBin) && factory !== null;
if (!runnable) {
  console.warn(
    existsSync(playgroundBin)
      ? 'Agents Playground test skipped: no WebSocket client (Node 22+ global or the ws package)'
      : 'Agents Playground test skipped: node_modules/.bin/agentsplayground is not installed',
  );
}

describe.runIf(runnable)('chatting through the Agents Playground (headless)', () => {
  let app: RunningApp;
  let playground: ChildProcess;
  let socket: Socket;
  let base: string;
  let chatId: string;
  let userId: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'insatsnavet-playground-'));
  const events: StreamEvent[] = [];

  beforeAll(async () => {
    app = await bootApp(
      loadConfig({ PORT: '0', LOCAL_SHAREPOINT_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    playground = spawn(
      playgroundBin,
      ['-e', `${app.url}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
      {
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          M365_AGENTS_PLAYGROUND_LOGFILE: join(dataDir, 'agentsplayground.log'),
        },
        // its own process group, so the whole tree can be stopped by its id
        detached: true,
        stdio: 'ignore',
      },
    );
    const config = await waitFor(
      'the playground to start',
      async () => {
        const response = await fetch(`${base}/_internal/v1/config`);
        return response.ok
          ? ((await response.json()) as { config: { personalChat: { id: string }; currentUser: { id: string } } })
          : undefined;
      },
      30_000,
    );
    chatId = config.config.personalChat.id;
    userId = config.config.currentUser.id;
    if (factory === null) {
      throw new Error('unreachable: skipped without a WebSocket client');
    }
    socket = await factory(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`, (data) => {
      events.push(JSON.parse(data) as StreamEvent);
    });
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    if (playground?.pid !== undefined) {
      try {
        process.kill(-playground.pid, 'SIGTERM');
      } catch (error) {
        // already gone: nothing to stop
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
          throw error;
        }
      }
    }
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** types a message as the playground's user and returns the bot's answer (text and cards) */
  async function chat(text: string): Promise<string> {
    const before = events.length;
    const response = await fetch(`${base}/_conversation/v1/conversations/${chatId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: userId }, text, textFormat: 'plain' }),
    });
    expect(response.status).toBe(200);
    const answer = await waitFor(
      `an answer to "${text}"`,
      async () => {
        const created = events.slice(before).filter((event) => event.action === 'createMessage');
        return created.length === 0 ? undefined : created;
      },
      10_000,
    );
    return answer
      .map((event) =>
        [event.message?.text ?? '', ...(event.message?.attachments ?? []).map((a) => JSON.stringify(a.content))].join(
          '\n',
        ),
      )
      .join('\n');
  }

  it('hjälp lists the commands', async () => {
    const answer = await chat('hjälp');
    expect(answer).toContain('mina insatser');
    expect(answer).toContain('att besluta');
  });

  it('agera som Emma Ström, then status NOVA answers as her projektledare', async () => {
    expect(await chat('agera som Emma Ström')).toContain('Emma Ström');
    const status = await chat('status NOVA');
    expect(status).toContain('NOVA');
    expect(status).toContain('Pågående');
    expect(status).toContain('Emma Ström');
  });

  it('as Gunilla Axelsson, att besluta shows SAMSYN', async () => {
    expect(await chat('agera som Gunilla Axelsson')).toContain('Gunilla Axelsson');
    expect(await chat('att besluta')).toContain('SAMSYN');
  });
});
