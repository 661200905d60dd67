/**
 * Mounts the register's API routes on the restify server: identity first, then the route's use
 * case, the answer parsed against its schema; any error through sendError.
 */
import type { Request, Response, Server } from 'restify';
import type { ApprovalDeps } from '../../services/approvals/approval-deps.ts';
import type { InvoicingDeps } from '../../services/invoicing/invoicing-deps.ts';
import { loadActor } from '../../services/register/load-actor.ts';
import type { RegisterDeps } from '../../services/register/register-deps.ts';
import { sendError } from '../http-errors.ts';
import type { Logger } from '../logger.ts';
import { APPROVAL_ROUTES, mountApprovalRoutes } from './approval-routes.ts';
import type { TeamsTokenVerifier } from './entra-token-verifier.ts';
import { resolveCaller } from './identity.ts';
import { INVOICING_ROUTES, mountInvoicingRoutes } from './invoicing-routes.ts';
import { buildOpenApiDocument } from './openapi.ts';
import type { ApiThrottle } from './rate-limiter.ts';
import { REGISTER_ROUTES } from './register-routes.ts';

export type RegisterApiDeps = {
  readonly register: RegisterDeps;
  readonly authMode: 'dev' | 'entra';
  /** AUTH_MODE=entra: the process's Teams SSO token verifier; absent: every call is refused */
  readonly verifyToken?: TeamsTokenVerifier | undefined;
  readonly logger: Logger;
  /** the invoicing API (/api/rekvisitioner); absent: not mounted */
  readonly invoicing?: InvoicingDeps | undefined;
  /** the approvals API (/api/beslut, /api/delegationsbeslut); absent: not mounted */
  readonly approvals?: ApprovalDeps | undefined;
  /** the process's per-caller rate limit, taken when the caller is resolved; absent: no limit */
  readonly throttle?: ApiThrottle | undefined;
};

export function mountRegisterApi(server: Server, deps: RegisterApiDeps): void {
  const identity = {
    authMode: deps.authMode,
    loadActor: (id: string) => loadActor(deps.register, id),
    verifyToken: deps.verifyToken,
    throttle: deps.throttle,
  };
  const openApi = buildOpenApiDocument([
    ...REGISTER_ROUTES,
    ...(deps.invoicing === undefined ? [] : INVOICING_ROUTES),
    ...(deps.approvals === undefined ? [] : APPROVAL_ROUTES),
  ]);
  server.get('/api/openapi.json', async (_req: Request, res: Response) => {
    res.status(200);
    res.json(openApi);
  });
  for (const route of REGISTER_ROUTES) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      try {
        const actor = await resolveCaller(req, identity);
        const ifMatch = req.headers['if-match'];
        const answer = await route.handle({
          actor,
          params: (req.params ?? {}) as Record<string, string>,
          query: req.query ?? {},
          body: req.body ?? {},
          ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined,
          deps: deps.register,
        });
        const body = route.response.parse(answer);
        res.status(route.status);
        res.json(body);
      } catch (error) {
        sendError(res, error, deps.logger);
      }
    });
  }
  if (deps.invoicing !== undefined) {
    mountInvoicingRoutes(server, { identity, invoicing: deps.invoicing, logger: deps.logger });
  }
  if (deps.approvals !== undefined) {
    mountApprovalRoutes(server, { identity, approvals: deps.approvals, logger: deps.logger });
  }
}
