/**
 * Empty cells in Excel builds that pass them as 0 (office-js#4702, #5262; the `zero` mode of
 * test/fakes/custom-functions.ts): every array-aware function over a whole column whose rows are not yet filled
 * shows blank for those rows, as Sheets and newer Excel builds do (excel-addin/src/functions/empty-cells.ts).
 */
import { findFunction, REGISTRY } from '../../shared/functions';
import { excelResult, loadExcelBundle, loadSheetsBundle, sheetsResult } from '../harness/bundles';

const EMPTY_ROWS = 20;
const column = (...xs: unknown[]): unknown[][] => [...xs, ...Array(EMPTY_ROWS).fill('')].map((x) => [x]);
const block = (...rows: unknown[][]): unknown[][] => [
  ...rows,
  ...Array.from({ length: EMPTY_ROWS }, () => Array(rows[0].length).fill('')),
];

/** Per function: three filled rows of every row-by-row argument, then empty rows; settings as single values. */
const WHOLE_COLUMN: Record<string, unknown[]> = {
  PRIORITY_SCORE: [column(9, 5, 3), column(8, 5, 2), column(5, 3, 8), column(6, 2, 1)],
  PRIORITY_QUADRANT: [column(9, 3, 5), column(5, 8, 2)],
  PRIORITY_PLAN: [column(17.5, 9, 3), column(5, 3, 8), 10],
  RICE_SCORE: [column(2000, 500, 100), column(2, 1, 3), column(0.8, 0.5, 1), column(4, 2, 1)],
  ICE_SCORE: [column(8, 5, 3), column(7, 6, 2), column(9, 4, 5)],
  WSJF: [column(8, 5, 3), column(5, 3, 2), column(3, 2, 1), column(2, 1, 5)],
  HEALTH_SCORE: [
    [
      [3, 4, 2, 3, 2, 4],
      [5, 5, 4, 4, 3, 5],
      [1, 2, 2, 1, 3, 2],
      ...Array.from({ length: EMPTY_ROWS }, () => Array(6).fill('')),
    ],
  ],
  HEALTH_STATUS: [column(3, 4.5, 1.5)],
  METRIC_VALUE: [column('$1M', '<200ms', '5x/day')],
  METRIC_PROGRESS: [
    column('$0', '800ms', '1x/day'),
    column('$250K', '500ms', '2x/day'),
    column('$1M', '<200ms', '5x/day'),
  ],
  METRIC_STATUS: [
    column('$0', '800ms', '1x/day'),
    column('$250K', '150ms', '2x/day'),
    column('$1M', '<200ms', '5x/day'),
  ],
  DORA_LEVEL: [column('lead time', 'deployment frequency', 'change failure rate'), column('2 hours', '1x/day', '10%')],
  STRATEGY_QUARTER: [column(46433, 46508, 46752)],
  TEAM_SCORE: [block([7, 9, 4], [5, 6, 8], [3, 4, 2])],
  TEAM_SPREAD: [block([7, 9, 4], [5, 6, 8], [3, 4, 2])],
  RANK_STABILITY: [column(9, 7, 4), column(8, 9, 5), column(5, 8, 7), column(6, 4, 3)],
  WEIGHT_TIPPING_POINT: [column(9, 7, 4), column(8, 9, 5), column(5, 8, 7), column(6, 4, 3)],
  PLAN_CONFIDENCE: [column(17.5, 11, 2.5), column(4, 6, 5), column(5, 8, 7), column(8, 13, 12), 20],
  DEBT_COST: [column(6, 4, 10), column(90, 120, 75)],
  DEBT_PAYBACK: [column(90, 40, 200), column(6, 4, 10)],
  DORA_SCORE: [
    column('2 days', '1 hour', '1 week'),
    column('5x/day', '1x/week', '1x/month'),
    column(0.15, 0.05, 0.3),
    column('30 min', '2 hours', '1 day'),
  ],
};

/** Functions whose result is not one row per input row (a fixed-size table): compared whole, host against host. */
const NOT_ROW_ALIGNED = new Set(['WEIGHT_TIPPING_POINT']);

const sheets = loadSheetsBundle();
const excelBlank = loadExcelBundle({}, 'blank');
const excelZero = loadExcelBundle({}, 'zero');

test('every registry function has a whole-column case here', () => {
  expect(REGISTRY.map((f) => f.name).filter((n) => !WHOLE_COLUMN[n])).toEqual([]);
});

describe.each(REGISTRY.map((f) => f.name))('%s over a whole column, three rows filled', (name) => {
  const args = WHOLE_COLUMN[name];
  const params = findFunction(name)!.params.length;
  const inSheets = sheetsResult(sheets, name, args);

  test('Sheets: the filled rows have results and the empty rows are blank (a fixed-size table: no error in it)', () => {
    if (NOT_ROW_ALIGNED.has(name)) {
      expect(inSheets.flat().filter((v) => typeof v === 'object')).toEqual([]);
      return;
    }
    expect(inSheets).toHaveLength(3 + EMPTY_ROWS);
    expect(inSheets.slice(0, 3).every((row) => row[0] !== '' && !(typeof row[0] === 'object'))).toBe(true);
    expect(inSheets.slice(3)).toEqual(Array.from({ length: EMPTY_ROWS }, () => ['']));
  });
  test('an Excel passing empty cells as blanks shows the same', () => {
    expect(excelResult(excelBlank, name, args, params)).toEqual(inSheets);
  });
  test('an Excel passing empty cells as 0 shows the same', () => {
    expect(excelResult(excelZero, name, args, params)).toEqual(inSheets);
  });
});

describe('the rule and its cost', () => {
  test('a partly filled row is not blank: the 0 the host passed is named, as Excel shows it', () => {
    const r = excelResult(
      excelZero,
      'PRIORITY_SCORE',
      [
        [[9], [5]],
        [[8], ['']],
        [[5], [3]],
        [[6], [2]],
      ],
      5,
    );
    expect(r[0][0]).toBe(17.5);
    expect(r[1][0]).toEqual({ error: 'Urgency must be a number from 1 to 10 (got 0)' });
  });
  const progress = (...rows: unknown[][]): unknown[] => [0, 1, 2].map((k) => rows.map((r) => [r[k]]));
  test('a range holding a blank cell shows the host passes blanks: a row of real zeros keeps its result', () => {
    const args = progress([0, 0, 0], [0, 5, 10], ['', '', '']);
    expect(excelResult(excelBlank, 'METRIC_PROGRESS', args, 3)).toEqual([[1], [0.5], ['']]);
    expect(excelResult(excelZero, 'METRIC_PROGRESS', args, 3)).toEqual([[''], [0.5], ['']]);
  });
  test('documented cost: where the host passes no blank, a row of zeros in every range reads as blank', () => {
    const args = progress([0, 0, 0], [0, 5, 10]);
    expect(sheetsResult(sheets, 'METRIC_PROGRESS', args)).toEqual([[1], [0.5]]);
    expect(excelResult(excelBlank, 'METRIC_PROGRESS', args, 3)).toEqual([[''], [0.5]]);
  });
});
