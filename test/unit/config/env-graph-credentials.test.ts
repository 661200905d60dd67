/**
 * The Graph credential settings a deployment chooses between (client secret or certificate, as
 * PEM text from a Key Vault reference or as a file), the authority host, and the guard against a
 * Key Vault reference App Service could not resolve.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTING_NAMES } from '../../../src/config/env.ts';
import { makeSelfSignedCertificate } from '../../support/self-signed-certificate.ts';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT = '66666666-7777-8888-9999-aaaaaaaaaaaa';
const ids = { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: CLIENT };
const certificate = makeSelfSignedCertificate({ keyType: 'rsa' });
const other = makeSelfSignedCertificate({ keyType: 'rsa' });
const pem = `${certificate.privateKey}${certificate.certificate}`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'insatsnavet-env-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return [...error.variables];
    }
    throw error;
  }
  return [];
}

describe('the Graph credential', () => {
  it('takes a PEM certificate as text (a Key Vault reference) and computes its SHA-256 thumbprint', () => {
    const config = loadConfig({ ...ids, GRAPH_CLIENT_CERTIFICATE: pem });
    expect(config.graphAuth).toMatchObject({
      kind: 'client-certificate',
      tenantId: TENANT,
      clientId: CLIENT,
      thumbprintSha256: certificate.thumbprintSha256,
      certificate: certificate.certificate.trim(),
    });
  });

  it('takes the certificate and key in either order, with the line breaks a pasted value has as \\n', () => {
    const pasted = `${certificate.certificate}${certificate.privateKey}`.replaceAll('\n', '\\n');
    expect(loadConfig({ ...ids, GRAPH_CLIENT_CERTIFICATE: pasted }).graphAuth.kind).toBe('client-certificate');
  });

  it('reads a PEM file', async () => {
    const file = join(dir, 'graph.pem');
    await writeFile(file, pem);
    const config = loadConfig({ ...ids, GRAPH_CLIENT_CERTIFICATE_PATH: file });
    expect(config.graphAuth).toMatchObject({
      kind: 'client-certificate',
      thumbprintSha256: certificate.thumbprintSha256,
    });
  });

  it.each([
    ['a missing file', { GRAPH_CLIENT_CERTIFICATE_PATH: '/nonexistent/graph.pem' }, 'GRAPH_CLIENT_CERTIFICATE_PATH'],
    [
      'a certificate without its key',
      { GRAPH_CLIENT_CERTIFICATE: certificate.certificate },
      'GRAPH_CLIENT_CERTIFICATE',
    ],
    [
      "another certificate's key",
      { GRAPH_CLIENT_CERTIFICATE: `${other.privateKey}${certificate.certificate}` },
      'GRAPH_CLIENT_CERTIFICATE',
    ],
    [
      'a secret and a certificate at once',
      { GRAPH_CLIENT_SECRET: 's', GRAPH_CLIENT_CERTIFICATE: pem },
      'GRAPH_CLIENT_SECRET',
    ],
  ])('stops on %s and names the variable', (_what, extra, variable) => {
    expect(problemsOf({ ...ids, ...extra })).toContain(variable);
  });

  it('needs the tenant and client id with a certificate too', () => {
    expect(problemsOf({ GRAPH_CLIENT_CERTIFICATE: pem })).toEqual(['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID']);
  });

  it('accepts a certificate against Microsoft Graph (no secret needed)', () => {
    const config = loadConfig({
      ...ids,
      GRAPH_CLIENT_CERTIFICATE: pem,
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      SHAREPOINT_SITE: 'contoso.sharepoint.com:/sites/insatsnavet',
    });
    expect(config.graphAuth.kind).toBe('client-certificate');
  });

  it('passes GRAPH_AUTHORITY_HOST on, and only as https', () => {
    const config = loadConfig({
      ...ids,
      GRAPH_CLIENT_SECRET: 's',
      GRAPH_AUTHORITY_HOST: 'https://login.microsoftonline.us/',
    });
    expect(config.graphAuth).toMatchObject({ authorityHost: 'https://login.microsoftonline.us' });
    expect(problemsOf({ ...ids, GRAPH_CLIENT_SECRET: 's', GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:1' })).toEqual([
      'GRAPH_AUTHORITY_HOST',
    ]);
  });
});

describe('a Key Vault reference App Service could not resolve', () => {
  it('stops the start and names the variable, instead of using the reference text as the secret', () => {
    const reference =
      '@Microsoft.KeyVault(SecretUri=https://kv-insatsnavet.vault.azure.net/secrets/calendar-feed-secret/)';
    let error: unknown;
    try {
      loadConfig({ CALENDAR_FEED_SECRET: reference, GRAPH_CLIENT_SECRET: reference });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['GRAPH_CLIENT_SECRET', 'CALENDAR_FEED_SECRET']);
    expect((error as ConfigError).message).toContain('Key Vault Secrets User');
  });

  it('ignores variables the app does not read', () => {
    expect(() => loadConfig({ SOMETHING_ELSE: '@Microsoft.KeyVault(SecretUri=https://x/)' })).not.toThrow();
  });

  it('lists every setting name the app reads', () => {
    expect(SETTING_NAMES).toContain('GRAPH_CLIENT_CERTIFICATE');
    expect(SETTING_NAMES).toContain('CALENDAR_FEED_SECRET');
    expect(SETTING_NAMES).not.toContain('SOMETHING_ELSE');
  });
});
