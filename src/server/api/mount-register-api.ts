/**
 * Mounts the register's API routes on the restify server: identity first, then the route's use
 * case, the answer parsed against its schema; any error through sendError.
 */
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../../domain/clock.ts';
import type { ApprovalDeps } from '../../services/approvals/approval-deps.ts';
import type { InvoicingDeps } from '../../services/invoicing/invoicing-deps.ts';
import type { RegisterDeps } from '../../services/register/register-deps.ts';
import type { Logger } from '../logger.ts';
import { AGREEMENT_FILE_ROUTES, AGREEMENT_ROUTES, mountAgreementRoutes } from './agreement-routes.ts';
import { APPROVAL_ROUTES, mountApprovalRoutes } from './approval-routes.ts';
import type { IdentityDeps } from './identity.ts';
import { INVOICING_ROUTES, mountInvoicingRoutes } from './invoicing-routes.ts';
import { mountRoutes } from './mount-routes.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { REGISTER_ROUTES } from './register-routes.ts';
import { mountSignInPeople, SIGN_IN_PEOPLE_ROUTE, TAB_ROUTES } from './tab-routes.ts';

export type RegisterApiDeps = {
  readonly register: RegisterDeps;
  /** who is calling: dev identities or Teams SSO tokens, the rate limit (shared with the calendar routes) */
  readonly identity: IdentityDeps;
  readonly logger: Logger;
  /** the invoicing API (/api/rekvisitioner); absent: not mounted */
  readonly invoicing?: InvoicingDeps | undefined;
  /** the approvals API (/api/beslut, /api/delegationsbeslut); absent: not mounted */
  readonly approvals?: ApprovalDeps | undefined;
  /** the agreements API (issue 8) rides on the approvals' deps; `links` signs the cards' file links */
  readonly agreementLinks?: { readonly secret: string; readonly clock: Clock } | undefined;
};

export function mountRegisterApi(server: Server, deps: RegisterApiDeps): void {
  const { identity } = deps;
  // the dev sign-in picker exists only in AUTH_MODE=dev: in entra mode it is neither mounted nor documented
  const devOnly = identity.authMode === 'dev' ? [SIGN_IN_PEOPLE_ROUTE] : [];
  const openApi = buildOpenApiDocument([
    ...REGISTER_ROUTES,
    ...TAB_ROUTES,
    ...devOnly,
    ...(deps.invoicing === undefined ? [] : INVOICING_ROUTES),
    ...(deps.approvals === undefined ? [] : [...APPROVAL_ROUTES, ...AGREEMENT_ROUTES, ...AGREEMENT_FILE_ROUTES]),
  ]);
  server.get('/api/openapi.json', async (_req: Request, res: Response) => {
    res.status(200);
    res.json(openApi);
  });
  mountRoutes(server, [...REGISTER_ROUTES, ...TAB_ROUTES], { identity, deps: deps.register, logger: deps.logger });
  if (identity.authMode === 'dev') {
    mountSignInPeople(server, { register: deps.register, identity, logger: deps.logger });
  }
  if (deps.invoicing !== undefined) {
    mountInvoicingRoutes(server, { identity, invoicing: deps.invoicing, logger: deps.logger });
  }
  if (deps.approvals !== undefined) {
    mountApprovalRoutes(server, { identity, approvals: deps.approvals, logger: deps.logger });
    mountAgreementRoutes(server, {
      identity,
      approvals: deps.approvals,
      logger: deps.logger,
      ...(deps.agreementLinks === undefined ? {} : { links: deps.agreementLinks }),
    });
  }
}
