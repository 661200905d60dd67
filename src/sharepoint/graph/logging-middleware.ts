/**
 * Logs every attempt that reaches the network (so retries show as separate lines) with its
 * status and duration, and bounds each attempt by a timeout so a hung connection cannot hold a
 * Teams invoke or the scheduler forever.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphLogger } from './graph-logger.ts';
import { nextOf, requestMethod, requestUrl } from './middleware-context.ts';

export class LoggingMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly logger: GraphLogger,
    private readonly timeoutMs: number,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = nextOf(this.next, 'LoggingMiddleware');
    const method = requestMethod(context);
    const url = requestUrl(context);
    const startedAt = performance.now();
    context.options = { ...context.options, signal: AbortSignal.timeout(this.timeoutMs) };
    try {
      await next.execute(context);
    } catch (error) {
      const ms = Math.round(performance.now() - startedAt);
      this.logger.warn({ method, url, ms, error: String(error) }, 'Graph-anropet nådde inte fram');
      throw error;
    }
    const ms = Math.round(performance.now() - startedAt);
    this.logger.debug({ method, url, status: context.response?.status, ms }, 'Graph');
  }
}
