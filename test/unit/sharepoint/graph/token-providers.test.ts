import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/domain/app-error.ts';
import { createGraphClient } from '../../../../src/sharepoint/graph/create-graph-client.ts';
import { createTokenProvider, DEV_TOKEN } from '../../../../src/sharepoint/graph/token-providers.ts';
import { type ScriptedServer, startScriptedServer } from './scripted-graph-server.ts';

const credentials = {
  kind: 'client-credentials',
  tenantId: '11111111-1111-1111-1111-111111111111',
  clientId: '22222222-2222-2222-2222-222222222222',
  clientSecret: 'not-a-secret',
} as const;

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('token providers', () => {
  it('gives the fixed development token for the local SharePoint', async () => {
    await expect(createTokenProvider({ kind: 'dev-token' })()).resolves.toBe(DEV_TOKEN);
  });

  it('turns an unreachable identity service into an AppError, and the client rethrows it unchanged', async () => {
    // Nothing listens on port 1: msal cannot reach the authority, no request reaches Graph.
    server = await startScriptedServer(() => ({ status: 200, body: {} }));
    const graph = createGraphClient({
      baseUrl: server.graphUrl,
      auth: credentials,
      authorityHost: 'https://127.0.0.1:1',
    });
    const error = await graph.get('/sites/root').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UPSTREAM_FAILED');
    expect((error as AppError).details).toMatchObject({
      tenantId: credentials.tenantId,
      clientId: credentials.clientId,
    });
    expect(server.requests).toHaveLength(0);
  });
});
