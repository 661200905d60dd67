/**
 * A stand-in for Entra ID's token service, for one tenant and one app registration: the OpenID
 * configuration msal reads and the v2.0 token endpoint of the client-credentials grant, with a
 * client secret or a certificate's client assertion. It speaks https with a self-signed
 * certificate, because msal accepts only https authorities: a child process trusts it through
 * NODE_EXTRA_CA_CERTS=`caFile`. Every request is recorded, so a test can say what msal asked.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { makeSelfSignedCertificate, type SelfSignedCertificate } from './self-signed-certificate.ts';

export type TokenRequest = {
  readonly method: string;
  readonly path: string;
  /** the form fields of a token request ({} for a GET) */
  readonly form: Readonly<Record<string, string>>;
  /** what the server decided: issued, or the OAuth error it answered */
  readonly outcome: 'issued' | 'invalid_client' | 'unsupported' | 'metadata';
};

export type LocalEntra = {
  /** `https://127.0.0.1:PORT`, for GRAPH_AUTHORITY_HOST */
  readonly authorityHost: string;
  /** the PEM file of the server's certificate, for NODE_EXTRA_CA_CERTS */
  readonly caFile: string;
  /** the token it issues (the same for every request, so a Graph stand-in can require it) */
  readonly accessToken: string;
  readonly requests: () => readonly TokenRequest[];
  readonly tokenRequests: () => readonly TokenRequest[];
  close(): Promise<void>;
};

export type LocalEntraOptions = {
  readonly tenantId: string;
  readonly clientId: string;
  /** accepted client secret, if any */
  readonly clientSecret?: string;
  /** the certificate registered on the app, if any (its key signs the client assertion) */
  readonly clientCertificate?: SelfSignedCertificate;
  /** where to write caFile */
  readonly dir: string;
};

export async function startLocalEntra(options: LocalEntraOptions): Promise<LocalEntra> {
  const tls = makeSelfSignedCertificate();
  const caFile = join(options.dir, 'local-entra-ca.pem');
  await writeFile(caFile, tls.certificate);
  const accessToken = `local-entra.${randomBytes(24).toString('base64url')}`;
  const recorded: TokenRequest[] = [];
  let origin = '';

  const tokenPath = `/${options.tenantId}/oauth2/v2.0/token`;
  const metadataPath = `/${options.tenantId}/v2.0/.well-known/openid-configuration`;

  const server = https.createServer({ key: tls.privateKey, cert: tls.certificate }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      const method = request.method ?? 'GET';
      const answer = (status: number, body: unknown, outcome: TokenRequest['outcome'], form = {}): void => {
        recorded.push({ method, path, form, outcome });
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (method === 'GET' && path === metadataPath) {
        const base = `${origin}/${options.tenantId}`;
        answer(
          200,
          {
            issuer: `${base}/v2.0`,
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
          },
          'metadata',
        );
        return;
      }
      if (method !== 'POST' || path !== tokenPath) {
        answer(404, { error: 'not_found' }, 'unsupported');
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      void authenticate(form, `${origin}${tokenPath}`, options).then((ok) => {
        if (form.grant_type !== 'client_credentials') {
          answer(400, { error: 'unsupported_grant_type' }, 'unsupported', form);
        } else if (!ok) {
          answer(
            401,
            { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' },
            'invalid_client',
            form,
          );
        } else {
          answer(
            200,
            { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
            'issued',
            form,
          );
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    authorityHost: origin,
    caFile,
    accessToken,
    requests: () => [...recorded],
    tokenRequests: () => recorded.filter((request) => request.path === tokenPath),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The client secret, or a client assertion signed by the registered certificate's key (PS256/RS256). */
async function authenticate(
  form: Record<string, string>,
  audience: string,
  options: LocalEntraOptions,
): Promise<boolean> {
  if (form.client_id !== options.clientId) {
    return false;
  }
  if (form.client_secret !== undefined) {
    return options.clientSecret !== undefined && form.client_secret === options.clientSecret;
  }
  const certificate = options.clientCertificate;
  const assertion = form.client_assertion;
  if (
    certificate === undefined ||
    assertion === undefined ||
    form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
  ) {
    return false;
  }
  try {
    // Entra finds the registered certificate by its thumbprint, then checks the signature
    const header = decodeProtectedHeader(assertion);
    const thumbprint = Buffer.from(certificate.thumbprintSha256, 'hex').toString('base64url');
    if (header['x5t#S256'] !== thumbprint) {
      return false;
    }
    await jwtVerify(assertion, certificate.publicKey, {
      algorithms: ['PS256', 'RS256'],
      audience,
      issuer: options.clientId,
      subject: options.clientId,
      // msal stamps iat/nbf with Math.round(now), up to half a second ahead of this clock's whole
      // second; Entra allows five minutes of clock skew, and so does its stand-in (without it, a
      // certificate run that fell in the second half of a second was refused: a CI failure)
      clockTolerance: 300,
    });
    return true;
  } catch {
    // a bad signature, audience or expiry is what invalid_client answers
    return false;
  }
}
