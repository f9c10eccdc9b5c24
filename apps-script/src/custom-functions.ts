/** Sheets adapter for custom functions: registry entry + raw Sheets arguments → Sheets value. */
import { toSheets, type SheetsValue } from '../../shared/core/hosts';
import { datesAsDays } from '../../shared/dates/calendar-day';
import { findFunction, invoke } from '../../shared/functions';
import { spreadsheetDayOf } from './dates';

/** Called by each generated top-level stub (`function PRIORITY_SCORE(impact, …)`). */
export function runCustomFunction(name: string, args: unknown[]): SheetsValue | SheetsValue[][] {
  const spec = findFunction(name);
  if (!spec) throw new Error(`Unknown function ${name}`);
  // Date cells (and "today") are read as the day they are in the spreadsheet's time zone.
  const dayOf = spreadsheetDayOf();
  return toSheets(invoke(spec, datesAsDays(args, dayOf), { now: () => new Date(), dayOf }));
}
