/**
 * Swedish formats: money as `1 065 500 kr`, dates as `2027-04-30`. Pure; the tab and the bot use
 * the same functions so the kansli sees one format everywhere.
 */

const kronor = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** `1065500` → `1 065 500 kr` (the space is a non-breaking space, as Swedish typography wants). */
export function formatKr(amount: number): string {
  return `${kronor.format(Math.round(amount))}\u00a0kr`;
}

/** A Date (or ISO instant) as the calendar date in the given time zone, `2027-04-30`. */
export function formatDate(value: Date | string, timeZone = 'Europe/Stockholm'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  // sv-SE's short date is already ISO order: 2027-04-30
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
