/**
 * SharePoint dateTime values: accepted as ISO 8601 (date, date-time, with or without offset;
 * no offset means UTC), stored and returned as `YYYY-MM-DDTHH:MM:SSZ`. Date-only columns keep
 * midnight UTC (the local SharePoint's sites are on UTC; see the README note on time zones).
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

// SharePoint's supported date range
const MIN_YEAR = 1900;
const MAX_YEAR = 8900;

export function normaliseDateTime(text: string, dateOnly: boolean): string | undefined {
  const match = ISO.exec(text.trim());
  if (match === null) {
    return undefined;
  }
  const [, y, mo, d, h = '00', mi = '00', s = '00', , zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) {
    // 2027-02-30 and friends
    return undefined;
  }
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [offsetHours, offsetMinutes] = zone.slice(1).split(':').map(Number);
    if (offsetHours === undefined || offsetMinutes === undefined || offsetHours > 14 || offsetMinutes > 59) {
      return undefined;
    }
    millis -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  const iso = new Date(millis).toISOString();
  return dateOnly ? `${iso.slice(0, 10)}T00:00:00Z` : `${iso.slice(0, 19)}Z`;
}
