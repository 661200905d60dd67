/**
 * Who is calling the API. The one place that knows how a caller proves who they are, so the
 * issue that validates Teams SSO tokens replaces this file only.
 *
 * AUTH_MODE=dev (a laptop, the tests): `Authorization: Bearer dev:<Entra object id>` or the header
 * `X-Insatsnavet-User: <Entra object id>`; the person must hold a current role in RoleAssignments.
 * AUTH_MODE=entra: `Authorization: Bearer <Teams SSO token>`, validated by the process's
 * TeamsTokenVerifier (entra-token-verifier.ts); the caller is the token's `oid`. Without a verifier
 * every call is refused (401) — fail closed, never open. The dev forms are not accepted.
 */
import type { Request } from 'restify';
import { AppError } from '../../domain/app-error.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { TeamsTokenVerifier } from './entra-token-verifier.ts';
import type { ApiThrottle } from './rate-limiter.ts';

export type IdentityDeps = {
  readonly authMode: 'dev' | 'entra';
  readonly loadActor: (aadObjectId: string) => Promise<Actor | null>;
  /** AUTH_MODE=entra: validates Teams SSO tokens (built once per process, it caches Entra's keys) */
  readonly verifyToken?: TeamsTokenVerifier | undefined;
  /**
   * The per-caller rate limit (rate-limiter.ts), taken here because every /api route but the bot's
   * resolves its caller first: by Entra object id once identity is proven, by client address when
   * it is not (a flood of bad tokens). Before the role lookup and the use case, so a refused call
   * costs no SharePoint request and stores nothing. Absent: no limit.
   */
  readonly throttle?: ApiThrottle | undefined;
};

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export async function resolveCaller(req: Request, deps: IdentityDeps): Promise<Actor> {
  let aadObjectId: string;
  try {
    aadObjectId = deps.authMode === 'dev' ? devCaller(req) : await entraCaller(req, deps.verifyToken);
  } catch (error) {
    // no proven identity: the client's address is the caller (throws 429 once it is over the limit)
    deps.throttle?.(`ip:${clientAddress(req)}`);
    throw error;
  }
  deps.throttle?.(`user:${aadObjectId.toLowerCase()}`);
  return actorOf(aadObjectId, deps);
}

/**
 * The rate limit of a route that needs no sign-in (the dev sign-in picker): counted by client
 * address, as a call without a proven identity is. Throws TooManyRequestsError over the limit.
 */
export function throttleByAddress(req: Request, deps: IdentityDeps): void {
  deps.throttle?.(`ip:${clientAddress(req)}`);
}

function devCaller(req: Request): string {
  const claimed = claimedId(req);
  if (claimed === null) {
    throw new AppError('UNAUTHENTICATED', 'no dev identity', {
      userMessage:
        'Du behöver logga in. Lokalt: skicka "Authorization: Bearer dev:<Entra-id>" eller "X-Insatsnavet-User: <Entra-id>".',
    });
  }
  if (!GUID.test(claimed)) {
    throw new AppError('UNAUTHENTICATED', 'dev identity is not a GUID', {
      userMessage: 'Inloggningen är ogiltig: Entra-id ska vara ett GUID.',
    });
  }
  return claimed;
}

async function actorOf(aadObjectId: string, deps: IdentityDeps): Promise<Actor> {
  const actor = await deps.loadActor(aadObjectId);
  if (actor === null) {
    throw new AppError('UNAUTHENTICATED', `no role for ${aadObjectId}`, {
      userMessage: 'Du finns inte i förbundets rollista (Roller) och kan inte använda Insatsnavet.',
    });
  }
  return actor;
}

/** the Entra object id of a caller with a valid Teams SSO token */
async function entraCaller(req: Request, verifyToken: TeamsTokenVerifier | undefined): Promise<string> {
  if (verifyToken === undefined) {
    throw new AppError('UNAUTHENTICATED', 'AUTH_MODE=entra without a token verifier', {
      userMessage: 'Inloggning med Entra ID är inte inställd för Insatsnavet.',
    });
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization')?.trim() ?? '');
  if (match?.[1] === undefined) {
    throw new AppError('UNAUTHENTICATED', 'no bearer token', {
      userMessage: 'Du behöver logga in. Öppna Insatsnavet som flik i Teams.',
    });
  }
  return verifyToken(match[1]);
}

function claimedId(req: Request): string | null {
  const authorization = header(req, 'authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+dev:(.+)$/i.exec(authorization.trim());
    return match?.[1]?.trim() ?? '';
  }
  return header(req, 'x-insatsnavet-user')?.trim() ?? null;
}

/**
 * The address the request came from. Behind App Service the socket is its front end, which
 * appends the client's address to X-Forwarded-For: the last entry is the one a client cannot
 * forge (earlier entries are whatever the client sent). IPv4 entries may carry a port.
 */
function clientAddress(req: Request): string {
  const forwarded = header(req, 'x-forwarded-for')?.split(',').at(-1)?.trim();
  const address = forwarded !== undefined && forwarded !== '' ? forwarded : (req.socket?.remoteAddress ?? 'unknown');
  return /^[\d.]+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}

function header(req: Request, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}
