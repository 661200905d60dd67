/**
 * What a vote costs (issue 4): the Graph requests of one vote, counted in the local SharePoint's
 * request log (round trips, a $batch envelope once, and the operations inside it), and p50/p95 of
 * the card's "Godkänn" invoke (`beslut.rosta`) through /api/messages on the whole app — next to a
 * bare restify server answering `{}` in the same run.
 *
 * The data: the demo förbund, plus one open board approval per vote measured (the styrelse, one
 * vote per member organisation, 14 approvers), stamped with its approvers as the sweep's pickup
 * leaves it. Each vote is the first on its approval, so none decides; one more approval is taken
 * to its decision to show what a deciding vote costs (the chain, the board's cards, the requester).
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { todayIn } from '../../src/domain/calendar/today.ts';
import type { Approval } from '../../src/domain/entities/approval.ts';
import { systemClock } from '../../src/server/system-clock.ts';
import { readSeats, refOf } from '../../src/services/approvals/approval-context.ts';
import { writePayload } from '../../src/services/approvals/approval-payload.ts';
import { demoPerson, type PersonKey } from '../../src/sharepoint/demo/demo-people.ts';
import { envelope, personal, startBotHarness } from '../integration/bot/bot-harness.ts';

const ROUNDS = 200;
const WARM_UP = 10;
const TIME_ZONE = 'Europe/Stockholm';

type LogEntry = { inBatch: boolean; route: string; method: string };
type Log = { total: number; entries: LogEntry[] };

function percentile(sortedMs: readonly number[], share: number): number {
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil(share * sortedMs.length) - 1));
  return Math.round((sortedMs[index] ?? 0) * 100) / 100;
}

function summary(times: number[]): { p50: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
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

export async function benchApprovalVotes(): Promise<Record<string, number | string>> {
  const bot = await startBotHarness({ SWEEP_SCHEDULE: 'off' });
  const echo = await echoServer();
  const emulator = bot.app.localSharePointUrl ?? '';
  const readLog = async (): Promise<Log> =>
    (await (await fetch(`${emulator}/_emulator/requests?limit=1000000`)).json()) as Log;
  const clearLog = async (): Promise<void> => {
    await fetch(`${emulator}/_emulator/requests`, { method: 'DELETE' });
  };
  try {
    const { repos } = bot;
    const nova = await repos.interventions.findByCode('NOVA');
    if (nova === null) {
      throw new Error('the demo has no NOVA');
    }
    const deps = { repos, clock: systemClock, timeZone: TIME_ZONE };
    const seats = await readSeats(deps, 'Styrelse', nova);
    const today = todayIn(systemClock, TIME_ZONE);
    const approvals: Approval[] = [];
    for (let index = 0; index < WARM_UP + ROUNDS + 1; index += 1) {
      approvals.push(
        await repos.approvals.create({
          title: `Bänk ${index + 1}: budgetändring NOVA`,
          interventionId: nova.id,
          subject: 'Budgetändring',
          stage: 'Styrelse',
          rule: 'En per medlemsorganisation',
          status: 'Pågår',
          dueDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
          requestedByAadId: demoPerson('karin.vallgren').aadObjectId,
          amount: 100_000,
          previousId: null,
          payload: writePayload(
            { extra: {}, unreadable: [] },
            {
              summary: 'Bänkmätning',
              approvers: seats,
              intervention: refOf(nova),
              pickedUpAt: new Date().toISOString(),
            },
          ),
        }),
      );
    }
    const vote = async (person: PersonKey, approvalId: string): Promise<number> => {
      const started = performance.now();
      const turn = await bot.send({
        ...envelope(bot.serviceUrl, personal(person)),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: 'beslut.rosta', data: { approvalId, beslut: 'Godkänn' } },
        },
      });
      const ms = performance.now() - started;
      const status = (turn.body as { statusCode?: number } | null)?.statusCode;
      if (turn.status !== 200 || status !== 200) {
        throw new Error(`beslut.rosta on ${approvalId}: HTTP ${turn.status}, invoke ${String(status)}`);
      }
      return ms;
    };

    for (const approval of approvals.slice(0, WARM_UP)) {
      await vote('gunilla.axelsson', approval.id);
    }
    const measured = approvals.slice(WARM_UP, WARM_UP + ROUNDS);
    const times: number[] = [];
    let roundTrips = 0;
    let operations = 0;
    for (const approval of measured) {
      await clearLog();
      times.push(await vote('gunilla.axelsson', approval.id));
      const log = await readLog();
      roundTrips += log.entries.filter((entry) => !entry.inBatch).length;
      operations += log.entries.filter((entry) => !(entry.route.endsWith('/$batch') && !entry.inBatch)).length;
    }
    const invoke = summary(times);

    // one approval taken to its decision: four organisations approve, the fourth vote decides
    const decisive = approvals.at(-1) as Approval;
    for (const person of ['lars.hedstrom', 'camilla.noren', 'henrik.blom'] as const) {
      await vote(person, decisive.id);
    }
    await clearLog();
    const decidingMs = await vote('tomas.wikstrom', decisive.id);
    const decidingLog = await readLog();
    const decided = await repos.approvals.findById(decisive.id);

    const body = JSON.stringify({ ...envelope(bot.serviceUrl, personal('gunilla.axelsson')), type: 'invoke' });
    const echoTimes: number[] = [];
    for (let index = 0; index < WARM_UP + ROUNDS; index += 1) {
      const started = performance.now();
      const response = await fetch(echo.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.text();
      if (index >= WARM_UP) {
        echoTimes.push(performance.now() - started);
      }
    }
    const baseline = summary(echoTimes);
    return {
      'votes measured (sequential, after 10 warm-up)': ROUNDS,
      'bare restify POST → {} (baseline): p50 ms': baseline.p50,
      'bare restify POST → {} (baseline): p95 ms': baseline.p95,
      '"Godkänn" invoke (beslut.rosta): p50 ms': invoke.p50,
      '"Godkänn" invoke (beslut.rosta): p95 ms': invoke.p95,
      'invoke p50 / baseline p50': Math.round((invoke.p50 / baseline.p50) * 10) / 10,
      'Graph round trips per vote (a $batch once)': Math.round((roundTrips / ROUNDS) * 100) / 100,
      'Graph operations per vote (inside $batch counted)': Math.round((operations / ROUNDS) * 100) / 100,
      'deciding vote: ms': Math.round(decidingMs),
      'deciding vote: Graph round trips': decidingLog.entries.filter((entry) => !entry.inBatch).length,
      'deciding vote: outcome': decided?.status ?? '?',
    };
  } finally {
    await echo.close();
    await bot.close();
  }
}
