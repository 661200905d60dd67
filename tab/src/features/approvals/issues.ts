/**
 * The server's refusals, for a form: any failure as an ApiError (the server's Swedish message, or
 * a generic one for a bug in the tab), and the message for one field, whichever way the server
 * named it — `details.fields` (the API's edge, invoicing) or `details.issues` (approvals).
 */
import { ApiError } from '../../api/api-error.ts';

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'CLIENT', 'Något gick fel i fliken. Ladda om sidan.');
}

export function issueAt(error: ApiError, path: string): string | undefined {
  const fromFields = error.fieldErrors[path];
  if (fromFields !== undefined) {
    return fromFields;
  }
  const issues = error.details.issues;
  if (!Array.isArray(issues)) {
    return undefined;
  }
  for (const issue of issues) {
    if (typeof issue === 'object' && issue !== null) {
      const issuePath: unknown = Reflect.get(issue, 'path');
      const message: unknown = Reflect.get(issue, 'message');
      if (issuePath === path && typeof message === 'string') {
        return message;
      }
    }
  }
  return undefined;
}
