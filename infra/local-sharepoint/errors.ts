/**
 * Graph's error envelope. Every failure the local SharePoint answers, including its own bugs,
 * goes through here so a client never sees a body it could not parse as a Graph error.
 */
import { type EmulatorResponse, jsonResponse } from './http-types.ts';

export type GraphErrorOptions = {
  /** a nested code, e.g. `invalidPath`, `malformedEntityTag` */
  innerCode?: string;
  /** extra response headers, e.g. `Retry-After` */
  headers?: Record<string, string>;
  /** extra properties inside innerError (e.g. throttling's `status`) */
  innerExtra?: Record<string, string>;
};

export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly options: GraphErrorOptions;

  constructor(status: number, code: string, message: string, options: GraphErrorOptions = {}) {
    super(message);
    this.name = 'GraphError';
    this.status = status;
    this.code = code;
    this.options = options;
  }
}

export function invalidRequest(message: string, innerCode?: string): GraphError {
  return new GraphError(400, 'invalidRequest', message, innerCode === undefined ? {} : { innerCode });
}

export function itemNotFound(message: string): GraphError {
  return new GraphError(404, 'itemNotFound', message);
}

export function notSupported(message: string): GraphError {
  return new GraphError(400, 'notSupported', message);
}

export function methodNotAllowed(method: string, allowed: readonly string[]): GraphError {
  return new GraphError(405, 'notSupported', `The HTTP method '${method}' is not supported for this resource.`, {
    headers: { allow: allowed.join(', ') },
  });
}

export function unknownSegment(segment: string): GraphError {
  // Graph answers an unknown path segment with 400 BadRequest and this wording
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

export type ErrorIds = { requestId: string; clientRequestId: string | undefined; date: Date };

/** innerError.date in Graph has no fraction and no zone designator */
function errorDate(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function graphErrorBody(error: GraphError, ids: ErrorIds): unknown {
  const innerError: Record<string, string> = {};
  if (error.options.innerCode !== undefined) {
    innerError.code = error.options.innerCode;
  }
  Object.assign(innerError, error.options.innerExtra ?? {});
  innerError.date = errorDate(ids.date);
  innerError['request-id'] = ids.requestId;
  if (ids.clientRequestId !== undefined) {
    innerError['client-request-id'] = ids.clientRequestId;
  }
  return { error: { code: error.code, message: error.message, innerError } };
}

export function errorResponse(error: GraphError, ids: ErrorIds): EmulatorResponse {
  return jsonResponse(error.status, graphErrorBody(error, ids), { ...(error.options.headers ?? {}) });
}
