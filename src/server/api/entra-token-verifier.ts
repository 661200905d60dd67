/**
 * Validates the Teams SSO tokens the tab sends (AUTH_MODE=entra) and answers who the caller is:
 * the Entra object id (`oid`). Signature against Entra's published keys (jose's remote key set
 * caches them and refetches when a token names a key it has not seen: Entra's key rotation),
 * issuer and tenant against the allow-list, audience = the tab app, expiry with a minute's skew.
 *
 * Built once per process; restify-free so the tests drive it with locally signed tokens. Every
 * refusal is an AppError UNAUTHENTICATED (401); only an unreachable key endpoint is a 502. The
 * token itself is never put in an error message, so it never reaches a log.
 */
import { createRemoteJWKSet, errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { EntraSettings } from '../../config/env.ts';
import { AppError } from '../../domain/app-error.ts';

/** Answers the caller's Entra object id, or throws an AppError (UNAUTHENTICATED, UPSTREAM_FAILED). */
export type TeamsTokenVerifier = (token: string) => Promise<string>;

export type EntraTokenVerifierOptions = {
  /**
   * How long after fetching the keys an unknown key id does not trigger another fetch (jose's
   * default 30 s keeps a flood of forged kids from hammering Entra). Tests of rotation pass 0.
   */
  readonly refetchCooldownMs?: number;
};

/** Teams/Entra tokens are RS256; anything else (none, HS256 with the public key as secret) is refused */
const ALGORITHMS = ['RS256'];
/** clocks in Entra and App Service drift a little; a minute is the usual allowance */
const CLOCK_SKEW_SECONDS = 60;
const GUID = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/;

const REFUSED = 'Inloggningen kunde inte bekräftas. Stäng fliken och öppna den igen i Teams.';

export function createEntraTokenVerifier(
  settings: EntraSettings,
  options: EntraTokenVerifierOptions = {},
): TeamsTokenVerifier {
  const remoteKeys = createRemoteJWKSet(new URL(settings.jwksUrl), {
    ...(options.refetchCooldownMs === undefined ? {} : { cooldownDuration: options.refetchCooldownMs }),
  });
  // a key the set does not hold is the token's fault; failing to fetch the set is Entra's (or ours)
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remoteKeys(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
        throw error;
      }
      throw new KeySetUnavailable(error);
    }
  };
  const allowedTenants = new Set(settings.tenantIds.map((id) => id.toLowerCase()));
  const issuers = [...allowedTenants].flatMap(issuersOf);
  const audiences = [settings.appIdUri, settings.clientId];

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ALGORITHMS,
        audience: audiences,
        issuer: issuers,
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (error) {
      if (error instanceof KeySetUnavailable) {
        throw new AppError('UPSTREAM_FAILED', 'could not fetch the Entra signing keys', {
          userMessage: 'Inloggningen kan inte kontrolleras just nu (Entra ID svarar inte). Försök igen om en stund.',
          cause: error.cause,
        });
      }
      throw refused(reasonOf(error));
    }
    // the issuer list already holds only allowed tenants; the token's own tid must agree with it
    const tenant = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    if (!allowedTenants.has(tenant) || !issuersOf(tenant).includes(String(payload.iss))) {
      throw refused('tenant not allowed');
    }
    const objectId = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
    if (!GUID.test(objectId)) {
      throw refused('oid is not a GUID');
    }
    return objectId;
  };
}

/** v2.0 tokens name the tenant's v2.0 endpoint; v1 tokens (the default for many app registrations) sts.windows.net */
function issuersOf(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

function refused(reason: string): AppError {
  return new AppError('UNAUTHENTICATED', `teams token refused: ${reason}`, { userMessage: REFUSED });
}

/** jose's error code says why (expired, audience, signature) without repeating the token */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) {
    return error instanceof errors.JWTClaimValidationFailed ? `${error.code} (${error.claim})` : error.code;
  }
  return 'unreadable token';
}

class KeySetUnavailable extends Error {
  constructor(cause: unknown) {
    super('the JSON Web Key Set could not be fetched', { cause });
    this.name = 'KeySetUnavailable';
  }
}
