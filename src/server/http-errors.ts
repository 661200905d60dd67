/**
 * Turns whatever a route threw into an HTTP answer: an AppError keeps its status and its Swedish
 * user message; anything else is a bug, logged in full and answered with a bare 500.
 */
import type { Response } from 'restify';
import { AppError, isAppError } from '../domain/app-error.ts';
import { TooManyRequestsError } from './api/rate-limiter.ts';
import type { Logger } from './logger.ts';

export function sendError(res: Response, error: unknown, logger: Logger): void {
  const appError = isAppError(error) ? error : new AppError('INTERNAL', 'unexpected error', { cause: error });
  if (appError.httpStatus >= 500) {
    logger.error({ err: error }, appError.message);
  }
  if (appError instanceof TooManyRequestsError) {
    res.header('retry-after', String(appError.retryAfterSeconds));
  }
  res.status(appError.httpStatus);
  res.json({ error: appError.toJSON() });
}
