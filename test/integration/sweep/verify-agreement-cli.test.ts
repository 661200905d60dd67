/**
 * `npm run verify-agreement -- <fil>` as a child process against the demo's filed agreements on a
 * local SharePoint: the filed file matches (exit 0, the agreement named), one flipped byte does not
 * (exit 1), and a file that cannot be read is an error (exit 2) — each said in Swedish.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';
import { sha256Hex } from '../../../src/services/agreements/agreement-pdf.ts';
import { seedDemoData } from '../../../src/sharepoint/demo/seed-demo-data.ts';
import { seedDemoDocuments } from '../../../src/sharepoint/demo/seed-demo-documents.ts';
import { createGraphClient } from '../../../src/sharepoint/graph/create-graph-client.ts';
import { provisionSchema } from '../../../src/sharepoint/provisioning/provision-schema.ts';
import { createRepositories } from '../../../src/sharepoint/repositories/create-repositories.ts';
import { resolveSite } from '../../../src/sharepoint/site.ts';

const run = promisify(execFile);
let dataDir: string;
let local: LocalSharePoint;
let original: string;
let tampered: string;
let hash: string;

async function verify(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--no-deprecation', '--import', 'tsx', 'src/server/cli/verify-agreement.ts', file],
      {
        cwd: process.cwd(),
        env: { ...process.env, GRAPH_BASE_URL: local.graphUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'insatsnavet-verify-cli-'));
  local = await startLocalSharePoint({ port: 0, dataDir });
  const graph = createGraphClient({ baseUrl: local.graphUrl, auth: { kind: 'dev-token' } });
  const site = await resolveSite(graph, undefined);
  const provisioned = await provisionSchema(graph, site.id);
  const repos = createRepositories(graph, { siteId: site.id, ...provisioned });
  await seedDemoData(repos);
  await seedDemoDocuments(repos);
  const nova = await repos.interventions.findByCode('NOVA');
  const [agreement] = await repos.agreements.listByIntervention(nova?.id ?? '');
  const bytes = await repos.agreements.download(agreement?.driveItemId ?? '');
  hash = sha256Hex(bytes);
  original = join(dataDir, 'Samarbetsavtal NOVA.pdf');
  await writeFile(original, bytes);
  const flipped = bytes.slice();
  flipped[200] = (flipped[200] ?? 0) ^ 0x01;
  tampered = join(dataDir, 'ändrad.pdf');
  await writeFile(tampered, flipped);
}, 60_000);

afterAll(async () => {
  await local?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm run verify-agreement', () => {
  it('exits 0 and names the agreement when the file is the filed one', async () => {
    const { code, stdout } = await verify(original);
    expect(code).toBe(0);
    expect(stdout).toContain('Kontroll av Samarbetsavtal NOVA.pdf');
    expect(stdout).toContain(`SHA-256: ${hash}`);
    expect(stdout).toContain('Stämmer: filen är ett arkiverat avtal.');
    expect(stdout).toContain('NOVA/Samarbetsavtal NOVA.pdf – NOVA');
    expect(stdout).toContain('Avtalsstatus: Signerat, signerat 2024-12-18');
  }, 60_000);

  it('exits 1 when one byte differs', async () => {
    const { code, stdout } = await verify(tampered);
    expect(code).toBe(1);
    expect(stdout).toContain('Stämmer inte: Filen matchar inget arkiverat avtal.');
  }, 60_000);

  it('exits 2 when the file cannot be read, and without a file', async () => {
    const missing = await verify(join(dataDir, 'finns-inte.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('kunde inte läsas: ENOENT');
    const none = await verify('--');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Ange filen som ska kontrolleras');
  }, 60_000);
});
