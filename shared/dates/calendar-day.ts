/**
 * A date means a calendar day, the same day in both hosts.
 *
 * - Excel hands a date cell to a custom function as a serial number (days since 1899-12-30, a time
 *   of day as the fraction): the core takes its whole part.
 * - Google Sheets hands it as a JS Date: the instant of that day's midnight (plus the time of day) in
 *   the *spreadsheet's* time zone, while the script runs in the script's own zone (appsscript.json,
 *   Etc/UTC here). Read in the wrong zone, a date in Auckland (UTC+13) is the day before. So the Sheets
 *   adapter reads each Date's calendar day in the spreadsheet's zone (`getSpreadsheetTimeZone()` and
 *   `Utilities.formatDate(d, tz, 'yyyy-MM-dd')`, apps-script/src/dates.ts) and gives the core that day
 *   as a Date at UTC midnight (`datesAsDays`).
 * - The core reads a bare Date as the calendar day of its UTC instant, time of day dropped
 *   (`dateToSerial` in core/args.ts), so a day given at UTC midnight is exactly that day.
 *
 * Pure: the host's zone comes in as a function (`DayOf`), never from a global.
 */
import { dateToSerial, serialToDate, ymdToSerial } from '../core/args';
import { isDateObject } from '../core/values';

/** Reads a Date as the serial day number of the calendar day it shows in a host's time zone. */
export type DayOf = (d: Date) => number;

/** The day of the UTC instant (what the core does with a bare Date). */
export const utcDayOf: DayOf = (d) => dateToSerial(d);

/** The day in the JS runtime's own zone (Excel's runtime runs in the user's zone, like Excel's TODAY()). */
export const localDayOf: DayOf = (d) => ymdToSerial(d.getFullYear(), d.getMonth() + 1, d.getDate());

/** "2027-01-01" → serial day, or NaN for anything else. */
export function isoDaySerial(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : NaN;
}

/**
 * A DayOf from a host formatter that writes a Date's day as "yyyy-MM-dd" in the host's zone
 * (Apps Script: `d => Utilities.formatDate(d, tz, 'yyyy-MM-dd')`). Each distinct instant is
 * formatted once: a column of dates usually repeats a few days.
 */
export function dayOfFromFormatter(formatYmd: (d: Date) => string): DayOf {
  const seen = new Map<number, number>();
  return (d) => {
    const t = d.getTime();
    let day = seen.get(t);
    if (day === undefined) {
      day = isoDaySerial(formatYmd(d));
      seen.set(t, day);
    }
    return day;
  };
}

/** The day as the core takes it: a Date at UTC midnight (an invalid Date stays invalid, so it is still refused). */
export function dayAsDate(day: number): Date {
  return Number.isFinite(day) ? serialToDate(day) : new Date(NaN);
}

function cellAsDay(v: unknown, dayOf: DayOf): unknown {
  if (!isDateObject(v)) return v;
  return Number.isNaN(v.getTime()) ? v : dayAsDate(dayOf(v));
}

/**
 * Replaces every Date in host arguments (single cells and 2-D ranges) with UTC midnight of the day
 * `dayOf` reads; everything else is kept as it is (same arrays when there is no Date).
 */
export function datesAsDays(args: readonly unknown[], dayOf: DayOf): unknown[] {
  return args.map((a) => {
    if (!Array.isArray(a)) return cellAsDay(a, dayOf);
    if (!a.some((row) => Array.isArray(row) && row.some(isDateObject))) return a;
    return a.map((row) => (Array.isArray(row) ? row.map((v) => cellAsDay(v, dayOf)) : row));
  });
}
