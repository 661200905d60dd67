/**
 * The personal-data guard for free text at every edge: schemas for application texts, comments and card
 * inputs, and an assertion for services that get already-parsed objects (document metadata).
 *
 * Messages name the field, never the number: the message is shown to the user, but it also ends up in
 * logs and audit entries, where a personnummer must not be (research/domain.md §6.3).
 */
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import { containsPersonalIdentityNumber } from './personal-identity-number.ts';

/** The longest free text Insatsnavet takes unless a field says otherwise (SharePoint multi-line text). */
export const DEFAULT_FREE_TEXT_MAX = 20_000;

export type FreeTextOptions = {
  /** most characters after trimming; defaults to {@link DEFAULT_FREE_TEXT_MAX} */
  max?: number;
  /** fewest characters after trimming; none by default */
  min?: number;
};

const count = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** The Swedish message for a field that holds a personnummer or samordningsnummer. */
export function personalIdentityNumberMessage(label: string): string {
  return `"${label}" innehåller något som ser ut som ett personnummer eller samordningsnummer. Insatsnavet får inte lagra uppgifter om enskilda personer – ta bort numret.`;
}

function tooLongMessage(label: string, max: number): string {
  return `"${label}" får vara högst ${count.format(max)} tecken.`;
}

function tooShortMessage(label: string, min: number): string {
  return min === 1 ? `"${label}" måste fyllas i.` : `"${label}" måste vara minst ${count.format(min)} tecken.`;
}

/**
 * A trimmed free-text string that refuses a personnummer or samordningsnummer.
 * `label` is the field's name as the user sees it, e.g. `Syfte`.
 */
export function freeText(label: string, options: FreeTextOptions = {}): z.ZodString {
  const max = options.max ?? DEFAULT_FREE_TEXT_MAX;
  let schema = z
    .string()
    .trim()
    .max(max, { error: tooLongMessage(label, max) });
  if (options.min !== undefined && options.min > 0) {
    schema = schema.min(options.min, { error: tooShortMessage(label, options.min) });
  }
  return schema.refine((text) => !containsPersonalIdentityNumber(text), {
    error: personalIdentityNumberMessage(label),
  });
}

/** {@link freeText} that also takes null, for fields that may be left empty. */
export function optionalFreeText(label: string, options: FreeTextOptions = {}): z.ZodNullable<z.ZodString> {
  return freeText(label, options).nullable();
}

/**
 * Throws `INVALID_INPUT` listing every field that holds a personnummer or samordningsnummer, for
 * services that receive objects which did not pass through {@link freeText} (e.g. document metadata).
 * `labels` maps a field to the name the user sees; a field without a label is named by its key.
 */
export function assertNoPersonalIdentityNumbers(
  fields: Record<string, string | null | undefined>,
  labels: Record<string, string>,
): void {
  const offending: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && containsPersonalIdentityNumber(value)) {
      offending[field] = personalIdentityNumberMessage(labels[field] ?? field);
    }
  }
  const names = Object.keys(offending);
  if (names.length === 0) {
    return;
  }
  const [only] = Object.values(offending);
  const userMessage =
    names.length === 1 && only !== undefined
      ? only
      : `Flera fält innehåller något som ser ut som ett personnummer eller samordningsnummer (${names
          .map((field) => `"${labels[field] ?? field}"`)
          .join(', ')}). Insatsnavet får inte lagra uppgifter om enskilda personer – ta bort numren.`;
  // the log message names the fields only: the numbers must not reach the logs
  throw new AppError('INVALID_INPUT', `Personal identity number refused in field(s): ${names.join(', ')}`, {
    userMessage,
    details: { fields: offending },
  });
}
