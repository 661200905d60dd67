/**
 * zod at the API's edge: a body, query or answer that does not parse becomes a 400 with one
 * Swedish message per field (`details.fields`), never a 500 and never a partial write.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';

const swedish = z.locales.sv().localeError;

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'Uppgifterna'): z.output<S> {
  const parsed = schema.safeParse(value ?? {}, { error: swedish });
  if (parsed.success) {
    return parsed.data;
  }
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.length === 0 ? '(hela)' : issue.path.map(String).join('.');
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (unknownKeys.length > 0) {
      for (const key of unknownKeys) {
        fields[path === '(hela)' ? key : `${path}.${key}`] = 'Fältet finns inte eller får inte ändras här.';
      }
      continue;
    }
    fields[path] ??= issue.message;
  }
  const lines = Object.entries(fields).map(([field, message]) => `${field}: ${message}`);
  throw new AppError('INVALID_INPUT', `invalid input: ${Object.keys(fields).join(', ')}`, {
    userMessage: `${what} är inte giltiga:\n${lines.join('\n')}`,
    details: { fields },
  });
}
