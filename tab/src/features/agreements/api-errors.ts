/**
 * The server's refusals for the agreement views: any failure as an ApiError (a bug in the tab
 * gets a generic Swedish message), and the reasons a refusal lists (`details.reasons`, e.g. why
 * the signing cannot start) when it lists more than its message says.
 */
import { ApiError } from '../../api/api-error.ts';

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'CLIENT', 'Något gick fel i fliken. Ladda om sidan.');
}

export function reasonsOf(error: ApiError): string[] {
  const reasons = error.details.reasons;
  if (!Array.isArray(reasons)) {
    return [];
  }
  // the message often is the one reason: not said twice
  return reasons.filter((reason): reason is string => typeof reason === 'string' && reason !== error.message);
}
