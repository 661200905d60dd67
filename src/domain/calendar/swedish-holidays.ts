/**
 * Swedish public holidays from the maintained `date-holidays` library (country SE), so Easter,
 * Midsummer and All Saints' Day are computed by a library that tracks changes in law rather than
 * by our own tables.
 *
 * date-holidays marks the red days as `public` and the three eves that are de facto days off in
 * Swedish working life — midsommarafton, julafton and nyårsafton — as `bank`. Both count as
 * non-working here. `optional` (the half days trettondagsafton, valborgsmässoafton,
 * allhelgonaafton, from 12:00) and `observance` (påskafton, pingstafton, name days …) do not:
 * those are working days, or Saturdays anyway.
 */
import Holidays from 'date-holidays';

const NON_WORKING_TYPES = new Set(['public', 'bank']);

const holidays = new Holidays('SE');
const byYear = new Map<number, ReadonlyMap<string, string>>();

/** The non-working holidays of one year: date (`YYYY-MM-DD`) → Swedish name. Cached per year. */
export function swedishHolidays(year: number): ReadonlyMap<string, string> {
  const cached = byYear.get(year);
  if (cached !== undefined) {
    return cached;
  }
  const days = new Map<string, string>();
  for (const holiday of holidays.getHolidays(year, 'sv')) {
    if (NON_WORKING_TYPES.has(holiday.type)) {
      // `date` is the local calendar date ("2027-06-25 00:00:00"), independent of the host's zone
      days.set(holiday.date.slice(0, 10), holiday.name);
    }
  }
  byYear.set(year, days);
  return days;
}

/** the holiday's Swedish name when `date` is a non-working holiday, else null */
export function swedishHolidayName(date: string): string | null {
  return swedishHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}
