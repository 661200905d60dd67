/**
 * Attaches `Authorization: Bearer …`, but only to requests for the configured Graph origin:
 * a download redirect or a foreign nextLink must never carry our token elsewhere.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { AppError, isAppError } from '../../domain/app-error.ts';
import { nextOf, requestStateOf, requestUrl, setRequestHeader } from './middleware-context.ts';
import type { TokenProvider } from './token-providers.ts';

export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokenProvider: TokenProvider,
    private readonly graphOrigin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = nextOf(this.next, 'AuthMiddleware');
    if (new URL(requestUrl(context)).origin === this.graphOrigin) {
      let token: string;
      try {
        token = await this.tokenProvider();
      } catch (error) {
        const failure = isAppError(error)
          ? error
          : new AppError('UNAUTHENTICATED', 'Could not get a Graph token', { cause: error });
        const state = requestStateOf(context);
        if (state !== undefined) {
          state.failure = failure;
        }
        throw failure;
      }
      setRequestHeader(context, 'Authorization', `Bearer ${token}`);
    }
    await next.execute(context);
  }
}
