/** If-Match handling for PATCH and DELETE (graph.md §3.5). */
import type { RequestScope } from './context.ts';
import { GraphError } from './errors.ts';

function normalise(tag: string): string {
  return tag.replace(/^W\//, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();
}

/** Throws 400 for an unquoted ETag and 412 when none of the given tags is the current one. */
export function checkIfMatch(scope: RequestScope, currentETag: string): void {
  const header = scope.request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    return;
  }
  if (header.trim() === '*') {
    return;
  }
  const tags = header.match(/(?:W\/)?"[^"]*"/g);
  const rest = header.replace(/(?:W\/)?"[^"]*"/g, '').replace(/[\s,]/g, '');
  if (tags === null || rest !== '') {
    throw new GraphError(400, 'invalidRequest', 'ETags must be quoted strings', { innerCode: 'malformedEntityTag' });
  }
  const current = normalise(currentETag);
  if (!tags.some((tag) => normalise(tag) === current)) {
    throw new GraphError(
      412,
      'resourceModified',
      'The resource has changed since the caller last read it; usually an eTag mismatch.',
      { innerCode: 'entityTagDoesNotMatch' },
    );
  }
}
