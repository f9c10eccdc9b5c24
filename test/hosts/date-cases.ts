/**
 * Date cases run through both BUILT bundles: a Sheets spreadsheet in a given time zone (its date cells
 * handed over as Sheets does, the instant of that wall-clock time in the spreadsheet's zone) and Excel
 * (serial numbers, a time of day as the fraction). Used in-process by dates.test.ts and, with the Node
 * process's own TZ varied, by dates-probe.ts.
 */
import { createSheetsFake } from '../fakes/sheets';
import { excelResult, loadExcelBundle, loadSheetsBundle, sheetsResult, type Normal } from '../harness/bundles';

export const SPREADSHEET_ZONES = ['Pacific/Kiritimati', 'Pacific/Auckland', 'Etc/UTC', 'America/Los_Angeles'];

/** y, m (1–12), d, hour, minute. */
export type Wall = [number, number, number, number?, number?];

/**
 * The serial Excel hands over for a wall-clock time, in its 1900 date system: days since 1899-12-30 from 1 March
 * 1900, one fewer before it, because serial 60 is a 29 February 1900 that never was ("Excel incorrectly assumes
 * that the year 1900 is a leap year", Microsoft Learn: learn.microsoft.com/office/troubleshoot/excel/wrongly-assumes-1900-is-leap-year).
 */
const serial = ([y, m, d, h = 0, mi = 0]: Wall): number => {
  const days = (Date.UTC(y, m - 1, d, h, mi) - Date.UTC(1899, 11, 30)) / 86400000;
  return Date.UTC(y, m - 1, d) < Date.UTC(1900, 2, 1) ? days - 1 : days;
};

export interface DateCase {
  title: string;
  fn: string;
  /** Arguments; a Wall is a date cell, an array of Walls a column of date cells. */
  args: Array<Wall | Wall[] | string | number>;
  params: number;
  expected: Normal[][];
}

const isWall = (a: unknown): a is Wall => Array.isArray(a) && typeof a[0] === 'number';

export const DATE_CASES: DateCase[] = [
  ...(
    [
      [[2027, 1, 1], 'Q1 2027'],
      [[2026, 12, 31], 'Q4 2026'],
      [[2027, 3, 31, 23, 30], 'Q1 2027'],
      [[2027, 4, 1], 'Q2 2027'],
      [[2027, 6, 30, 18], 'Q2 2027'],
      [[1900, 1, 1], 'Q1 1900'],
      [[1900, 2, 28, 12], 'Q1 1900'],
      [[1900, 3, 1], 'Q1 1900'],
      [[1900, 4, 1], 'Q2 1900'],
      [[9999, 12, 31, 12], 'Q4 9999'],
    ] as Array<[Wall, string]>
  ).map(([w, q]) => ({
    title: `STRATEGY_QUARTER(${w.join('-')})`,
    fn: 'STRATEGY_QUARTER',
    args: [w],
    params: 2,
    expected: [[q]],
  })),
  {
    title: 'STRATEGY_QUARTER over a column of dates',
    fn: 'STRATEGY_QUARTER',
    args: [
      [
        [2026, 12, 31],
        [2027, 1, 1],
        [2027, 9, 30, 23],
        [2027, 10, 1],
      ],
    ],
    params: 2,
    expected: [['Q4 2026'], ['Q1 2027'], ['Q3 2027'], ['Q4 2027']],
  },
  {
    title: "STRATEGY_QUARTER fiscal from March: 1900-02-28 is the fiscal year's last day, 1900-03-01 its first",
    fn: 'STRATEGY_QUARTER',
    args: [
      [
        [1900, 2, 28],
        [1900, 3, 1],
      ],
      3,
    ],
    params: 2,
    expected: [['Q4 1900'], ['Q1 1901']],
  },
  {
    title: 'METRIC_STATUS with today at 18:00 on the due date (the day itself, not the next)',
    fn: 'METRIC_STATUS',
    args: ['0', '80', '100', [2027, 1, 1], [2027, 3, 31], [2027, 3, 31, 18]],
    params: 6,
    expected: [['At risk']],
  },
  {
    title: 'METRIC_STATUS with start and due on New Year (UTC+13 and +14 read them a day early without the zone)',
    fn: 'METRIC_STATUS',
    args: ['0', '50', '100', [2027, 1, 1], [2027, 12, 31], [2027, 7, 2]],
    params: 6,
    expected: [['On track']],
  },
];

export interface CaseResult {
  zone: string;
  title: string;
  sheets: Normal[][];
  excel: Normal[][];
}

/** Runs every case in a Sheets spreadsheet of each zone and in Excel. */
export function runDateCases(zones = SPREADSHEET_ZONES): CaseResult[] {
  const excel = loadExcelBundle();
  return zones.flatMap((zone) => {
    const fake = createSheetsFake(['Sheet1'], undefined, { timeZone: zone });
    const bundle = loadSheetsBundle({ ...fake.globals });
    const sheetsArg = (a: DateCase['args'][number]): unknown =>
      isWall(a) ? fake.ss.date(...a) : Array.isArray(a) ? a.map((w) => [fake.ss.date(...w)]) : a;
    const excelArg = (a: DateCase['args'][number]): unknown =>
      isWall(a) ? serial(a) : Array.isArray(a) ? a.map((w) => [serial(w)]) : a;
    return DATE_CASES.map((c) => ({
      zone,
      title: c.title,
      sheets: sheetsResult(bundle, c.fn, c.args.map(sheetsArg)),
      excel: excelResult(excel, c.fn, c.args.map(excelArg), c.params),
    }));
  });
}
