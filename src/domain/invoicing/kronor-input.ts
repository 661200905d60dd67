/**
 * Amounts in kronor as people type them: a projektledare copies "12 500,50 kr" from the invoice,
 * a card's number field sends 12500.5, the tab may send "12500.50". All mean the same amount;
 * anything that could mean two amounts, or is not money at all, is refused rather than guessed.
 * Pure: the registration form, the bot and the API share it.
 */

/** above this an amount is a typo (an extra zero or two), not a quarter's invoice from one insats */
export const MAX_KRONOR = 100_000_000;

export type KronorProblem = 'empty' | 'not-a-number' | 'negative' | 'decimals' | 'too-large';

export type KronorReading =
  | { readonly ok: true; readonly amount: number }
  | { readonly ok: false; readonly problem: KronorProblem };

/** what a person may put between thousands: space, non-breaking space, narrow no-break space, thin space */
const GROUP_SEPARATORS = /[ \u00a0\u202f\u2009]/g;
/** "12 500 kr", "12 500 kr.", "12 500 SEK", "12 500:-" (the Swedish price dash) */
const CURRENCY_SUFFIX = /(\s*(kr\.?|kronor|sek)|:-)$/i;
/** whole kronor, either plain digits or grouped in threes by one separator each */
const INTEGER_PART = /^(\d+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)$/;
const SIGNED = /^[-\u2212\u2013+]/;

/** reads an amount and says what is wrong with it when it cannot */
export function readKronor(value: unknown): KronorReading {
  if (typeof value === 'number') {
    return checkAmount(value);
  }
  if (typeof value !== 'string') {
    return { ok: false, problem: value === undefined || value === null ? 'empty' : 'not-a-number' };
  }
  const text = value.trim().replace(CURRENCY_SUFFIX, '').trim();
  if (text === '') {
    return { ok: false, problem: 'empty' };
  }
  if (SIGNED.test(text)) {
    return { ok: false, problem: text.startsWith('+') ? 'not-a-number' : 'negative' };
  }
  // one decimal mark, comma (Swedish) or point (a card's number field, a pasted English figure)
  const marks = text.match(/[.,]/g) ?? [];
  if (marks.length > 1) {
    return { ok: false, problem: 'not-a-number' };
  }
  const [integerPart = '', decimals] = text.split(/[.,]/);
  if (!INTEGER_PART.test(integerPart) || (decimals !== undefined && !/^\d+$/.test(decimals))) {
    return { ok: false, problem: 'not-a-number' };
  }
  if (decimals !== undefined && decimals.length > 2) {
    // "12.500" may be twelve and a half thousand or twelve and a half: refuse, never guess
    return { ok: false, problem: 'decimals' };
  }
  const digits = integerPart.replace(GROUP_SEPARATORS, '');
  return checkAmount(Number(decimals === undefined ? digits : `${digits}.${decimals}`));
}

/** the amount, rounded to whole öre, or null when the value is not an acceptable amount */
export function parseKronor(value: unknown): number | null {
  const reading = readKronor(value);
  return reading.ok ? reading.amount : null;
}

/** Swedish, for a form field: what is wrong and how to write it instead */
export function kronorProblemText(problem: KronorProblem): string {
  switch (problem) {
    case 'empty':
      return 'måste fyllas i';
    case 'not-a-number':
      return 'ska vara ett belopp i kronor, t.ex. 12 500 eller 12 500,50';
    case 'negative':
      return 'får inte vara negativt';
    case 'decimals':
      return 'får ha högst två decimaler (ören)';
    case 'too-large':
      return `får vara högst ${formatKronorExact(MAX_KRONOR)}`;
  }
}

/** `1 065 500 kr`, or `12 500,50 kr` when there are öre: a message about öre must show them */
export function formatKronorExact(amount: number): string {
  const ore = Math.round(amount * 100);
  const whole = ore % 100 === 0;
  const text = new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(ore / 100);
  return `${text}\u00a0kr`;
}

/** öre, exactly: sums and comparisons of amounts are done on these integers */
export function toOre(amount: number): number {
  return Math.round(amount * 100);
}

function checkAmount(amount: number): KronorReading {
  if (!Number.isFinite(amount)) {
    return { ok: false, problem: 'not-a-number' };
  }
  if (amount < 0) {
    return { ok: false, problem: 'negative' };
  }
  const ore = Math.round(amount * 100);
  // binary noise (0.29 * 100 = 28.999999999999996) is fine; a third decimal someone typed is not
  if (Math.abs(amount * 100 - ore) > Math.max(1e-9, amount * 100 * Number.EPSILON * 8)) {
    return { ok: false, problem: 'decimals' };
  }
  if (ore > MAX_KRONOR * 100) {
    return { ok: false, problem: 'too-large' };
  }
  // -0 and 0 are the same amount
  return { ok: true, amount: ore / 100 + 0 };
}
