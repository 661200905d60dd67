/**
 * What a bot turn costs over HTTP on this machine: p50/p95 of a `status NOVA` message turn (the
 * bot reads SharePoint and posts a card to the Bot Connector), of a card's "Uppdatera" invoke
 * (answered in the HTTP response), and, as the baseline measured in the same run, of a bare
 * restify server that answers `{}`. Each over ~200 sequential requests after a warm-up.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { envelope, personal, startBotHarness } from '../integration/bot/bot-harness.ts';

const ROUNDS = 200;
const WARM_UP = 10;

function percentile(sortedMs: readonly number[], share: number): number {
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil(share * sortedMs.length) - 1));
  return Math.round((sortedMs[index] ?? 0) * 100) / 100;
}

async function measure(round: () => Promise<void>): Promise<{ p50: number; p95: number }> {
  for (let index = 0; index < WARM_UP; index += 1) {
    await round();
  }
  const times: number[] = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    const started = performance.now();
    await round();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function echoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (_req, res) => {
    res.json({});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function benchBotTurns(): Promise<Record<string, number | string>> {
  const bot = await startBotHarness();
  const echo = await echoServer();
  try {
    const emma = personal('emma.strom');
    const status = await measure(async () => {
      const turn = await bot.say(emma, 'status NOVA');
      if (turn.status !== 200 || turn.replies.length !== 1) {
        throw new Error(`status NOVA: HTTP ${turn.status}, ${turn.replies.length} replies`);
      }
    });
    const refresh = await measure(async () => {
      const turn = await bot.send({
        ...envelope(bot.serviceUrl, emma),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'uppdatera', data: { vy: 'status', kod: 'NOVA' } } },
      });
      if (turn.status !== 200 || (turn.body as { statusCode?: number } | null)?.statusCode !== 200) {
        throw new Error(`uppdatera: HTTP ${turn.status}`);
      }
    });
    const body = JSON.stringify({ ...envelope(bot.serviceUrl, emma), type: 'message', text: 'status NOVA' });
    const baseline = await measure(async () => {
      const response = await fetch(echo.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.text();
    });
    return {
      'rounds per figure (sequential, after 10 warm-up)': ROUNDS,
      'bare restify POST → {} (baseline): p50 ms': baseline.p50,
      'bare restify POST → {} (baseline): p95 ms': baseline.p95,
      '"status NOVA" message turn: p50 ms': status.p50,
      '"status NOVA" message turn: p95 ms': status.p95,
      '"status NOVA" p50 / baseline p50': Math.round((status.p50 / baseline.p50) * 10) / 10,
      'card "Uppdatera" invoke: p50 ms': refresh.p50,
      'card "Uppdatera" invoke: p95 ms': refresh.p95,
      'card "Uppdatera" p50 / baseline p50': Math.round((refresh.p50 / baseline.p50) * 10) / 10,
    };
  } finally {
    await echo.close();
    await bot.close();
  }
}
