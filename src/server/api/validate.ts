/**
 * zod at the API's edge: a body, query or answer that does not parse becomes a 400 with one
 * Swedish message per field (`details.fields`), never a 500 and never a partial write.
 */
import { z } from 'zod';
import { AppError } from '../../domain/app-error.ts';
import { containsPersonalIdentityNumber } from '../../domain/personal-data/personal-identity-number.ts';

const swedish = z.locales.sv().localeError;

/**
 * An unknown key as the answer names it: the caller typed it, so it may be a page of text or hold
 * a personnummer, and the answer (and whatever logs it) must carry neither.
 */
function shownKey(key: string): string {
  if (containsPersonalIdentityNumber(key)) {
    return '(okänt fält)';
  }
  return key.length > 60 ? `${key.slice(0, 57)}…` : key;
}

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'Uppgifterna'): z.output<S> {
  // no body at all is an empty one; a body of `null` is a body, and not an object
  const parsed = schema.safeParse(value === undefined ? {} : value, { error: swedish });
  if (parsed.success) {
    return parsed.data;
  }
  // a Map, not an object: a refused key named `__proto__` must be named, not swallowed by the setter
  const fields = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const path = issue.path.length === 0 ? '(hela)' : issue.path.map(String).join('.');
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    if (unknownKeys.length > 0) {
      for (const key of unknownKeys.map(shownKey)) {
        fields.set(path === '(hela)' ? key : `${path}.${key}`, 'Fältet finns inte eller får inte ändras här.');
      }
      continue;
    }
    if (!fields.has(path)) {
      fields.set(path, issue.message);
    }
  }
  const lines = [...fields].map(([field, message]) => `${field}: ${message}`);
  throw new AppError('INVALID_INPUT', `invalid input: ${[...fields.keys()].join(', ')}`, {
    userMessage: `${what} är inte giltiga:\n${lines.join('\n')}`,
    // fromEntries defines `__proto__` as an own key, as JSON.parse made it
    details: { fields: Object.fromEntries(fields) },
  });
}
