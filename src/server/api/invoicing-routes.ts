/**
 * The invoicing API under /api/rekvisitioner (restify), for the tab: the caller's inbox, one
 * requisition, registering its invoice and the review chain. Same identity, error shape and
 * OpenAPI generation as the register's API; the use cases parse the bodies themselves, so the
 * API, the bot and the cards refuse the same inputs with the same Swedish messages.
 */
import type { Server } from 'restify';
import { advanceRequisition } from '../../services/invoicing/advance-requisition.ts';
import { getRequisitionForViewer } from '../../services/invoicing/get-requisition.ts';
import type { InvoicingDeps } from '../../services/invoicing/invoicing-deps.ts';
import { listRequisitionInbox } from '../../services/invoicing/list-requisition-inbox.ts';
import { registerRequisition } from '../../services/invoicing/register-requisition.ts';
import type { Logger } from '../logger.ts';
import type { IdentityDeps } from './identity.ts';
import {
  advanceBodySchema,
  registrationBodySchema,
  requisitionInboxSchema,
  requisitionViewSchema,
} from './invoicing-schemas.ts';
import { mountRoutes } from './mount-routes.ts';
import type { RouteContextWith, RouteDefinitionWith } from './route-definitions.ts';

type InvoicingRoute = RouteDefinitionWith<InvoicingDeps>;

/** the path's PeriodKey; restify always gives it, and the use case answers 404 for a bad one */
function periodKeyOf(context: RouteContextWith<InvoicingDeps>): string {
  return context.params.periodKey ?? '';
}

/** an `If-Match` header stands in for a body without `etag`, as in the register's API */
function withIfMatch(context: RouteContextWith<InvoicingDeps>): unknown {
  const { body, ifMatch } = context;
  if (ifMatch === undefined || typeof body !== 'object' || body === null || Array.isArray(body) || 'etag' in body) {
    return body;
  }
  return { ...body, etag: ifMatch };
}

export const INVOICING_ROUTES: readonly InvoicingRoute[] = [
  {
    method: 'get',
    path: '/api/rekvisitioner',
    summary:
      'Det som väntar på mig i faktureringen: projektledare ser fakturor som förfaller inom 30 dagar eller är avvisade, ekonomen det som ska granskas och betalas, förbundschefen det som ska attesteras',
    status: 200,
    response: requisitionInboxSchema,
    errors: [],
    handle: (context) => listRequisitionInbox(context.deps, context.actor.aadObjectId),
  },
  {
    method: 'get',
    path: '/api/rekvisitioner/:periodKey',
    summary: 'En rekvisition (t.ex. NOVA-2027-Q1) med budget per post, vad som återstår och vad jag får göra',
    status: 200,
    response: requisitionViewSchema,
    errors: [403, 404],
    handle: (context) => getRequisitionForViewer(context.deps, context.actor.aadObjectId, periodKeyOf(context)),
  },
  {
    method: 'post',
    path: '/api/rekvisitioner/:periodKey/registrera',
    summary:
      'Registrera kvartalets faktura (→ Inkommen): fakturanummer, inkomstdatum, total och belopp per budgetpost; en överskriden post flaggas för ekonomen',
    body: registrationBodySchema,
    status: 200,
    response: requisitionViewSchema,
    errors: [403, 404, 409, 412],
    handle: (context) =>
      registerRequisition(context.deps, context.actor.aadObjectId, periodKeyOf(context), withIfMatch(context)),
  },
  {
    method: 'post',
    path: '/api/rekvisitioner/:periodKey/status',
    summary:
      'Granska (ekonom), attestera (förbundschef), betala (ekonom) eller avvisa med skäl; den som registrerat eller granskat får inte attestera',
    body: advanceBodySchema,
    status: 200,
    response: requisitionViewSchema,
    errors: [403, 404, 409, 412],
    handle: (context) =>
      advanceRequisition(context.deps, context.actor.aadObjectId, periodKeyOf(context), withIfMatch(context)),
  },
];

export type InvoicingApiDeps = {
  readonly identity: IdentityDeps;
  readonly invoicing: InvoicingDeps;
  readonly logger: Logger;
};

/** mounts the routes: identity first, then the use case, the answer parsed against its schema */
export function mountInvoicingRoutes(server: Server, deps: InvoicingApiDeps): void {
  mountRoutes(server, INVOICING_ROUTES, { identity: deps.identity, deps: deps.invoicing, logger: deps.logger });
}
