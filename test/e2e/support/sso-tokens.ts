/**
 * Teams SSO tokens without a tenant, as test/integration/api/entra-auth.test.ts makes them: a
 * locally generated RS256 key pair, its public half published by a local JWKS server, and the app
 * booted with AUTH_MODE=entra pointed at that server (`entraEnv`). Tokens are signed for the demo
 * tenant and the tab's Application ID URI, exactly what Entra would issue to the Teams tab.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** the same tenant, client id and Application ID URI as the integration tests of AUTH_MODE=entra */
export const TENANT = 'c0ffee00-1111-4222-8333-444455556666';
export const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
export const APP_ID_URI = `api://insatsnavet.example.se/${CLIENT_ID}`;

export type SsoTokens = {
  /** the settings that make the app accept these tokens (and only these) */
  readonly entraEnv: Readonly<Record<string, string>>;
  /** a token for the person (Entra object id), valid for an hour, or expired when `validForSeconds` < 0 */
  sign(objectId: string, options?: { readonly validForSeconds?: number }): Promise<string>;
  close(): Promise<void>;
};

export async function startSsoTokens(): Promise<SsoTokens> {
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const jwks: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const port = (jwks.address() as AddressInfo).port;
  return {
    entraEnv: {
      AUTH_MODE: 'entra',
      ENTRA_TENANT_IDS: TENANT,
      TAB_APP_ID_URI: APP_ID_URI,
      TAB_CLIENT_ID: CLIENT_ID,
      ENTRA_JWKS_URL: `http://127.0.0.1:${port}/keys`,
    },
    sign(objectId, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const validFor = options.validForSeconds ?? 3600;
      return (
        new SignJWT({ tid: TENANT, oid: objectId })
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
          .setAudience(APP_ID_URI)
          // an expired token was issued an hour before it ran out, as Entra's are
          .setIssuedAt(Math.min(now, now + validFor - 3600))
          .setExpirationTime(now + validFor)
          .sign(keys.privateKey)
      );
    },
    close: () => new Promise<void>((resolve) => jwks.close(() => resolve())),
  };
}
