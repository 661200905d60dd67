/**
 * The approvals API under /api/beslut (restify), for the tab: my approvals, one approval, putting
 * a matter to decision, voting (the same rules as the cards: the voter is the caller), withdrawing,
 * and the förbundschef's delegationsbeslut for the board. Same identity, error shape and OpenAPI
 * generation as the register's API.
 */
import type { Server } from 'restify';
import type { ApprovalDeps } from '../../services/approvals/approval-deps.ts';
import { castVote } from '../../services/approvals/cast-vote.ts';
import { getApprovalForViewer } from '../../services/approvals/get-approval.ts';
import { listDelegationDecisions } from '../../services/approvals/list-delegation-decisions.ts';
import { listMyApprovals } from '../../services/approvals/list-my-approvals.ts';
import { startApproval } from '../../services/approvals/start-approval.ts';
import { withdrawApproval } from '../../services/approvals/withdraw-approval.ts';
import type { Logger } from '../logger.ts';
import {
  approvalListSchema,
  approvalViewSchema,
  delegationQuerySchema,
  startApprovalBodySchema,
  voteBodySchema,
  voteResultSchema,
  withdrawBodySchema,
} from './approval-schemas.ts';
import type { IdentityDeps } from './identity.ts';
import { mountRoutes } from './mount-routes.ts';
import type { RouteContextWith, RouteDefinitionWith } from './route-definitions.ts';
import { parseInput } from './validate.ts';

type ApprovalRoute = RouteDefinitionWith<ApprovalDeps>;

function idOf(context: RouteContextWith<ApprovalDeps>): string {
  return context.params.id ?? '';
}

/** `?from=2027-01-01`; repeated (`?from=a&from=b`) or nested (`?from[x]=1`) is a 400, not ignored */
function fromOf(query: unknown): { from?: string } {
  const { from } = parseInput(delegationQuerySchema, query, 'Sökvillkoren');
  return from !== undefined && from.trim() !== '' ? { from: from.trim() } : {};
}

export const APPROVAL_ROUTES: readonly ApprovalRoute[] = [
  {
    method: 'get',
    path: '/api/beslut',
    summary:
      'Mina beslutsärenden: de som väntar på mitt svar (tidigast förfallna först), sedan öppna ärenden jag begärt',
    status: 200,
    response: approvalListSchema,
    errors: [],
    handle: (context) => listMyApprovals(context.deps, context.actor.aadObjectId),
  },
  {
    method: 'post',
    path: '/api/beslut',
    summary:
      'Begär ett beslut (kansliet): ansökan (beredningsgrupp → styrelse), budgetändring eller planändring (styrgrupp → förbundschef om mindre, annars styrelse); korten skickas direkt',
    body: startApprovalBodySchema,
    status: 201,
    response: approvalViewSchema,
    errors: [403, 404, 409],
    handle: (context) => startApproval(context.deps, context.actor.aadObjectId, context.body),
  },
  {
    method: 'get',
    path: '/api/delegationsbeslut',
    summary: 'Förbundschefens beslut på delegation (mindre ändringar), nyast först; för styrelsen och kansliet',
    query: delegationQuerySchema,
    status: 200,
    response: approvalListSchema,
    errors: [403],
    handle: (context) => listDelegationDecisions(context.deps, context.actor.aadObjectId, fromOf(context.query)),
  },
  {
    method: 'get',
    path: '/api/beslut/:id',
    summary: 'Ett beslutsärende med röster, rösträkning, beredningens rekommendation och vad jag kan svara',
    status: 200,
    response: approvalViewSchema,
    errors: [403, 404],
    handle: (context) => getApprovalForViewer(context.deps, context.actor.aadObjectId, idOf(context)),
  },
  {
    method: 'post',
    path: '/api/beslut/:id/rost',
    summary:
      'Rösta Godkänn, Avslå eller Avstår (där regeln tillåter) med en valfri kommentar; en andra röst ändrar inget',
    body: voteBodySchema,
    status: 200,
    response: voteResultSchema,
    errors: [403, 404],
    handle: (context) => castVote(context.deps, context.actor.aadObjectId, idOf(context), context.body),
  },
  {
    method: 'post',
    path: '/api/beslut/:id/aterkalla',
    summary:
      'Återkalla ett öppet ärende (den som begärde det eller förbundschefen); korten visar att det är återkallat',
    body: withdrawBodySchema,
    status: 200,
    response: approvalViewSchema,
    errors: [403, 404, 409, 412],
    handle: (context) => withdrawApproval(context.deps, context.actor.aadObjectId, idOf(context), context.body),
  },
];

export type ApprovalApiDeps = {
  readonly identity: IdentityDeps;
  readonly approvals: ApprovalDeps;
  readonly logger: Logger;
};

/** mounts the routes: identity first, then the use case, the answer parsed against its schema */
export function mountApprovalRoutes(server: Server, deps: ApprovalApiDeps): void {
  mountRoutes(server, APPROVAL_ROUTES, { identity: deps.identity, deps: deps.approvals, logger: deps.logger });
}
