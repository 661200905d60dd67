/**
 * The Graph root split the way the SDK wants it (host + version), and absolute URLs (nextLinks)
 * turned back into paths under that root. A URL outside the root is refused: following it would
 * send our token to another server.
 */
import { AppError } from '../../domain/app-error.ts';

export type GraphRoot = {
  /** e.g. `http://127.0.0.1:5050/v1.0`, no trailing slash */
  readonly url: string;
  readonly origin: string;
  readonly hostname: string;
  /** everything before the version segment, e.g. `https://graph.microsoft.com` */
  readonly host: string;
  /** the last path segment, e.g. `v1.0` */
  readonly version: string;
};

export function parseGraphRoot(baseUrl: string): GraphRoot {
  const trimmed = baseUrl.replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch (error) {
    throw new AppError('MISSING_CONFIG', `Graph base URL '${baseUrl}' is not a URL`, { cause: error });
  }
  const slash = trimmed.lastIndexOf('/');
  const version = trimmed.slice(slash + 1);
  if (parsed.pathname === '/' || parsed.pathname === '' || version === '') {
    throw new AppError('MISSING_CONFIG', `Graph base URL '${baseUrl}' needs a version, e.g. …/v1.0`);
  }
  return { url: trimmed, origin: parsed.origin, hostname: parsed.hostname, host: trimmed.slice(0, slash), version };
}

/** `/sites/root` stays; `https://graph…/v1.0/sites/root?$skiptoken=…` becomes `/sites/root?$skiptoken=…`. */
export function toGraphPath(pathOrUrl: string, root: GraphRoot): string {
  if (!/^https?:\/\//i.test(pathOrUrl)) {
    return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
  }
  const prefix = `${root.url}/`;
  if (pathOrUrl.toLowerCase().startsWith(prefix.toLowerCase())) {
    return `/${pathOrUrl.slice(prefix.length)}`;
  }
  throw new AppError('UPSTREAM_FAILED', `Graph sent a link outside ${root.url}: ${pathOrUrl}`, {
    details: { status: undefined, graphCode: undefined, graphMessage: undefined, method: 'GET', path: pathOrUrl },
  });
}

/** The path without its query, for error details and logs. */
export function pathForDetails(path: string): string {
  const query = path.indexOf('?');
  return query === -1 ? path : path.slice(0, query);
}
