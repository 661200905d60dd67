/**
 * Decorates every request as SharePoint asks (research/graph.md §3.8): undecorated traffic is
 * throttled first. Format `NONISV|Company|App/Version`.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { APP_VERSION } from './app-version.ts';
import { nextOf, setRequestHeader } from './middleware-context.ts';

export const DEFAULT_USER_AGENT = `NONISV|Insatsnavet|Insatsnavet/${APP_VERSION}`;

export class UserAgentMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly userAgent: string = DEFAULT_USER_AGENT) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    setRequestHeader(context, 'User-Agent', this.userAgent);
    await nextOf(this.next, 'UserAgentMiddleware').execute(context);
  }
}
