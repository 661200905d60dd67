/**
 * Mounts a list of API routes on restify, the same way for every API: who is calling first, then
 * the route's use case with its deps, the answer parsed against the route's schema; any error
 * through sendError, so every route answers in the one error shape.
 */
import type { Request, Response, Server } from 'restify';
import { sendError } from '../http-errors.ts';
import type { Logger } from '../logger.ts';
import { type IdentityDeps, resolveCaller } from './identity.ts';
import type { RouteDefinitionWith } from './route-definitions.ts';

export function mountRoutes<Deps>(
  server: Server,
  routes: readonly RouteDefinitionWith<Deps>[],
  context: { readonly identity: IdentityDeps; readonly deps: Deps; readonly logger: Logger },
): void {
  for (const route of routes) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      try {
        const actor = await resolveCaller(req, context.identity);
        const ifMatch = req.headers['if-match'];
        const answer = await route.handle({
          actor,
          params: (req.params ?? {}) as Record<string, string>,
          query: req.query ?? {},
          // undefined when nothing was sent; a JSON `null` stays null, for the schema to refuse
          body: req.body === undefined ? {} : req.body,
          ifMatch: typeof ifMatch === 'string' ? ifMatch : undefined,
          deps: context.deps,
        });
        const body = route.response.parse(answer);
        res.status(route.status);
        res.json(body);
      } catch (error) {
        sendError(res, error, context.logger);
      }
    });
  }
}
