/**
 * Turns what botbuilder throws for a failed Bot Connector call into a SendOutcome.
 *
 * botframework-connector (4.23) calls through @azure/core-client, which throws a RestError:
 * `statusCode` is the HTTP status, `code` the connector's error code from the body (e.g.
 * `Throttled`, `BotNotInConversationRoster`), and `response.headers.get('retry-after')` the
 * Retry-After of a 429. Without a response (connection refused, reset) there is no statusCode
 * and `code` is the system error (ECONNREFUSED): status 0.
 */
import type { SendOutcome } from '../../src/services/notifications/proactive-sender.ts';

export type SendFailureOutcome = Extract<SendOutcome, { ok: false }>;

export function failureFromError(error: unknown, nowMs: number): SendFailureOutcome {
  const status = statusOf(error);
  const retryAfterMs = retryAfterOf(error, nowMs);
  const code = stringProperty(error, 'code');
  const text = error instanceof Error ? error.message : String(error);
  const message = code !== undefined && !text.includes(code) ? `${code}: ${text}` : text;
  return retryAfterMs === undefined ? { ok: false, status, message } : { ok: false, status, retryAfterMs, message };
}

function statusOf(error: unknown): number {
  const direct = property(error, 'statusCode');
  if (typeof direct === 'number') {
    return direct;
  }
  const fromResponse = property(property(error, 'response'), 'status');
  return typeof fromResponse === 'number' ? fromResponse : 0;
}

function retryAfterOf(error: unknown, nowMs: number): number | undefined {
  const headers = property(property(error, 'response'), 'headers');
  const milliseconds = header(headers, 'retry-after-ms') ?? header(headers, 'x-ms-retry-after-ms');
  if (milliseconds !== undefined && Number.isFinite(Number(milliseconds))) {
    return Math.max(0, Number(milliseconds));
  }
  return parseRetryAfter(header(headers, 'retry-after'), nowMs);
}

/** Retry-After is seconds (Teams sends whole seconds; Graph has sent `2.128`) or an HTTP date */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.round(seconds * 1_000));
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** core-rest-pipeline's HttpHeaders has get(); a plain object of headers is read as is */
function header(headers: unknown, name: string): string | undefined {
  const get = property(headers, 'get');
  const value: unknown = typeof get === 'function' ? Reflect.apply(get, headers, [name]) : property(headers, name);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function property(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

function stringProperty(value: unknown, name: string): string | undefined {
  const found = property(value, name);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
