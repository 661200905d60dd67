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
  /** a name, a title, a number: line breaks and tabs become spaces */
  singleLine?: boolean;
};

/** C0 and C1 control characters but tab, line feed and carriage return; DEL */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** line breaks that are not \n: vertical tab (Word's Shift+Enter), form feed, NEL, U+2028/2029 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const ODD_LINE_BREAK = /[\u000b\u000c\u0085\u2028\u2029]/g;
/** bidi embeddings, overrides and isolates: they can make stored text read backwards (U+202E) */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
/** half a UTF-16 surrogate pair: not a character, and not storable as UTF-8 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Free text as Insatsnavet stores it: without control characters (garbage from a paste that
 * SharePoint's XML-based views choke on), bidi overrides (text that shows reversed) and lone
 * surrogates; odd line breaks become `\n`, and in a single-line field every break and tab a space.
 * Letters, emoji (zero-width joiners included) and right-to-left text stay as they are.
 */
export function normaliseFreeText(text: string, options: { readonly singleLine?: boolean } = {}): string {
  const cleaned = text
    .replace(ODD_LINE_BREAK, '\n')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '')
    .replace(LONE_SURROGATE, '');
  return options.singleLine === true ? cleaned.replace(/\r\n|[\r\n\t]/g, ' ') : cleaned;
}

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
  const singleLine = options.singleLine === true;
  let schema = z
    .string()
    .overwrite((text) => normaliseFreeText(text, { singleLine }))
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
