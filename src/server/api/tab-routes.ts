/**
 * The routes the Teams tab needs beside the register's: the member organisations, the portfolio
 * overview, and the kansli's settings screen — as data, mounted with mountRoutes and documented in
 * OpenAPI like the others — and the dev sign-in picker (/api/personer), which has no caller (it is
 * what a caller is picked from) and so is mounted on its own, in AUTH_MODE=dev only.
 */
import type { Request, Response, Server } from 'restify';
import {
  membersResponseSchema,
  overviewResponseSchema,
  settingsResponseSchema,
  settingsUpdateResponseSchema,
  signInPeopleResponseSchema,
} from '../../contracts/register-responses.ts';
import { listSignInPeople } from '../../services/dev-identity/list-sign-in-people.ts';
import { listMembers } from '../../services/register/list-members.ts';
import { readOverview } from '../../services/register/read-overview.ts';
import type { RegisterDeps } from '../../services/register/register-deps.ts';
import { getSettings } from '../../services/settings/get-settings.ts';
import type { SettingsView } from '../../services/settings/settings-view.ts';
import { updateSettings } from '../../services/settings/update-settings.ts';
import { sendError } from '../http-errors.ts';
import type { Logger } from '../logger.ts';
import { type IdentityDeps, throttleByAddress } from './identity.ts';
import { settingsBodySchema } from './request-schemas.ts';
import type { RouteDefinition, RouteDocumentation } from './route-definitions.ts';
import { parseInput } from './validate.ts';

function settingsAnswer(view: SettingsView): Record<string, unknown> {
  const { settings, ...rest } = view;
  return { installningar: settings, ...rest };
}

export const TAB_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'get',
    path: '/api/medlemmar',
    summary: 'Förbundets medlemsorganisationer (namn, typ, aktiv), i namnordning',
    status: 200,
    response: membersResponseSchema,
    errors: [],
    handle: async (context) => ({ medlemmar: await listMembers(context.deps) }),
  },
  {
    method: 'get',
    path: '/api/oversikt',
    summary:
      'Översikt över de insatser jag får se: antal per skede, beviljat och fakturerat per år, fakturor som förfaller snart eller är försenade',
    status: 200,
    response: overviewResponseSchema,
    errors: [],
    handle: (context) => readOverview(context.deps, context.actor),
  },
  {
    method: 'get',
    path: '/api/installningar',
    summary:
      'Kansliets inställningar: förfalloregel, påminnelsedagar, eskaleringsdag, klockslag för påminnelser och gränsen för mindre ändring (kansliet och styrelsen)',
    status: 200,
    response: settingsResponseSchema,
    errors: [403],
    handle: async (context) => settingsAnswer(await getSettings(context.deps, context.actor)),
  },
  {
    method: 'put',
    path: '/api/installningar',
    summary:
      'Ändra inställningar (kansliet): bara de fält som skickas; samma regler som svepet läser dem med; en rad i Händelselogg',
    body: settingsBodySchema,
    status: 200,
    response: settingsUpdateResponseSchema,
    errors: [403],
    handle: async (context) => {
      const patch = parseInput(settingsBodySchema, context.body, 'Inställningarna');
      return settingsAnswer(await updateSettings(context.deps, context.actor, patch));
    },
  },
];

/** documented like the others, but mounted by mountSignInPeople: it has no caller */
export const SIGN_IN_PEOPLE_ROUTE: RouteDocumentation = {
  method: 'get',
  path: '/api/personer',
  summary:
    'Bara AUTH_MODE=dev: alla som kan logga in, med roller, grupperade (kansli, styrelse, beredningsgrupp, firmatecknare, styrgrupp, projektledare och projektägare) – för att välja vem man loggar in som',
  status: 200,
  response: signInPeopleResponseSchema,
  errors: [429],
  anonymous: true,
};

export type SignInPeopleDeps = {
  readonly register: RegisterDeps;
  readonly identity: IdentityDeps;
  readonly logger: Logger;
};

/**
 * GET /api/personer, without a caller (rate-limited by client address). Mount it only in
 * AUTH_MODE=dev: unmounted, the path answers as any unknown path does, so entra mode does not even
 * reveal that it exists.
 */
export function mountSignInPeople(server: Server, deps: SignInPeopleDeps): void {
  server.get(SIGN_IN_PEOPLE_ROUTE.path, async (req: Request, res: Response) => {
    try {
      throttleByAddress(req, deps.identity);
      const body = SIGN_IN_PEOPLE_ROUTE.response.parse({ personer: await listSignInPeople(deps.register) });
      res.status(SIGN_IN_PEOPLE_ROUTE.status);
      res.json(body);
    } catch (error) {
      sendError(res, error, deps.logger);
    }
  });
}
