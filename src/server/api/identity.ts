/**
 * Who is calling the API. The one place that knows how a caller proves who they are, so the
 * issue that validates Teams SSO tokens replaces this file only.
 *
 * AUTH_MODE=dev (a laptop, the tests): `Authorization: Bearer dev:<Entra object id>` or the header
 * `X-Insatsnavet-User: <Entra object id>`; the person must hold a current role in RoleAssignments.
 * AUTH_MODE=entra: refused (401) until token validation exists — fail closed, never open.
 */
import type { Request } from 'restify';
import { AppError } from '../../domain/app-error.ts';
import type { Actor } from '../../domain/lifecycle/actor.ts';

export type IdentityDeps = {
  readonly authMode: 'dev' | 'entra';
  readonly loadActor: (aadObjectId: string) => Promise<Actor | null>;
};

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

export async function resolveCaller(req: Request, deps: IdentityDeps): Promise<Actor> {
  if (deps.authMode !== 'dev') {
    throw new AppError('UNAUTHENTICATED', 'entra tokens are not validated yet', {
      userMessage: 'Inloggning med Entra ID är inte aktiverad ännu.',
    });
  }
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
  const actor = await deps.loadActor(claimed);
  if (actor === null) {
    throw new AppError('UNAUTHENTICATED', `no role for ${claimed}`, {
      userMessage: 'Du finns inte i förbundets rollista (Roller) och kan inte använda Insatsnavet.',
    });
  }
  return actor;
}

function claimedId(req: Request): string | null {
  const authorization = header(req, 'authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+dev:(.+)$/i.exec(authorization.trim());
    return match?.[1]?.trim() ?? '';
  }
  return header(req, 'x-insatsnavet-user')?.trim() ?? null;
}

function header(req: Request, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}
