import { AppError, type AppErrorCode } from '../../domain/app-error.ts';
import type { GraphBatchResponse } from '../graph/graph-client.ts';

/**
 * The AppError for a failed inner `$batch` response. The GraphClient returns inner failures
 * instead of throwing them, so bulk methods translate them with the same status → code table
 * the client uses for single requests (graph-client.ts).
 */
export function batchResponseError(response: GraphBatchResponse, method: string, path: string): AppError {
  const graphError = readGraphError(response.body);
  return new AppError(
    codeForStatus(response.status),
    `Graph ${method} ${path} failed in a batch with ${response.status}${graphError.code === undefined ? '' : ` ${graphError.code}`}`,
    {
      details: {
        status: response.status,
        graphCode: graphError.code,
        graphMessage: graphError.message,
        method,
        path,
      },
    },
  );
}

export function codeForStatus(status: number): AppErrorCode {
  switch (status) {
    case 400:
      return 'INVALID_INPUT';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 412:
      return 'PRECONDITION_FAILED';
    case 429:
    case 503:
    case 504:
      return 'THROTTLED';
    default:
      return 'UPSTREAM_FAILED';
  }
}

function readGraphError(body: unknown): { code: string | undefined; message: string | undefined } {
  const error: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
  if (typeof error !== 'object' || error === null) {
    return { code: undefined, message: undefined };
  }
  const code: unknown = Reflect.get(error, 'code');
  const message: unknown = Reflect.get(error, 'message');
  return {
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? message : undefined,
  };
}
