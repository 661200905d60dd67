/**
 * Retries 429/503/504 honouring Retry-After (research/graph.md §3.8). Our own rather than the
 * SDK's RetryHandler so that the wait is injectable (tests never sleep), every retry is logged,
 * and a Retry-After longer than we are willing to wait fails fast instead of hanging a user.
 *
 * When retries run out the last response is passed on untouched; the client turns it into
 * AppError THROTTLED. Bodies that cannot be sent twice (streams) are never retried.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { nextOf, requestMethod, requestStateOf, requestUrl, setRequestHeader } from './middleware-context.ts';
import { isRetryableStatus, type RetryOptions, retryDelay } from './retry-policy.ts';

export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly options: RetryOptions) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = nextOf(this.next, 'RetryMiddleware');
    for (let attempt = 1; ; attempt += 1) {
      await next.execute(context);
      const response = context.response;
      if (response === undefined || !isRetryableStatus(response.status)) {
        return;
      }
      if (attempt > this.options.maxRetries || !isReplayable(context.options?.body)) {
        return;
      }
      const delayMs = retryDelay(response.headers.get('Retry-After'), attempt, this.options);
      const details = {
        method: requestMethod(context),
        url: requestUrl(context),
        status: response.status,
        retryAfter: response.headers.get('Retry-After'),
        attempt,
        delayMs,
      };
      if (delayMs > this.options.maxDelayMs) {
        this.options.logger.warn(details, 'Graph bad oss vänta längre än vi väntar; ger upp');
        return;
      }
      // Release the connection: an unread body keeps the socket busy until garbage collection.
      await response.body?.cancel();
      this.options.logger.warn(details, 'Graph strypte anropet; försöker igen');
      const state = requestStateOf(context);
      if (state !== undefined) {
        state.retries = attempt;
      }
      await this.options.sleep(delayMs);
      setRequestHeader(context, 'Retry-Attempt', String(attempt));
    }
  }
}

function isReplayable(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    ArrayBuffer.isView(body) ||
    body instanceof ArrayBuffer ||
    body instanceof Blob ||
    body instanceof URLSearchParams ||
    body instanceof FormData
  );
}
