/**
 * `npm run sweep -- --now …` as a child process against the demo data on a local SharePoint,
 * sending through the real botbuilder sender to a recording Bot Connector: the reminder a
 * kansli expects on T-10, the escalation the day after the due day, and nothing about an
 * invoice once it is registered.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';
import type { Repositories } from '../../../src/domain/ports/repositories.ts';
import { demoPerson } from '../../../src/sharepoint/demo/demo-people.ts';
import { seedDemoData } from '../../../src/sharepoint/demo/seed-demo-data.ts';
import { createGraphClient } from '../../../src/sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../../src/sharepoint/site.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../bot/fake-bot-connector.ts';

const run = promisify(execFile);
let dataDir: string;
let local: LocalSharePoint;
let connector: FakeBotConnector;
let repos: Repositories;

const emma = demoPerson('emma.strom');
const mattias = demoPerson('mattias.ekholm');

async function sweepAt(now: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--no-deprecation', '--import', 'tsx', 'src/server/cli/sweep.ts', '--now', now],
    {
      cwd: process.cwd(),
      env: { ...process.env, GRAPH_BASE_URL: local.graphUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    },
  );
  return stdout;
}

async function openChat(aadObjectId: string, conversationId: string): Promise<void> {
  await repos.conversations.upsert({
    title: aadObjectId,
    key: aadObjectId,
    scope: 'personal',
    reference: connector.reference(conversationId, aadObjectId),
    active: true,
  });
}

const postedTo = (conversationId: string): string[] =>
  connector
    .delivered()
    .filter((request) => request.conversationId === conversationId)
    .map((request) => JSON.stringify(request.activity));

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'insatsnavet-sweep-cli-'));
  local = await startLocalSharePoint({ port: 0, dataDir });
  connector = await startFakeBotConnector();
  const graph = createGraphClient({ baseUrl: local.graphUrl, auth: { kind: 'dev-token' } });
  const site = await resolveSite(graph, undefined);
  const provisioned = await provisionSchema(graph, site.id);
  repos = createRepositories(graph, { siteId: site.id, ...provisioned });
  await seedDemoData(repos);
  await openChat(emma.aadObjectId, 'a:emma');
});

afterAll(async () => {
  await connector?.close();
  await local?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run sweep -- --now', () => {
  it('on T-10 for Q1 2027 creates the rows and reminds Emma Ström about NOVA-2027-Q1 in her chat', async () => {
    const stdout = await sweepAt('2027-04-16T07:30:00Z');

    expect(stdout).toContain('Svep av insatsregistret 2027-04-16 kl. 09:30 (Europe/Stockholm)');
    expect(stdout).toContain('NOVA: 5 förväntade rekvisitioner skapade – NOVA-2026-Q4 (sista dag 2027-01-20)');
    expect(stdout).toContain(
      'Påminnelse om NOVA-2027-Q1 (sista dag 2027-04-30, 10 arbetsdagar kvar) skickad till Emma Ström',
    );
    // the ekonom has no chat with the bot yet: said, not hidden
    expect(stdout).toContain('Mattias Ekholm har ingen konversation med boten ännu');
    const toEmma = postedTo('a:emma');
    expect(toEmma.some((activity) => activity.includes('NOVA') && activity.includes('2027-04-30'))).toBe(true);
  });

  it('the day after the due day escalates to Mattias Ekholm, and not about an invoice registered meanwhile', async () => {
    await openChat(mattias.aadObjectId, 'a:mattias');
    const inskat = await repos.requisitions.findByPeriodKey('INSKAT-2027-Q1');
    await repos.requisitions.update(inskat?.id ?? '', {
      status: 'Inkommen',
      amount: 180_000,
      receivedDate: '2027-04-28',
      invoiceNumber: 'VK-2027-00377',
    });

    const stdout = await sweepAt('2027-05-03T08:30:00Z');

    expect(stdout).toContain('Eskalering om NOVA-2027-Q1 (sista dag 2027-04-30) skickad till Mattias Ekholm');
    expect(stdout).toContain('Förseningsbesked om NOVA-2027-Q1 (sista dag 2027-04-30) skickad till Emma Ström');
    expect(stdout).not.toContain('INSKAT-2027-Q1');
    // the escalations about Q4 2026 that could not reach him on 16 April go out now that he can be reached
    expect(stdout).toContain('Eskalering om NOVA-2026-Q4 (sista dag 2027-01-20) till Mattias Ekholm ligger i utkorgen');
    expect(stdout).toMatch(/Utkorgen: (\d+) av \1 väntande meddelanden skickade\./);
    expect(postedTo('a:mattias').some((activity) => activity.includes('NOVA-2026-Q4'))).toBe(true);
    expect(postedTo('a:mattias').some((activity) => activity.includes('NOVA'))).toBe(true);
  });
});
