/**
 * Dates in Google Sheets: a custom function receives a date cell as the instant of that day's
 * midnight in the SPREADSHEET's time zone, while the script runs in the script's zone (appsscript.json
 * `timeZone`), so the day is read in the spreadsheet's zone (File ▸ Settings ▸ Time zone):
 * `Spreadsheet.getSpreadsheetTimeZone()` ("Gets the time zone for the spreadsheet", a read custom
 * functions may make) and `Utilities.formatDate(date, timeZone, 'yyyy-MM-dd')`. See
 * shared/dates/calendar-day.ts and docs/host-api-notes.md.
 */
import { dayOfFromFormatter, localDayOf, type DayOf } from '../../shared/dates/calendar-day';

/** The spreadsheet's time zone, or undefined where it cannot be read. */
export function spreadsheetTimeZone(): string | undefined {
  try {
    const tz = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
    return typeof tz === 'string' && tz ? tz : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a Date as the day it is in the spreadsheet's zone. The zone is read once, on the first Date
 * (a function given no date never calls the service); where it cannot be read, the script's zone is
 * used (what the script would do without this).
 */
export function spreadsheetDayOf(): DayOf {
  let read: DayOf | undefined;
  return (d) => {
    if (!read) {
      const tz = spreadsheetTimeZone();
      read = tz ? dayOfFromFormatter((x) => Utilities.formatDate(x, tz, 'yyyy-MM-dd')) : localDayOf;
    }
    return read(d);
  };
}
