/**
 * Finds Swedish personnummer and samordningsnummer in free text.
 *
 * A samordningsförbund may not keep data about individual participants (research/domain.md §6.1–§6.3),
 * so every free-text field refuses these numbers. The detector is deliberately strict about what counts
 * (a real calendar date and a correct Luhn check digit) so that amounts, dates, phone numbers, org numbers
 * and diarienummer pass: a guard that cries wolf teaches people to work around it.
 *
 * A match never carries the digits themselves, only where they are, so that nothing downstream
 * (logs, error messages, audit entries) can leak the number it was meant to stop.
 */

export type PersonalIdentityNumberKind = 'personnummer' | 'samordningsnummer';

export type PersonalIdentityNumberMatch = {
  /** UTF-16 offset of the first digit in the searched text */
  readonly index: number;
  /** characters from the first to the last digit, separator included */
  readonly length: number;
  readonly kind: PersonalIdentityNumberKind;
};

/**
 * One optional separator between the date part and the four last digits. Besides `-`, `+` (over 100)
 * and a space, this takes the look-alikes that Word, Outlook and Teams put in when text is pasted:
 * non-breaking and thin spaces, a tab, and the various hyphens and dashes.
 */
const SEPARATOR = '[-+ \\t\\u00a0\\u2007\\u2009\\u202f\\u2010\\u2011\\u2012\\u2013\\u2212]';

/**
 * A 6- or 8-digit date part, an optional separator and 4 digits, not touching other digits: a run inside
 * a longer run of digits (an OCR number, an account number) is some other kind of number.
 * The two alternatives cannot both match at one position, so the first that matches is the only one.
 */
const CANDIDATE = new RegExp(`(?<!\\d)(\\d{6}|\\d{8})(${SEPARATOR}?)(\\d{4})(?!\\d)`, 'g');

/** Samordningsnummer add 60 to the day of birth (Skatteverket), so 61–91 stand for days 1–31. */
const SAMORDNINGSNUMMER_DAY_OFFSET = 60;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, leap: boolean): number {
  if (month === 2) {
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The kind the date part stands for, or null if it is no calendar date.
 * `century` is null for the 10-digit form: the century is not written, so 29 February counts whenever
 * it exists in 19YY or 20YY — that is when YY is divisible by 4 (2000 was a leap year).
 */
function kindOfDate(
  century: number | null,
  yy: number,
  month: number,
  rawDay: number,
): PersonalIdentityNumberKind | null {
  if (month < 1 || month > 12) {
    return null;
  }
  const kind: PersonalIdentityNumberKind = rawDay > SAMORDNINGSNUMMER_DAY_OFFSET ? 'samordningsnummer' : 'personnummer';
  const day = kind === 'samordningsnummer' ? rawDay - SAMORDNINGSNUMMER_DAY_OFFSET : rawDay;
  const leap = century === null ? yy % 4 === 0 : isLeapYear(century * 100 + yy);
  return day >= 1 && day <= daysInMonth(month, leap) ? kind : null;
}

/** The Luhn check digit over the first nine digits of the 10-digit form (YYMMDDNNN). */
function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let position = 0; position < nineDigits.length; position += 1) {
    const product = Number(nineDigits.charAt(position)) * (position % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The 12-digit form only counts for centuries in which a personnummer can have been issued
 * (archives hold people born in the 1800s); `1234 0501 1234`-style article or invoice numbers
 * with another "century" are left alone.
 */
const CENTURIES = new Set([18, 19, 20]);

function classify(datePart: string, lastFour: string): PersonalIdentityNumberKind | null {
  const century = datePart.length === 8 ? Number(datePart.slice(0, 2)) : null;
  if (century !== null && !CENTURIES.has(century)) {
    return null;
  }
  const yymmdd = datePart.slice(-6);
  const kind = kindOfDate(century, Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6)));
  if (kind === null) {
    return null;
  }
  return luhnCheckDigit(yymmdd + lastFour.slice(0, 3)) === Number(lastFour.charAt(3)) ? kind : null;
}

/** Every personnummer or samordningsnummer in the text, in order; never the numbers themselves. */
export function findPersonalIdentityNumbers(text: string): readonly PersonalIdentityNumberMatch[] {
  const matches: PersonalIdentityNumberMatch[] = [];
  // a fresh RegExp per call: a shared global one keeps lastIndex between calls.
  // Resuming after a rejected candidate loses nothing: only its last four digits follow a non-digit,
  // and four digits cannot start another candidate.
  const pattern = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const [whole, datePart = '', , lastFour = ''] = found;
    const kind = classify(datePart, lastFour);
    if (kind !== null) {
      matches.push({ index: found.index, length: whole.length, kind });
    }
  }
  return matches;
}

/** invisible format characters (zero-width space and joiners, soft hyphen, word joiner, BOM …) */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * Whether the text holds at least one personnummer or samordningsnummer — also one written with
 * full-width digits or with invisible characters between its digits (a paste from a web page or a
 * PDF), which would otherwise slip past: the text is read a second time folded (NFKC) and without
 * format characters.
 */
export function containsPersonalIdentityNumber(text: string): boolean {
  if (findPersonalIdentityNumbers(text).length > 0) {
    return true;
  }
  const folded = text.normalize('NFKC').replace(FORMAT_CHARACTERS, '');
  return folded !== text && findPersonalIdentityNumbers(folded).length > 0;
}
