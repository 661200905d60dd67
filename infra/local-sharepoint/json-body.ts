/** Reading a request's JSON body the way Graph does: JSON content type, parseable, an object. */
import type { RequestScope } from './context.ts';
import { GraphError, invalidRequest } from './errors.ts';
import { isPlainObject } from './fields/write.ts';

const UNREADABLE =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

export function readJsonObject(scope: RequestScope): Record<string, unknown> {
  const body = scope.request.body;
  if (body.length === 0) {
    throw invalidRequest('The request body is empty; a JSON object is required.');
  }
  const contentType = scope.request.headers['content-type'] ?? '';
  if (!/\bjson\b/i.test(contentType)) {
    throw new GraphError(
      415,
      'invalidRequest',
      `Content-Type '${contentType || '(none)'}' is not supported; send application/json.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    // the client's problem, reported with Graph's own wording
    throw invalidRequest(UNREADABLE);
  }
  if (!isPlainObject(parsed)) {
    throw invalidRequest(`${UNREADABLE} (The body must be a JSON object.)`);
  }
  return parsed;
}
