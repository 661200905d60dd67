/** What the request handler works with: the store, settings, clock and test controls. */

import type { FaultStore } from './faults.ts';
import type { EmulatorRequest } from './http-types.ts';
import type { QueryOptions } from './query-options.ts';
import type { RequestLog } from './request-log.ts';
import type { Db } from './store/sqlite.ts';

export type EmulatorContext = {
  readonly db: Db;
  /** SharePoint hostname in site ids and webUrls */
  readonly hostname: string;
  /** used for absolute URLs when a request carries no Host header */
  readonly defaultOrigin: string;
  readonly now: () => Date;
  readonly random: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly faults: FaultStore;
  readonly log: RequestLog;
  /**
   * When set, the only bearer token accepted (any other: 401 InvalidAuthenticationToken), so a
   * test can prove every request carried the token an identity service issued. Unset: any token.
   */
  readonly acceptedToken?: string;
};

/** The identity SharePoint records as author/editor: locally there is no real caller. */
export const LOCAL_USER = {
  displayName: 'Local SharePoint',
  id: '00000000-0000-0000-0000-00000000c0de',
  email: 'local-sharepoint@insatsnavet.local',
} as const;

export type RequestScope = {
  readonly ctx: EmulatorContext;
  readonly request: EmulatorRequest;
  /** request path after `/v1.0`, still percent-encoded */
  readonly graphPath: string;
  readonly query: QueryOptions;
  /** `http://host:port/v1.0`, for @odata.context and nextLinks */
  readonly graphRoot: string;
  /** lower-cased tokens of the Prefer header(s) */
  readonly prefer: ReadonlySet<string>;
  /** the request's timestamp, ISO seconds */
  readonly nowIso: string;
};
