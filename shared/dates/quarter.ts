/**
 * Strategy quarters, calendar or fiscal. A fiscal year that starts in month S (S > 1) is labelled with the
 * calendar year in which it ENDS (the common convention, e.g. US federal FY 2027 runs October 2026 – September 2027).
 */
import { serialToDate } from '../core/args';
import { quarterLabel } from '../scoring/plan';

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Reads a month as 1–12 or a name ("July", "jul", "Sept"); undefined when it is not a month. */
export function parseMonth(v: string | number): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 12 ? v : undefined;
  const lower = v.trim().toLowerCase();
  const t = lower.endsWith('.') ? lower.slice(0, -1) : lower;
  // A month name is at most 9 letters ("september"): a longer text is not one (and is not compared).
  if (t.length < 3 || t.length > 9) return undefined;
  const i = MONTH_NAMES.findIndex((m) => m.startsWith(t) || (t === 'sept' && m === 'september'));
  return i < 0 ? undefined : i + 1;
}

export interface FiscalQuarter {
  quarter: 1 | 2 | 3 | 4;
  /** The fiscal year's label: the calendar year in which it ends. */
  year: number;
}

/** Fiscal quarter of a calendar (year, month 1–12) for a fiscal year starting in `fyStartMonth` (1 = calendar year). */
export function fiscalQuarter(year: number, month: number, fyStartMonth = 1): FiscalQuarter {
  const monthsIn = (month - fyStartMonth + 12) % 12;
  const quarter = (Math.floor(monthsIn / 3) + 1) as FiscalQuarter['quarter'];
  const fyYear = fyStartMonth > 1 && month >= fyStartMonth ? year + 1 : year;
  return { quarter, year: fyYear };
}

/** STRATEGY_QUARTER: "Q1 2027"-style label of a date given as a spreadsheet serial day number. */
export function strategyQuarter(serial: number, fyStartMonth = 1): string {
  const d = serialToDate(serial);
  // Written by PRIORITY_PLAN's labeller, so the label is always one PRIORITY_PLAN takes as start_quarter.
  return quarterLabel(fiscalQuarter(d.getUTCFullYear(), d.getUTCMonth() + 1, fyStartMonth), 0);
}
