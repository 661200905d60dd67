/**
 * Turns a failed Graph response into the one error type (DESIGN.md §8), by HTTP status as the
 * GraphClient port documents. Graph's `{error:{code,message}}` goes into `details` so that
 * callers and logs can branch on `graphCode` (never on the message, which Graph rewords).
 */
import { z } from 'zod';
import { AppError, type AppErrorCode } from '../../domain/app-error.ts';

const STATUS_CODES: ReadonlyMap<number, AppErrorCode> = new Map([
  [400, 'INVALID_INPUT'],
  [401, 'UNAUTHENTICATED'],
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [409, 'CONFLICT'],
  [412, 'PRECONDITION_FAILED'],
  [429, 'THROTTLED'],
  [503, 'THROTTLED'],
  [504, 'THROTTLED'],
]);

export function appErrorCodeForStatus(status: number): AppErrorCode {
  return STATUS_CODES.get(status) ?? 'UPSTREAM_FAILED';
}

const graphErrorBody = z.object({
  error: z.object({ code: z.string().optional(), message: z.string().optional() }),
});

/** Graph's error code and message from a parsed body, or the start of a non-Graph text body. */
export function readGraphError(body: unknown): { graphCode: string | undefined; graphMessage: string | undefined } {
  const parsed = graphErrorBody.safeParse(body);
  if (parsed.success) {
    return { graphCode: parsed.data.error.code, graphMessage: parsed.data.error.message };
  }
  if (typeof body === 'string' && body.trim() !== '') {
    return { graphCode: undefined, graphMessage: body.trim().slice(0, 500) };
  }
  return { graphCode: undefined, graphMessage: undefined };
}

export type GraphFailure = {
  readonly status: number;
  /** the response body: parsed JSON, text, or undefined */
  readonly body: unknown;
  readonly method: string;
  readonly path: string;
  /** retries already made, when the failure is throttling that outlasted them */
  readonly retries?: number;
};

export function mapGraphError(failure: GraphFailure): AppError {
  const { graphCode, graphMessage } = readGraphError(failure.body);
  const code = appErrorCodeForStatus(failure.status);
  const retried = code === 'THROTTLED' && failure.retries !== undefined ? ` after ${failure.retries} retries` : '';
  const message =
    `Graph ${failure.method} ${failure.path} failed with ${failure.status}` +
    `${graphCode === undefined ? '' : ` ${graphCode}`}${retried}${graphMessage === undefined ? '' : `: ${graphMessage}`}`;
  return new AppError(code, message, {
    details: {
      status: failure.status,
      graphCode,
      graphMessage,
      method: failure.method,
      path: failure.path,
      ...(failure.retries === undefined ? {} : { retries: failure.retries }),
    },
  });
}

/** A request that got no response at all: connection refused, DNS, timeout. */
export function mapTransportError(error: unknown, method: string, path: string): AppError {
  // The SDK wraps fetch's error in a GraphError whose `code` is the original error's name.
  const names = [error instanceof Error ? error.name : undefined, errorCodeOf(error)];
  const timedOut = names.some((name) => name === 'TimeoutError' || name === 'AbortError');
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    'UPSTREAM_FAILED',
    `Graph ${method} ${path} ${timedOut ? 'timed out' : `could not be sent: ${reason}`}`,
    {
      details: { status: undefined, graphCode: undefined, graphMessage: reason, method, path },
      cause: error,
    },
  );
}

function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
