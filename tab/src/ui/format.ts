/**
 * Swedish formats for the tab, the same functions the bot and the cards use (src/domain/format.ts):
 * `1 065 500 kr`, `2027-04-30`.
 */
export { formatDate, formatKr } from '../../../src/domain/format.ts';

const dateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** an ISO instant as Swedish local time, `2027-04-30 14:02` */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** `kr` amounts typed the Swedish way — `12 500,50`, `12500`, `12 500 kr` — as a number, or null */
export function parseKr(text: string): number | null {
  const cleaned = text
    .replace(/kr\.?$/i, '')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) {
    return null;
  }
  return Number(cleaned);
}
