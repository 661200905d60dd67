/**
 * The app's pino logger: JSON lines, secrets redacted, and the correlation context of whatever is
 * being handled — an HTTP request (`correlationId`), a bot turn (`activityId`, `conversationId`),
 * a sweep run (`sweepId`) — added to every line logged while handling it.
 *
 * The context travels in AsyncLocalStorage rather than in child loggers passed down by hand, so a
 * line logged deep in a service or the Graph client carries the id without every layer having to
 * accept a logger for it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { type DestinationStream, type Logger, pino } from 'pino';
import type { Config } from '../config/env.ts';
import { scrubSecrets, scrubText } from './log-redaction.ts';

export type { Logger };

/** what identifies the work a log line belongs to */
export type LogContext = {
  readonly correlationId?: string;
  readonly activityId?: string;
  readonly conversationId?: string;
  readonly sweepId?: string;
};

/** Never logged: tokens, passwords, client secrets (wherever an object carrying them is logged). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  '*.authorization',
  '*.password',
  '*.clientSecret',
  '*.token',
  'authorization',
  'password',
  'clientSecret',
  'token',
];

const contextStorage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with `context` added to the current one; every line logged within carries both. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return contextStorage.run({ ...contextStorage.getStore(), ...context }, work);
}

/** the context of the work under way ({} outside any) */
export function currentLogContext(): LogContext {
  return contextStorage.getStore() ?? {};
}

/** `destination` is for tests that read the JSON lines; default stdout. */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'insatsnavet' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // …and at any depth, and inside strings (log-redaction.ts): the paths above are the fast path
    formatters: { log: (object: Record<string, unknown>) => scrubSecrets(object) as Record<string, unknown> },
    hooks: {
      logMethod(this: Logger, args: unknown[], method: (...inner: unknown[]) => void) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)),
        );
      },
    },
    mixin: () => ({ ...contextStorage.getStore() }),
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
