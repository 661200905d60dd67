/**
 * Where the bearer token comes from (DESIGN.md §3): a fixed development token for the local
 * SharePoint, which accepts any, or an app-only token from Entra ID by client credentials — a
 * client secret, or a certificate (msal signs a client assertion with its private key).
 * msal caches the token and renews it shortly before it expires, so asking per request is cheap.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import type { Config } from '../../config/env.ts';
import { AppError, type AppErrorCode } from '../../domain/app-error.ts';

export type TokenProvider = () => Promise<string>;

export const DEV_TOKEN = 'insatsnavet-dev-token';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const DEFAULT_GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** Entra ID's public and national-cloud hosts: msal's instance discovery knows them */
const MICROSOFT_LOGIN_HOSTS: ReadonlySet<string> = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export type TokenProviderOptions = {
  /**
   * `https://login.microsoftonline.com` unless a test or a national cloud says otherwise; wins
   * over the credential's own `authorityHost` (GRAPH_AUTHORITY_HOST)
   */
  readonly authorityHost?: string;
  readonly scopes?: readonly string[];
};

export function createTokenProvider(auth: Config['graphAuth'], options: TokenProviderOptions = {}): TokenProvider {
  if (auth.kind === 'dev-token') {
    return async () => DEV_TOKEN;
  }
  const authorityHost = (options.authorityHost ?? auth.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const isMicrosoftLogin = MICROSOFT_LOGIN_HOSTS.has(new URL(authorityHost).hostname);
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: auth.clientId,
      ...(auth.kind === 'client-credentials'
        ? { clientSecret: auth.clientSecret }
        : {
            clientCertificate: {
              thumbprintSha256: auth.thumbprintSha256,
              privateKey: auth.privateKey,
              x5c: auth.certificate,
            },
          }),
      authority: `${authorityHost}/${auth.tenantId}`,
      // msal asks Microsoft's instance discovery about any other host unless it is listed here; a
      // listed https host is trusted as is and its OpenID configuration read from it (tests use this
      // for a local token endpoint).
      ...(isMicrosoftLogin ? {} : { knownAuthorities: [new URL(authorityHost).host] }),
    },
  });
  const scopes = [...(options.scopes ?? [DEFAULT_GRAPH_SCOPE])];
  return async () => {
    let token: string | undefined;
    try {
      const result = await app.acquireTokenByClientCredential({ scopes });
      token = result?.accessToken;
    } catch (error) {
      throw tokenError(error, auth.tenantId, auth.clientId);
    }
    if (token === undefined || token === '') {
      throw new AppError('UNAUTHENTICATED', 'Entra ID returned no access token for Graph', {
        details: { tenantId: auth.tenantId, clientId: auth.clientId },
      });
    }
    return token;
  };
}

function tokenError(error: unknown, tenantId: string, clientId: string): AppError {
  const errorCode =
    typeof error === 'object' && error !== null && 'errorCode' in error ? String(error.errorCode) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  // An unreachable identity service is not bad credentials, and a bad authority URL is ours to fix.
  let code: AppErrorCode = 'UNAUTHENTICATED';
  if (errorCode !== undefined && /network|timeout|endpoints?_resolution/i.test(errorCode)) {
    code = 'UPSTREAM_FAILED';
  } else if (errorCode !== undefined && /authority|url_parse/i.test(errorCode)) {
    code = 'MISSING_CONFIG';
  }
  return new AppError(code, `Could not get a Graph token from Entra ID: ${message}`, {
    details: { tenantId, clientId, errorCode },
    cause: error,
  });
}
