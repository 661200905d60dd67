/**
 * Stands in for the identity services of the Bot Framework on 127.0.0.1, port 0, so token
 * validation can be tested offline with botbuilder's own code:
 * - `/channel/.well-known/openid-configuration` → `/channel/keys`: the Bot Connector's signing key,
 *   endorsed for `msteams` (what login.botframework.com publishes);
 * - `/entra/.well-known/openid-configuration` → `/entra/keys`: an Entra key, for the Emulator and
 *   skill tokens botbuilder also accepts;
 * - `POST /{tenant}/oauth2/v2.0/token`: the bot's own token by client credentials;
 * - `GET /msi/token`: Azure App Service's managed identity endpoint (IDENTITY_ENDPOINT).
 * The keys are RS256 pairs made with jose, as test/integration/api/entra-auth.test.ts does.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { BotFrameworkEndpoints } from '../../../bot/create-bot-adapter.ts';

/** the Bot Connector's issuer and the scope the bot asks for, as in the public cloud */
export const BOT_FRAMEWORK = 'https://api.botframework.com';
const CHANNEL_KID = 'channel-key';
const ENTRA_KID = 'entra-key';

export type TokenRequest = {
  readonly path: string;
  readonly form: Readonly<Record<string, string>>;
  /** the App Service identity header (managed identity requests only) */
  readonly identityHeader?: string;
};

export type ChannelTokenOptions = {
  readonly appId: string;
  /** the activity's serviceUrl; null leaves the claim out */
  readonly serviceUrl: string | null;
  readonly issuer?: string;
  /** seconds from now; negative for a token that has expired */
  readonly expiresIn?: number;
  /** seconds from now the token becomes valid */
  readonly notBefore?: number;
  /** sign with a key nobody published, under this kid (default: the published kid) */
  readonly impostorKid?: string;
  readonly extraClaims?: Readonly<Record<string, unknown>>;
};

export type LocalBotFrameworkIdentity = {
  readonly url: string;
  /** what ConfigurationBotFrameworkAuthentication should use instead of Microsoft's endpoints */
  readonly endpoints: BotFrameworkEndpoints;
  /** every request to a token endpoint, in order */
  readonly tokenRequests: TokenRequest[];
  /** the OpenID configuration answers 500 while this is true (the key service is down) */
  failMetadata: boolean;
  /** a token as the Bot Connector signs it for an activity */
  channelToken(options: ChannelTokenOptions): Promise<string>;
  /** an Entra token (v1 claims), e.g. a skill's or the Emulator's */
  entraToken(claims: JWTPayload & { iss: string; aud: string }): Promise<string>;
  /** the same claims as channelToken, signed with HS256 using the published public key as the secret */
  algorithmConfusionToken(options: ChannelTokenOptions): Promise<string>;
  /** verifies a token this server issued for the bot's outgoing calls and returns its claims */
  verifyIssued(token: string): Promise<JWTPayload>;
  close(): Promise<void>;
};

export type IdentityOptions = {
  readonly tenantId: string;
  /** the client credentials the token endpoint accepts */
  readonly clientId: string;
  readonly clientSecret?: string;
  /** the header value App Service would give the managed identity endpoint */
  readonly identityHeader?: string;
};

export async function startLocalBotFrameworkIdentity(options: IdentityOptions): Promise<LocalBotFrameworkIdentity> {
  const channel = await generateKeyPair('RS256', { extractable: true });
  const entra = await generateKeyPair('RS256', { extractable: true });
  const impostor = await generateKeyPair('RS256');
  const channelJwk = {
    ...(await exportJWK(channel.publicKey)),
    kid: CHANNEL_KID,
    use: 'sig',
    endorsements: ['msteams'],
  };
  const entraJwk = { ...(await exportJWK(entra.publicKey)), kid: ENTRA_KID, use: 'sig' };
  const channelPem = await exportSPKI(channel.publicKey);
  const tokenRequests: TokenRequest[] = [];
  let base = '';

  const issueFor = (appId: string, scope: string): Promise<string> =>
    new SignJWT({ appid: appId, tid: options.tenantId, ver: '1.0' })
      .setProtectedHeader({ alg: 'RS256', kid: ENTRA_KID, typ: 'JWT' })
      .setIssuer(`https://sts.windows.net/${options.tenantId}/`)
      .setAudience(scope.replace(/\/\.default$/, ''))
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(entra.privateKey);

  const handle = async (req: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'GET' && url.pathname.endsWith('/.well-known/openid-configuration')) {
      if (state.failMetadata) {
        return { status: 500, body: { error: 'down' } };
      }
      const prefix = url.pathname.split('/.well-known')[0] ?? '';
      return { status: 200, body: { issuer: BOT_FRAMEWORK, jwks_uri: `${base}${prefix}/keys` } };
    }
    if (req.method === 'GET' && url.pathname === '/channel/keys') {
      return { status: 200, body: { keys: [channelJwk] } };
    }
    if (req.method === 'GET' && url.pathname === '/entra/keys') {
      return { status: 200, body: { keys: [entraJwk] } };
    }
    if (req.method === 'POST' && url.pathname === `/${options.tenantId}/oauth2/v2.0/token`) {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      tokenRequests.push({ path: url.pathname, form });
      const known =
        form.grant_type === 'client_credentials' &&
        form.client_id === options.clientId &&
        options.clientSecret !== undefined &&
        form.client_secret === options.clientSecret;
      if (!known || form.scope === undefined) {
        return { status: 401, body: { error: 'invalid_client' } };
      }
      return {
        status: 200,
        body: { token_type: 'Bearer', expires_in: 3600, access_token: await issueFor(options.clientId, form.scope) },
      };
    }
    if (req.method === 'GET' && url.pathname === '/msi/token') {
      const form = Object.fromEntries(url.searchParams);
      const identityHeader = String(req.headers['x-identity-header'] ?? '');
      tokenRequests.push({ path: url.pathname, form, identityHeader });
      if (identityHeader !== options.identityHeader || form.client_id !== options.clientId || !form.resource) {
        return { status: 400, body: { error: 'invalid_request' } };
      }
      return {
        status: 200,
        body: {
          token_type: 'Bearer',
          access_token: await issueFor(options.clientId, form.resource),
          expires_on: String(Math.floor(Date.now() / 1000) + 3600),
          resource: form.resource,
          client_id: options.clientId,
        },
      };
    }
    return { status: 404, body: { error: 'not found' } };
  };

  const server: Server = createServer((req, res) => {
    handle(req)
      .then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const channelClaims = (token: ChannelTokenOptions): SignJWT => {
    const now = Math.floor(Date.now() / 1000);
    const claims: JWTPayload = {
      ...(token.serviceUrl === null ? {} : { serviceurl: token.serviceUrl }),
      ...token.extraClaims,
      iss: token.issuer ?? BOT_FRAMEWORK,
      aud: token.appId,
      iat: now - 60,
      nbf: now + (token.notBefore ?? -60),
      exp: now + (token.expiresIn ?? 3600),
    };
    return new SignJWT(claims);
  };

  const state: LocalBotFrameworkIdentity = {
    url: base,
    endpoints: {
      ToBotFromChannelOpenIdMetadataUrl: `${base}/channel/.well-known/openid-configuration`,
      ToBotFromChannelTokenIssuer: BOT_FRAMEWORK,
      ToBotFromEmulatorOpenIdMetadataUrl: `${base}/entra/.well-known/openid-configuration`,
      ToChannelFromBotLoginUrl: `${base}/${options.tenantId}`,
      ToChannelFromBotOAuthScope: BOT_FRAMEWORK,
      OAuthUrl: `${base}/oauth`,
      CallerId: 'urn:botframework:azure',
    },
    tokenRequests,
    failMetadata: false,
    channelToken: (token) => {
      const kid = token.impostorKid ?? CHANNEL_KID;
      const key = token.impostorKid === undefined ? channel.privateKey : impostor.privateKey;
      return channelClaims(token).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
    },
    entraToken: (claims) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iat: now - 60, nbf: now - 60, exp: now + 3600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: ENTRA_KID, typ: 'JWT' })
        .sign(entra.privateKey);
    },
    algorithmConfusionToken: (token) =>
      channelClaims(token)
        .setProtectedHeader({ alg: 'HS256', kid: CHANNEL_KID, typ: 'JWT' })
        .sign(new TextEncoder().encode(channelPem)),
    verifyIssued: async (token) => (await jwtVerify(token, entra.publicKey)).payload,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return state;
}

/** a JWT with `alg: none` and no signature, claiming to be the published key's */
export function unsignedToken(claims: JWTPayload): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', kid: CHANNEL_KID, typ: 'JWT' })}.${encode(claims)}.`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
