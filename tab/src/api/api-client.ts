/**
 * The tab's one way to the API: every call carries the caller's credentials (a Teams SSO token
 * inside Teams, the dev identity in a plain browser), every answer is parsed with a zod schema
 * before a view sees it, and every failure becomes an ApiError with the server's Swedish message.
 */
import type { z } from 'zod';
import { ApiError } from './api-error.ts';

/** the value of the Authorization header, or null when nobody is signed in */
export type Credentials = () => Promise<string | null>;

export type ApiClient = {
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>>;
  send<S extends z.ZodType>(
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    body: unknown,
    schema: S,
    options?: { readonly ifMatch?: string },
  ): Promise<z.infer<S>>;
};

const NETWORK_MESSAGE = 'Insatsnavet svarar inte. Kontrollera anslutningen och försök igen.';

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; details?: unknown };
    };
    const error = body.error;
    if (error !== undefined && typeof error.message === 'string') {
      const details =
        typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
      return new ApiError(response.status, String(error.code ?? 'ERROR'), error.message, details);
    }
  } catch {
    // not our error shape (a proxy's page): fall through to a generic message
  }
  return new ApiError(response.status, 'HTTP', `Insatsnavet svarade ${response.status}. Försök igen om en stund.`);
}

export function createApiClient(credentials: Credentials): ApiClient {
  async function call<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    ifMatch?: string,
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const authorization = await credentials();
    if (authorization !== null) {
      headers.authorization = authorization;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (ifMatch !== undefined) {
      headers['if-match'] = ifMatch;
    }
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
    }
    if (!response.ok) {
      throw await errorFrom(response);
    }
    const parsed = schema.safeParse(await response.json());
    if (!parsed.success) {
      console.warn('Oväntat svar från', path, parsed.error.issues.slice(0, 3));
      throw new ApiError(
        502,
        'UNEXPECTED_ANSWER',
        'Insatsnavet svarade med något fliken inte förstår. Ladda om sidan.',
      );
    }
    return parsed.data;
  }
  return {
    get: (path, schema) => call('GET', path, schema),
    send: (method, path, body, schema, options) => call(method, path, schema, body, options?.ifMatch),
  };
}
