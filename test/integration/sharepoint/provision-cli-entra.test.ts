/**
 * `npm run provision` as a kommun's IT runs it against a real site — GRAPH_BASE_URL, SHAREPOINT_SITE
 * and an app registration's tenant, client id and secret (or certificate) — with two local
 * stand-ins: a token endpoint for Entra ID (https with a self-signed certificate the child process
 * trusts through NODE_EXTRA_CA_CERTS, since msal takes only https authorities) and the local
 * SharePoint told to accept only the token that endpoint issues. The CLI runs as a child process
 * through msal's own client-credentials flow: nothing in it is replaced for the test.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type LocalSharePoint, startLocalSharePoint } from '../../../infra/local-sharepoint/server.ts';
import { SCHEMA } from '../../../src/sharepoint/schema.ts';
import { SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '../../../src/sharepoint/schema-version.ts';
import { type LocalEntra, startLocalEntra } from '../../support/local-entra-token-server.ts';
import { makeSelfSignedCertificate } from '../../support/self-signed-certificate.ts';

const run = promisify(execFile);
const TENANT = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLIENT = '8c7d6e5f-4a3b-4c2d-9e1f-0a9b8c7d6e5f';
const SECRET = `kv-secret-${randomUUID()}`;
const HOSTNAME = 'insatsnavet.sharepoint.local';

const certificate = makeSelfSignedCertificate({ keyType: 'rsa', commonName: 'Insatsnavet Graph' });

let dir: string;
let entra: LocalEntra;
let sharePoint: LocalSharePoint;

type LogEntry = { method: string; path: string; route: string; status: number; inBatch: boolean };
const logSchema = z.object({
  writes: z.number(),
  entries: z.array(
    z.object({ method: z.string(), path: z.string(), route: z.string(), status: z.number(), inBatch: z.boolean() }),
  ),
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sharePoint.url}/_emulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
const requestLog = async (): Promise<{ writes: number; entries: LogEntry[] }> =>
  logSchema.parse(await control('GET', '/requests?limit=100000'));

async function newSite(): Promise<string> {
  const path = `/sites/forbund-${randomUUID().slice(0, 8)}`;
  await control('POST', '/sites', { path, displayName: 'Samordningsförbundet' });
  return `${HOSTNAME}:${path}`;
}

type Outcome = { code: number; stdout: string; stderr: string };

/** `npm run provision` with only the variables a real deployment sets (no inherited GRAPH_*). */
async function provision(settings: Record<string, string>): Promise<Outcome> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(GRAPH_|SHAREPOINT_|BOT_|NODE_EXTRA_CA_CERTS)/.test(name)),
  );
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--no-deprecation', '--import', 'tsx', 'src/server/cli/provision.ts'],
      {
        cwd: process.cwd(),
        env: { ...inherited, LOG_LEVEL: 'silent', DATA_DIR: dir, NODE_EXTRA_CA_CERTS: entra.caFile, ...settings },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const tenantSettings = (site: string): Record<string, string> => ({
  GRAPH_BASE_URL: sharePoint.graphUrl,
  SHAREPOINT_SITE: site,
  GRAPH_TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: CLIENT,
  GRAPH_AUTHORITY_HOST: entra.authorityHost,
});

/** What of schema.ts is missing on the site, read with the issued token (empty: all there). */
async function missingOnSite(site: string): Promise<string[]> {
  const read = async (path: string): Promise<unknown> => {
    const response = await fetch(`${sharePoint.graphUrl}${path}`, {
      headers: { authorization: `Bearer ${entra.accessToken}` },
    });
    expect(response.status, path).toBe(200);
    return response.json();
  };
  const siteId = z.object({ id: z.string() }).parse(await read(`/sites/${site}`)).id;
  const lists = z
    .object({
      value: z.array(
        z.object({
          id: z.string(),
          displayName: z.string(),
          columns: z.array(
            z.object({
              name: z.string(),
              indexed: z.boolean().optional(),
              enforceUniqueValues: z.boolean().optional(),
            }),
          ),
        }),
      ),
    })
    .parse(await read(`/sites/${siteId}/lists?$expand=columns`)).value;
  const missing: string[] = [];
  for (const spec of SCHEMA) {
    const list = lists.find((candidate) => candidate.displayName === spec.title);
    if (list === undefined) {
      missing.push(spec.title);
      continue;
    }
    for (const column of spec.columns) {
      const actual = list.columns.find((candidate) => candidate.name === column.name);
      const indexed = column.indexed === true || column.unique === true;
      if (actual === undefined || (actual.indexed === true) !== indexed) {
        missing.push(`${spec.title}.${column.name}${actual === undefined ? '' : ' (index)'}`);
      } else if ((actual.enforceUniqueValues === true) !== (column.unique === true)) {
        missing.push(`${spec.title}.${column.name} (unique)`);
      }
    }
  }
  const settings = lists.find((list) => list.displayName === 'Inställningar');
  if (settings !== undefined) {
    const rows = z
      .object({ value: z.array(z.object({ fields: z.object({ Title: z.string(), Value: z.string().optional() }) })) })
      .parse(await read(`/sites/${siteId}/lists/${settings.id}/items?$expand=fields`)).value;
    const version = rows.find((row) => row.fields.Title === SCHEMA_VERSION_KEY)?.fields.Value;
    if (version !== SCHEMA_VERSION) {
      missing.push(`${SCHEMA_VERSION_KEY} = ${String(version)}`);
    }
  }
  return missing;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'insatsnavet-provision-entra-'));
  entra = await startLocalEntra({
    tenantId: TENANT,
    clientId: CLIENT,
    clientSecret: SECRET,
    clientCertificate: certificate,
    dir,
  });
  sharePoint = await startLocalSharePoint({ port: 0, dataDir: ':memory:', acceptedToken: entra.accessToken });
});

afterAll(async () => {
  await sharePoint?.close();
  await entra?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run provision against a site, with an app-only token from Entra ID', () => {
  it('with a client secret: one token request, every Graph request with that token, the whole schema, and a second run writes nothing', async () => {
    const site = await newSite();
    await control('DELETE', '/requests');
    const tokensBefore = entra.tokenRequests().length;

    const first = await provision({ ...tenantSettings(site), GRAPH_CLIENT_SECRET: SECRET });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Skapade listor:');
    expect(first.stdout).toContain('Insatser');

    // msal asked Entra once, for Graph's app-only scope, with the client secret
    const tokens = entra.tokenRequests().slice(tokensBefore);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.outcome).toBe('issued');
    expect(tokens[0]?.form).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
      client_id: CLIENT,
      client_secret: SECRET,
    });

    // the local SharePoint accepts no other token: a 401 anywhere would show here
    const firstLog = await requestLog();
    expect(firstLog.entries.length).toBeGreaterThan(0);
    expect(firstLog.entries.filter((entry) => entry.status === 401)).toEqual([]);
    expect(firstLog.entries.filter((entry) => entry.status >= 400 && entry.status !== 404)).toEqual([]);
    expect(firstLog.writes).toBeGreaterThan(30);
    expect(await missingOnSite(site)).toEqual([]);

    await control('DELETE', '/requests');
    const second = await provision({ ...tenantSettings(site), GRAPH_CLIENT_SECRET: SECRET });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Schemat var redan komplett – inget ändrades.');
    const secondLog = await requestLog();
    expect(secondLog.writes).toBe(0);
    expect(secondLog.entries.length).toBeGreaterThan(0);
    expect(secondLog.entries.filter((entry) => entry.status === 401)).toEqual([]);
    // a new process asks for a token of its own, once
    expect(entra.tokenRequests().slice(tokensBefore)).toHaveLength(2);
  });

  it('with a certificate (PEM file): the client assertion is signed by the registered key, and no secret is sent', async () => {
    const site = await newSite();
    const pemFile = join(dir, 'graph-client.pem');
    await writeFile(pemFile, `${certificate.privateKey}${certificate.certificate}`, { mode: 0o600 });
    const tokensBefore = entra.tokenRequests().length;
    await control('DELETE', '/requests');

    const outcome = await provision({ ...tenantSettings(site), GRAPH_CLIENT_CERTIFICATE_PATH: pemFile });
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);

    const tokens = entra.tokenRequests().slice(tokensBefore);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]?.outcome).toBe('issued');
    expect(tokens[0]?.form).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
    expect(tokens[0]?.form.client_secret).toBeUndefined();
    expect((await requestLog()).entries.filter((entry) => entry.status === 401)).toEqual([]);
    expect(await missingOnSite(site)).toEqual([]);
  });

  it('with a wrong secret: Entra refuses, the CLI says so and exits 1, and nothing reaches SharePoint', async () => {
    const site = await newSite();
    await control('DELETE', '/requests');
    const outcome = await provision({ ...tenantSettings(site), GRAPH_CLIENT_SECRET: 'an-old-secret' });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/Could not get a Graph token from Entra ID/);
    expect(outcome.stderr).toMatch(/invalid_client/);
    expect(outcome.stderr).toContain('kontrollera GRAPH_TENANT_ID, GRAPH_CLIENT_ID och hemligheten');
    expect(outcome.stderr).not.toContain('an-old-secret');
    expect(entra.tokenRequests().at(-1)?.outcome).toBe('invalid_client');
    expect((await requestLog()).entries).toEqual([]);
  });

  it('the local SharePoint refuses any other bearer token (so the runs above prove which token was sent)', async () => {
    const site = await newSite();
    await control('DELETE', '/requests');
    // no GRAPH_* credentials: the CLI sends the development token
    const outcome = await provision({ GRAPH_BASE_URL: sharePoint.graphUrl, SHAREPOINT_SITE: site });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain('Provisioneringen misslyckades (UNAUTHENTICATED)');
    const log = await requestLog();
    expect(log.entries.length).toBeGreaterThan(0);
    expect(log.entries.every((entry) => entry.status === 401)).toBe(true);
    expect(log.writes).toBe(0);
  });
});
