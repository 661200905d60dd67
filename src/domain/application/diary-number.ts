/**
 * Diarienummer (registry numbers) for incoming applications, e.g. `SFV 2027/012`: a configurable
 * format (Settings `diarium.format`), numbered per year, never reused — a withdrawn application
 * keeps its number, and the next one takes the highest number ever given plus one.
 */

export const DIARY_FORMAT_SETTING = 'diarium.format';
export const DEFAULT_DIARY_FORMAT = 'SFV {år}/{nr:3}';
/** the highest number given in a year, kept so a deleted row cannot free its number */
export const diaryCounterSetting = (year: number): string => `diarium.senaste.${year}`;

const NUMBER_TOKEN = /\{nr(?::(\d+))?\}/;

/** true when the format has exactly one {nr} (or {nr:N}) and one {år} */
export function isValidDiaryFormat(format: string): boolean {
  return (format.match(/\{nr(?::\d+)?\}/g) ?? []).length === 1 && (format.match(/\{år\}/g) ?? []).length === 1;
}

/** `SFV {år}/{nr:3}`, 2027, 12 → `SFV 2027/012` */
export function formatDiaryNumber(format: string, year: number, sequence: number): string {
  return format
    .replace('{år}', String(year))
    .replace(NUMBER_TOKEN, (_token, width: string | undefined) =>
      String(sequence).padStart(width === undefined ? 1 : Number(width), '0'),
    );
}

/** the fixed text before the number, to find the year's numbers with one indexed `startswith` */
export function diaryPrefix(format: string, year: number): string {
  const withYear = format.replace('{år}', String(year));
  const index = withYear.search(NUMBER_TOKEN);
  return index < 0 ? withYear : withYear.slice(0, index);
}

/** the sequence number of a diarienummer of that year and format, or null if it is not one */
export function parseDiarySequence(format: string, year: number, value: string): number | null {
  const [before = '', after = ''] = format.replace('{år}', String(year)).split(/\{nr(?::\d+)?\}/);
  if (!value.startsWith(before) || !value.endsWith(after)) {
    return null;
  }
  const digits = value.slice(before.length, value.length - after.length);
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

/** the next number for the year: above every number given so far and above the stored counter */
export function nextDiarySequence(format: string, year: number, existing: readonly string[], counter: number): number {
  const highest = existing
    .map((value) => parseDiarySequence(format, year, value))
    .reduce<number>((max, sequence) => (sequence !== null && sequence > max ? sequence : max), counter);
  return highest + 1;
}
