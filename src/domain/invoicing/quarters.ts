/**
 * Calendar quarters, the invoicing periods of an insats (research domain.md §4.2: Q1 January–March
 * … Q4 October–December), and the quarters a period [StartDate, EndDate] touches.
 */
import { isoDateOf, lastDayOfMonth } from '../calendar/iso-date.ts';

export type QuarterNumber = 1 | 2 | 3 | 4;

export type Quarter = { readonly year: number; readonly quarter: QuarterNumber };

const MONTHS_SV = [
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

export function isQuarterNumber(value: number): value is QuarterNumber {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** the quarter a `YYYY-MM-DD` date lies in */
export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const quarter = Math.ceil(month / 3);
  if (!isQuarterNumber(quarter)) {
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  }
  return { year, quarter };
}

export function quarterStart({ year, quarter }: Quarter): string {
  return isoDateOf(year, (quarter - 1) * 3 + 1, 1);
}

export function quarterEnd({ year, quarter }: Quarter): string {
  const month = quarter * 3;
  return isoDateOf(year, month, lastDayOfMonth(year, month));
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as QuarterNumber };
}

/** every quarter overlapping [startDate, endDate] (both inclusive), earliest first; [] when end < start */
export function quartersOfPeriod(startDate: string, endDate: string): Quarter[] {
  const quarters: Quarter[] = [];
  if (endDate < startDate) {
    return quarters;
  }
  const last = quarterOf(endDate);
  for (let current = quarterOf(startDate); ; current = nextQuarter(current)) {
    quarters.push(current);
    if (current.year === last.year && current.quarter === last.quarter) {
      return quarters;
    }
  }
}

/** `NOVA-2027-Q1`: the unique key of a requisition row */
export function periodKeyOf(
  code: string,
  { year, quarter }: { readonly year: number; readonly quarter: number },
): string {
  return `${code}-${year}-Q${quarter}`;
}

/** `Q1 2027 (januari–mars)` */
export function quarterLabel({ year, quarter }: Quarter): string {
  const first = MONTHS_SV[(quarter - 1) * 3];
  const last = MONTHS_SV[quarter * 3 - 1];
  return `Q${quarter} ${year} (${first}–${last})`;
}

/** `kvartal 1 2027, januari–mars`: how a card or a reminder names the invoicing period */
export function quarterPeriodText({ year, quarter }: Quarter): string {
  const first = MONTHS_SV[(quarter - 1) * 3];
  const last = MONTHS_SV[quarter * 3 - 1];
  return `kvartal ${quarter} ${year}, ${first}–${last}`;
}
