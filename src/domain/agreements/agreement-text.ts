/**
 * Small pieces of Swedish the samarbetsavtal is written with: lists joined with "och", month
 * names, a rule day `04-30` as "30 april", dates a number of months on. Pure.
 */
import { isoDateOf, lastDayOfMonth } from '../calendar/iso-date.ts';

export const MONTH_NAMES = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** `['A', 'B', 'C']` → `A, B och C` */
export function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) {
    return items[0] ?? '';
  }
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** the months of a quarter, `januari–mars` */
export function quarterMonths(quarter: 1 | 2 | 3 | 4): string {
  return `${monthName((quarter - 1) * 3 + 1)}–${monthName(quarter * 3)}`;
}

/**
 * A rule's `MM-DD` as it is said: `04-30` → `30 april`. 29 February exists only in leap years
 * (the due rule then uses the 28th), so it is said as the last day of February.
 */
export function dayAndMonth(monthDay: string): string {
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  if (month === 2 && day === 29) {
    return 'den sista februari';
  }
  return `${day} ${monthName(month)}`;
}

/** `2027-12-31` plus 3 months → `2028-03-31`; a day the month lacks becomes its last day */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (((month % 12) + 12) % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), lastDayOfMonth(targetYear, targetMonth));
  return isoDateOf(targetYear, targetMonth, day);
}

/** a text with nothing in it is no text: null, '' and whitespace all read as missing */
export function present(text: string | null | undefined): string | null {
  if (text === null || text === undefined) {
    return null;
  }
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** running text split where the writer put line breaks, empty lines dropped */
export function paragraphsOf(text: string | null | undefined): string[] {
  const value = present(text);
  return value === null
    ? []
    : value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
}

/** a number as a Swede writes it: `35`, `2,5` */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(value);
}

/** `§ 50` stays, `50` becomes `§ 50` */
export function paragraphRef(ref: string): string {
  const trimmed = ref.trim();
  return trimmed.startsWith('§') ? trimmed : `§ ${trimmed}`;
}
