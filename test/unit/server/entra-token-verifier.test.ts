/**
 * Teams SSO tokens through resolveCaller (AUTH_MODE=entra) with a locally generated RS256 key pair
 * served from a local JWKS endpoint, as Entra serves its keys: who gets in, and who gets a 401.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Request } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntraSettings } from '../../../src/config/env.ts';
import { AppError } from '../../../src/domain/app-error.ts';
import type { Actor } from '../../../src/domain/lifecycle/actor.ts';
import { createEntraTokenVerifier } from '../../../src/server/api/entra-token-verifier.ts';
import { type IdentityDeps, resolveCaller } from '../../../src/server/api/identity.ts';

const TENANT = 'c0ffee00-1111-4222-8333-444455556666';
const OTHER_TENANT = 'badbad00-1111-4222-8333-444455556666';
const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-000000000001';
const APP_ID_URI = `api://insatsnavet.example.se/${CLIENT_ID}`;
const KARIN = '4dc56134-bb48-5d37-b76d-b9a5c3b155d3';
const NOBODY = '00000000-0000-4000-8000-00000000dead';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

let server: Server;
let jwksUrl: string;
let published: JWK[] = [];
let jwksRequests = 0;
let current: { kid: string; keys: KeyPair };

async function newKey(kid: string): Promise<{ kid: string; keys: KeyPair; jwk: JWK }> {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, keys, jwk };
}

beforeAll(async () => {
  const first = await newKey('key-1');
  current = first;
  published = [first.jwk];
  server = createServer((_req, res) => {
    jwksRequests += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function settings(): EntraSettings {
  return { tenantIds: [TENANT], appIdUri: APP_ID_URI, clientId: CLIENT_ID, jwksUrl };
}

function deps(refetchCooldownMs?: number): IdentityDeps {
  return {
    authMode: 'entra',
    verifyToken: createEntraTokenVerifier(settings(), refetchCooldownMs === undefined ? {} : { refetchCooldownMs }),
    loadActor: async (id): Promise<Actor | null> =>
      id === KARIN ? { aadObjectId: id, name: 'Karin Vallgren', roles: [] } : null,
  };
}

type Claims = { aud?: string; iss?: string; tid?: string; oid?: string; expiresInSeconds?: number };

async function token(claims: Claims = {}, signer = current): Promise<string> {
  const tid = claims.tid ?? TENANT;
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (claims.expiresInSeconds ?? 3600);
  return new SignJWT({ tid, oid: claims.oid ?? KARIN, name: 'Karin Vallgren' })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid, typ: 'JWT' })
    .setIssuer(claims.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(claims.aud ?? APP_ID_URI)
    .setIssuedAt(Math.min(now, exp - 60))
    .setNotBefore(Math.min(now, exp - 60))
    .setExpirationTime(exp)
    .sign(signer.keys.privateKey);
}

function request(authorization?: string): Request {
  return { headers: authorization === undefined ? {} : { authorization } } as unknown as Request;
}

async function refusal(authorization: string | undefined, identity = deps()): Promise<AppError> {
  try {
    await resolveCaller(request(authorization), identity);
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the caller to be refused');
}

describe('Teams SSO tokens (AUTH_MODE=entra)', () => {
  it('lets in a person with a valid token and a role: the caller is the token oid', async () => {
    const actor = await resolveCaller(request(`Bearer ${await token()}`), deps());
    expect(actor.aadObjectId).toBe(KARIN);
  });

  it('accepts the bare client id as audience and a v1 (sts.windows.net) issuer', async () => {
    const identity = deps();
    const bareAudience = await token({ aud: CLIENT_ID });
    const v1 = await token({ iss: `https://sts.windows.net/${TENANT}/` });
    expect((await resolveCaller(request(`Bearer ${bareAudience}`), identity)).aadObjectId).toBe(KARIN);
    expect((await resolveCaller(request(`Bearer ${v1}`), identity)).aadObjectId).toBe(KARIN);
  });

  it('accepts a token expired 30 s ago (within the minute of clock skew)', async () => {
    const actor = await resolveCaller(request(`Bearer ${await token({ expiresInSeconds: -30 })}`), deps());
    expect(actor.aadObjectId).toBe(KARIN);
  });

  it('refuses a token expired beyond the skew with 401 and a Swedish message', async () => {
    const error = await refusal(`Bearer ${await token({ expiresInSeconds: -120 })}`);
    expect(error.httpStatus).toBe(401);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(error.userMessage).toMatch(/Inloggningen kunde inte bekräftas/);
  });

  it('refuses a token for another app (wrong audience)', async () => {
    const error = await refusal(`Bearer ${await token({ aud: 'api://someone-else.example/other' })}`);
    expect(error.httpStatus).toBe(401);
  });

  it('refuses a tenant outside the allow-list, and an allowed tid with another tenant issuer', async () => {
    const otherTenant = await refusal(`Bearer ${await token({ tid: OTHER_TENANT })}`);
    const mixed = await refusal(
      `Bearer ${await token({ tid: TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })}`,
    );
    const forgedTid = await refusal(
      `Bearer ${await token({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })}`,
    );
    expect([otherTenant.httpStatus, mixed.httpStatus, forgedTid.httpStatus]).toEqual([401, 401, 401]);
  });

  it('refuses a token signed by another key under the published kid (wrong signature)', async () => {
    const impostor = await newKey(current.kid);
    const error = await refusal(`Bearer ${await token({}, impostor)}`);
    expect(error.httpStatus).toBe(401);
  });

  it('refuses no token, a non-Bearer header, a dev identity and garbage — never a 500', async () => {
    const identity = deps();
    const answers = await Promise.all(
      [undefined, 'Basic a2FyaW46aGVtbGln', `Bearer dev:${KARIN}`, 'Bearer abc.def.ghi', 'Bearer'].map((header) =>
        refusal(header, identity),
      ),
    );
    expect(answers.map((error) => error.httpStatus)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[0]?.userMessage).toMatch(/logga in/);
  });

  it('refuses a valid token for someone without a role in Roller', async () => {
    const error = await refusal(`Bearer ${await token({ oid: NOBODY })}`);
    expect(error.httpStatus).toBe(401);
    expect(error.userMessage).toMatch(/rollista/);
  });

  it('does not put the token in the error message (it would reach a log)', async () => {
    const expired = await token({ expiresInSeconds: -3600 });
    const error = await refusal(`Bearer ${expired}`);
    expect(error.message).not.toContain(expired.split('.')[1]);
  });

  it('follows a key rotation: a token with a new kid is accepted once the JWKS publishes it', async () => {
    const identity = deps(0);
    expect((await resolveCaller(request(`Bearer ${await token()}`), identity)).aadObjectId).toBe(KARIN);
    const rotated = await newKey('key-2');
    published = [published[0] as JWK, rotated.jwk];
    const before = jwksRequests;
    const actor = await resolveCaller(request(`Bearer ${await token({}, rotated)}`), identity);
    expect(actor.aadObjectId).toBe(KARIN);
    expect(jwksRequests).toBe(before + 1);
  });

  it('caches the keys: many calls fetch the JWKS once', async () => {
    const identity = deps();
    const valid = await token();
    const before = jwksRequests;
    for (let i = 0; i < 5; i += 1) {
      await resolveCaller(request(`Bearer ${valid}`), identity);
    }
    expect(jwksRequests).toBe(before + 1);
  });

  it('answers 502, not 401 or 500, when the key endpoint cannot be reached', async () => {
    const identity: IdentityDeps = {
      ...deps(),
      verifyToken: createEntraTokenVerifier({ ...settings(), jwksUrl: 'http://127.0.0.1:1/keys' }),
    };
    const error = await refusal(`Bearer ${await token()}`, identity);
    expect(error.httpStatus).toBe(502);
  });
});
