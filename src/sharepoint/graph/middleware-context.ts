/**
 * Small helpers the middleware share: reading and writing headers of the SDK's request context
 * (which may hold a Headers object, header pairs or a plain record), and the per-request state
 * that travels with a request through the chain.
 */
import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { AppError } from '../../domain/app-error.ts';

/**
 * Per-request state passed through the SDK's middleware options. The SDK wraps anything a
 * middleware throws into a GraphError and loses it; a middleware that fails stores its AppError
 * here so that the client can rethrow it unchanged.
 */
export class RequestState implements MiddlewareOptions {
  failure: AppError | undefined;
  /** retries made for this request (0 when the first attempt was final) */
  retries = 0;
}

export function requestStateOf(context: Context): RequestState | undefined {
  const state = context.middlewareControl?.getMiddlewareOptions(RequestState);
  return state instanceof RequestState ? state : undefined;
}

export function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

export function requestMethod(context: Context): string {
  if (context.options?.method !== undefined) {
    return context.options.method.toUpperCase();
  }
  return typeof context.request === 'string' ? 'GET' : context.request.method;
}

export function setRequestHeader(context: Context, name: string, value: string): void {
  const options = context.options ?? {};
  context.options = options;
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
    return;
  }
  // Replace case-insensitively so that a caller's `user-agent` is not sent twice.
  const record: Record<string, string> = {};
  const entries = Array.isArray(headers) ? headers : Object.entries(headers ?? {});
  for (const [key, existing] of entries) {
    if (key !== undefined && existing !== undefined && key.toLowerCase() !== name.toLowerCase()) {
      record[key] = existing;
    }
  }
  record[name] = value;
  options.headers = record;
}

export function nextOf(next: Middleware | undefined, name: string): Middleware {
  if (next === undefined) {
    throw new Error(`${name} is not the last middleware: it needs a next one`);
  }
  return next;
}
