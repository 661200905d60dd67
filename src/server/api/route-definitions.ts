/**
 * The register's API routes as data: method, path, what they take and answer. The routes are
 * mounted from this list and the OpenAPI document is generated from it, so both say the same.
 */
import type { z } from 'zod';
import type { Actor } from '../../domain/lifecycle/actor.ts';
import type { RegisterDeps } from '../../services/register/register-deps.ts';

export type RouteContext = {
  readonly actor: Actor;
  readonly params: Readonly<Record<string, string>>;
  readonly query: unknown;
  readonly body: unknown;
  readonly ifMatch: string | undefined;
  readonly deps: RegisterDeps;
};

export type RouteDefinition = {
  readonly method: 'get' | 'post' | 'patch' | 'put';
  /** restify path, `:id` style */
  readonly path: string;
  readonly summary: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly status: number;
  readonly response: z.ZodType;
  /** the error statuses this route can answer besides 400/401 */
  readonly errors: readonly number[];
  /**
   * true for a route that needs no sign-in (the dev sign-in picker): documented without security.
   * Documentation only: mountRoutes resolves a caller for every route, so such a route is mounted
   * on its own (tab-routes.ts mountSignInPeople).
   */
  readonly anonymous?: boolean;
  /**
   * a body that is not JSON (a PDF upload): its media type, for the OpenAPI document; such a route
   * reads its own body and is mounted on its own (agreement-routes.ts)
   */
  readonly bodyMediaType?: string;
  /** an answer that is not JSON (a PDF): its media type; `response` is then not used */
  readonly responseMediaType?: string;
  readonly handle: (context: RouteContext) => Promise<unknown>;
};

/** what the OpenAPI document needs of a route: everything but its handler */
export type RouteDocumentation = Omit<RouteDefinition, 'handle'>;

/** the context of a route whose use cases take other deps than the register's (the invoicing API) */
export type RouteContextWith<Deps> = Omit<RouteContext, 'deps'> & { readonly deps: Deps };

export type RouteDefinitionWith<Deps> = RouteDocumentation & {
  readonly handle: (context: RouteContextWith<Deps>) => Promise<unknown>;
};
