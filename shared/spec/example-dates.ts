/**
 * Example data placed relative to the day of insertion, so an inserted example always reads as a
 * current plan: the roadmap's first quarter is the calendar quarter before today's (its work is done
 * or overdue), the second is today's quarter (in progress), the third and fourth are ahead; decision
 * and revisit dates fall a few months before or after today. Near a quarter's end, "today's quarter"
 * is the next one (see END_MARGIN).
 *
 * The roadmap's "Q1"…"Q4" are quarters of the plan, as in the strategy guide ("Q1: Foundation &
 * Security"): with the example, the Prioritization sheet's "First quarter" is plan quarter 1 with its year
 * (insertionDays), so each example row's Quarter is the plan quarter its Start falls in, and the roadmap
 * chart's calendar quarters, the planned quarters and the document name one calendar. Pure: the caller
 * passes today's date serial.
 */
import { serialToDate, ymdToSerial } from '../core/args';

/** Dates an example row may use, all spreadsheet date serials. */
export interface ExampleDates {
  /** The day of insertion. */
  today: number;
  /** First and last days of work in plan quarter `n` (1–4): its 5th day, and 5 days before its end. */
  planQuarter(n: number): { start: number; end: number };
  /** Last day of plan quarter `n` (a deadline "by Q3"). */
  planQuarterEnd(n: number): number;
  /** The first day of the month `months` months from today's month (negative: before). */
  monthStart(months: number): number;
  /** `days` days from today (negative: before). */
  days(days: number): number;
}

/** Example rows by column key: fixed data, or data placed from the day of insertion. */
export type ExampleRows = Record<string, string | number | boolean | null>[];
export type ExampleSource = ExampleRows | ((d: ExampleDates) => ExampleRows);

/** Year and 0-based month of a date serial. */
function yearMonth(serial: number): { y: number; m: number } {
  const d = serialToDate(serial);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() };
}

/** Serial of the first day of the month `offset` months after (y, m), m 0-based. */
function monthFirst(y: number, m: number, offset: number): number {
  const total = y * 12 + m + offset;
  return ymdToSerial(Math.floor(total / 12), (total % 12) + 1, 1);
}

/** Each plan quarter's work runs from its 5th day to this many days before its end. */
const END_MARGIN = 5;

/**
 * Plan quarter 2 is the quarter of the day END_MARGIN days from today, so that plan Q1's work ended
 * before today and plan Q2's ends today or later: whatever the day, Q1's work is over and Q2's still
 * running, and the example reads the same.
 */
export function exampleDates(today: number): ExampleDates {
  const { y, m } = yearMonth(today);
  const anchor = yearMonth(today + END_MARGIN);
  const anchorQuarterMonth = anchor.m - (anchor.m % 3);
  const quarterFirst = (n: number): number => monthFirst(anchor.y, anchorQuarterMonth, (n - 2) * 3);
  const planQuarterEnd = (n: number): number => quarterFirst(n + 1) - 1;
  return {
    today,
    planQuarter: (n) => ({ start: quarterFirst(n) + 4, end: planQuarterEnd(n) - END_MARGIN }),
    planQuarterEnd,
    monthStart: (months) => monthFirst(y, m, months),
    days: (days) => today + days,
  };
}

/**
 * The days a template is inserted from: the day of insertion, and a day of the plan's first quarter — today's
 * for a blank template; with the example, the example's plan quarter 1 (the quarter before, so its work reads as
 * done). The First quarter setting and the roadmap chart's quarters are placed from `planDay`.
 */
export interface InsertionDays {
  today: number;
  planDay: number;
}

export function insertionDays(today: number, example: boolean): InsertionDays {
  return { today, planDay: example ? exampleDates(today).planQuarter(1).start : today };
}

/** The example rows of a sheet for the given day. */
export function resolveExamples(source: ExampleSource | undefined, today: number): ExampleRows | undefined {
  if (source === undefined || Array.isArray(source)) return source;
  return source(exampleDates(today));
}

/** Today's date serial from a clock reading, by the calendar of the machine or spreadsheet that read it. */
export function todaySerial(now: Date): number {
  return ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
