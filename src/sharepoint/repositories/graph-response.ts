import type { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';

/** Parses a Graph response we depend on; a shape we do not recognise is Graph's failure, not ours. */
export function parseGraphResponse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError('UPSTREAM_FAILED', `Graph returned an unexpected ${what}: ${parsed.error.message}`, {
      details: {
        issues: parsed.error.issues
          .slice(0, 5)
          .map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      },
    });
  }
  return parsed.data;
}
