/**
 * The trend charts follow every snapshot (shared/strategy/trend-growth.ts, issue #21): Progress History as the
 * template inserts it (Date, What, Name, Value, As Written in A–E, a blank F, the hidden metric order in G, six slot
 * columns H–M, one chart per slot, 500 data rows). When a snapshot would reach below row 501 or brings a seventh
 * metric, "Record snapshot" writes the helper formulas down to the next multiple of 500 rows and adds a slot column
 * over a blank column (never over a user's text), with its chart; the message says what the charts still cannot show.
 * Pure: the sheet as a host reads it, with which cells hold formulas; every formula and text below written by hand.
 */
import type { ReadCell, ReadSheet } from '../../shared/strategy/read';
import type { ChartOp, PlanCell } from '../../shared/plan/plan';
import type { SnapshotTarget } from '../../shared/strategy/record';
import {
  metricOrder,
  planTrendGrowth,
  trendAxisFormats,
  trendCover,
  trendNote,
  trendSlotAt,
  trendSlotOf,
  trendStep,
  withValueFormat,
  type TrendCover,
} from '../../shared/strategy/trend-growth';

const HEADER: ReadCell[] = ['Date', 'What', 'Name', 'Value', 'As Written', null, 'Trend: metric order'];
const DAY = 46000;
/** A logged line: [date, what, name, value, as written]. */
const line = (kind: string, name: string, value: number | null, shown: PlanCell): PlanCell[] => [
  DAY,
  kind,
  name,
  value,
  shown,
];

/**
 * Progress History as a host reads it: the header and the logged lines, the helper formulas down to row `rows` + 1
 * and `slots` slot columns (their header cells show the metric names), `extra` cells a user typed ([row, col, text]).
 */
function history(logged: PlanCell[][], rows = 500, slots = 6, extra: [number, number, ReadCell][] = []) {
  const header: ReadCell[] = [...HEADER, ...Array.from({ length: slots }, (_, i) => `Metric ${i + 1}`)];
  const cells: ReadCell[][] = [header];
  for (let r = 1; r <= rows; r++) cells.push([...(logged[r - 1] ?? ['', '', '', '', '']), null, '']);
  for (const [r, c, v] of extra) (cells[r] ??= [])[c] = v;
  const sheet: ReadSheet = { name: 'Progress History', rows: cells };
  const hasFormula = (r: number, c: number): boolean =>
    (c === 6 && r >= 1 && r <= rows) || (c >= 7 && c < 7 + slots && r >= 0 && r <= rows);
  return { sheet, hasFormula };
}

const TEMPLATE: TrendCover = { orderCol: 6, rows: 500, slots: 6 };
const target = (row: number): SnapshotTarget => ({ sheet: 'Progress History', row, columns: [0, 1, 2, 3, 4] });
const metrics = (...names: string[]): PlanCell[][] => names.map((n) => line('Metric', n, 1, '1'));
const order = (r: number) =>
  `=IF(B${r}="Metric",IF(C${r}="","",IF(COUNTIFS($B$2:B${r},"Metric",$C$2:C${r},"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(C${r},"~","~~"),"*","~*"),"?","~?"))>1,"",MAX($G$1:G${r - 1})+1)),"")`;
const slotCell = (col: string, r: number) =>
  `=IF(AND(B${r}="Metric",C${r}=${col}$1),IF(ISNUMBER(D${r}),D${r},NA()),NA())`;
const slotHeader = (k: number, last: number) =>
  `=IFERROR(INDEX($C$2:$C$${last},MATCH(${k},$G$2:$G$${last},0)),"Metric ${k} (no snapshot yet)")`;
const values = (ops: ChartOp[]) => ops.map((o) => o.series?.[0].values);

describe('what the trend helpers of a History sheet cover', () => {
  test('as the template inserts them: the order column G, 500 rows, six slots', () => {
    const { sheet, hasFormula } = history([]);
    expect(trendCover(sheet, hasFormula)).toEqual(TEMPLATE);
  });

  test('rows down to the last formula of the order column, whatever a user typed below; slots while formulas follow', () => {
    const { sheet, hasFormula } = history([], 1000, 8, [[1200, 2, 'a note']]);
    expect(trendCover(sheet, hasFormula)).toEqual({ orderCol: 6, rows: 1000, slots: 8 });
    const bare = history([], 0, 0);
    expect(trendCover(bare.sheet, bare.hasFormula)).toEqual({ orderCol: 6, rows: 0, slots: 0 });
  });

  test('the order header is read trimmed; elsewhere, or missing, the helpers are not found', () => {
    const { sheet, hasFormula } = history([]);
    sheet.rows[0][6] = '  Trend: metric order ';
    expect(trendCover(sheet, hasFormula)).toEqual(TEMPLATE);
    sheet.rows[0][6] = 'Trend: metric';
    expect(trendCover(sheet, hasFormula)).toBeUndefined();
    sheet.rows[0].splice(6, 0, ''); // a column inserted before the helpers
    expect(trendCover(sheet, hasFormula)).toBeUndefined();
    expect(trendCover({ name: 'Progress History', rows: [] }, () => true)).toBeUndefined();
  });
});

describe('growing the helpers and charts', () => {
  test('nothing to grow while the rows and the metrics fit', () => {
    const { sheet } = history([]);
    expect(planTrendGrowth(sheet, TEMPLATE, 500, 6)).toBeUndefined();
    expect(planTrendGrowth(sheet, TEMPLATE, 3, 0)).toBeUndefined();
    expect(planTrendGrowth(sheet, { orderCol: 6, rows: 3, slots: 6 }, 3, 6)).toBeUndefined();
  });

  test('past row 501: the formulas down to row 1001, the slot headers searching the grown rows, the charts re-ranged', () => {
    const { sheet } = history([]);
    const g = planTrendGrowth(sheet, TEMPLATE, 501, 6)!;
    expect([g.rows, g.slots, g.newColumns, g.added]).toEqual([1000, 6, [], []]);
    expect(g.writes.map((w) => [w.row, w.col, w.cells.length, w.cells[0].length])).toEqual([
      [0, 7, 1, 6], // H1:M1
      [501, 6, 500, 7], // G502:M1001
    ]);
    expect(g.writes[0].cells[0]).toEqual([1, 2, 3, 4, 5, 6].map((k) => slotHeader(k, 1001)));
    expect(g.writes[1].cells[0][0]).toBe(order(502));
    expect(g.writes[1].cells[0][1]).toBe(slotCell('H', 502));
    expect(g.writes[1].cells[499][6]).toBe(slotCell('M', 1001));
    expect(values(g.regrow.map((r) => r.before))).toEqual([
      'H2:H501',
      'I2:I501',
      'J2:J501',
      'K2:K501',
      'L2:L501',
      'M2:M501',
    ]);
    expect(values(g.regrow.map((r) => r.after))).toEqual([
      'H2:H1001',
      'I2:I1001',
      'J2:J1001',
      'K2:K1001',
      'L2:L1001',
      'M2:M1001',
    ]);
    expect(g.regrow.map((r) => [r.before.sheetRef, r.after.sheetRef, r.after.series?.[0].xValues])).toEqual(
      Array(6).fill(["'Progress History'", "'Progress History'", 'A2:A1001']),
    );
  });

  test('the rows grow to the next multiple of 500', () => {
    const { sheet } = history([]);
    expect(planTrendGrowth(sheet, TEMPLATE, 1000, 6)?.rows).toBe(1000);
    expect(planTrendGrowth(sheet, TEMPLATE, 1001, 6)?.rows).toBe(1500);
    expect(planTrendGrowth(sheet, { orderCol: 6, rows: 3, slots: 6 }, 4, 6)?.rows).toBe(500);
  });

  test('two new metrics: two slot columns N and O over blank columns, hidden at 90 px, each with its chart', () => {
    const { sheet } = history([], 500, 6, [
      [3, 13, '   '],
      [4, 14, null],
    ]);
    const g = planTrendGrowth(sheet, TEMPLATE, 40, 8)!;
    expect([g.rows, g.slots, g.newColumns, g.width]).toEqual([500, 8, [13, 14], 90]);
    expect(g.writes.map((w) => [w.row, w.col, w.cells.length, w.cells[0].length])).toEqual([
      [0, 7, 1, 8], // H1:O1
      [1, 13, 500, 2], // N2:O501
    ]);
    expect(g.writes[0].cells[0][7]).toBe(slotHeader(8, 501));
    expect(g.writes[1].cells[0]).toEqual([slotCell('N', 2), slotCell('O', 2)]);
    expect(g.writes[1].cells[499][1]).toBe(slotCell('O', 501));
    expect(g.added.map((c) => [c.title, c.series?.[0].values, c.titleCell])).toEqual([
      ['Metric trend 7', 'N2:N501', 'N1'],
      ['Metric trend 8', 'O2:O501', 'O1'],
    ]);
    expect(g.added.map((c) => c.sheetRef)).toEqual(["'Progress History'", "'Progress History'"]);
    // The charts stand right of the slots and a blank column: from O (six slots) to Q (eight).
    expect([g.regrow[0].before.anchor, g.regrow[0].after.anchor, g.added[0].anchor.replace(/\d+/, '')]).toEqual([
      'O2',
      'Q2',
      'Q',
    ]);
  });

  test("a slot is never added over a user's text: the slots stop at the first column holding any", () => {
    const typedInO = history([], 500, 6, [[200, 14, 'mine']]).sheet;
    expect(planTrendGrowth(typedInO, TEMPLATE, 40, 8)?.newColumns).toEqual([13]);
    const zeroInN = history([], 500, 6, [[7, 13, 0]]).sheet;
    expect(planTrendGrowth(zeroInN, TEMPLATE, 40, 8)).toBeUndefined();
    const headerInN = history([], 500, 6, [[0, 13, 'Notes']]).sheet;
    expect(planTrendGrowth(headerInN, TEMPLATE, 40, 8)).toBeUndefined();
  });

  test('a new slot on a sheet already grown to 1000 rows runs down to row 1001; the rows stay', () => {
    const { sheet } = history([], 1000, 6);
    const g = planTrendGrowth(sheet, { orderCol: 6, rows: 1000, slots: 6 }, 40, 7)!;
    expect([g.rows, g.slots]).toEqual([1000, 7]);
    expect(g.writes.map((w) => [w.row, w.col, w.cells.length, w.cells[0].length])).toEqual([
      [0, 7, 1, 7], // H1:N1
      [1, 13, 1000, 1], // N2:N1001
    ]);
    expect(values(g.added)).toEqual(['N2:N1001']);
  });

  test('rows and a slot at once: the existing columns grown down, the new column from row 2', () => {
    const { sheet } = history([]);
    const g = planTrendGrowth(sheet, TEMPLATE, 700, 7)!;
    expect(g.writes.map((w) => [w.row, w.col, w.cells.length, w.cells[0].length])).toEqual([
      [0, 7, 1, 7], // H1:N1
      [501, 6, 500, 7], // G502:M1001
      [1, 13, 1000, 1], // N2:N1001
    ]);
    expect(g.writes[2].cells[999][0]).toBe(slotCell('N', 1001));
    expect(values(g.added)).toEqual(['N2:N1001']);
  });
});

test('the metrics in order of their first snapshot: logged lines below the header, then the new lines', () => {
  const logged: ReadCell[][] = [
    ['Date', 'What', 'Name'],
    [DAY, 'Metric', 'Uptime'],
    [DAY, 'Theme % complete', 'Scale'],
    [DAY, 'Metric', ''],
    [DAY, 'Metric', null],
    [DAY, 'Metric', 2026],
    [DAY, 'Metric', 'Uptime'],
  ];
  const added = [
    line('Metric', 'Latency', 1, '1'),
    line('Metric', '2026', 1, '1'),
    line('Health score', 'Overall', 3, '3.0'),
  ];
  expect(metricOrder(logged, 1, 2, added)).toEqual(['Uptime', '2026', 'Latency']);
  expect(metricOrder([['What', 'Name']], 0, 1, [])).toEqual([]);
});

test("each trend chart's value axis in the format of its metric's latest value as written, else General", () => {
  const { sheet } = history([
    line('Metric', 'Uptime', 0.99, '99%'),
    line('Metric', 'Cost', 1200, '$1,200'),
    line('Metric', 'Latency', 0.2, '200ms'),
    line('Theme % complete', 'Cost', 0.5, '50%'),
    line('Metric', 'Deploys', 5, '$5'),
    line('Metric', 'Budget', 5, '€5'),
  ]);
  const rows = [
    line('Metric', 'Uptime', 0.995, ' 99.5% '),
    line('Metric', 'Cost', null, '   '),
    line('Metric', 'Deploys', 7, 7),
    line('Metric', 'Budget', null, null),
  ];
  expect(
    trendAxisFormats(sheet, target(6), rows, ['Uptime', 'Cost', 'Latency', 'Deploys', 'Budget', 'Nothing']),
  ).toEqual(['0.0%', '"$"#,##0', 'General', 'General', '"€"#,##0', 'General']);
});

test('the slot of a helper column and of a trend chart', () => {
  expect([trendSlotAt(5), trendSlotAt(6), trendSlotAt(7), trendSlotAt(12), trendSlotAt(13)]).toEqual([
    undefined,
    undefined,
    1,
    6,
    7,
  ]);
  const { sheet } = history([]);
  const [first, , third] = planTrendGrowth(sheet, TEMPLATE, 501, 6)!.regrow.map((r) => r.after);
  expect([trendSlotOf(first), trendSlotOf(third)]).toEqual([1, 3]);
  expect(trendSlotOf({ ...first, kind: 'metricProgress' })).toBeUndefined();
  expect(trendSlotOf({ ...first, series: [] })).toBeUndefined();
});

test("the message's note on charts not found, one or several, by metric name or slot", () => {
  const step = { note: ' Saved.', order: ['Uptime', 'Cost'], axisFormats: [] };
  expect(trendNote(step, [])).toBe(' Saved.');
  expect(trendNote(step, [2])).toBe(
    ' Saved. The trend chart of "Cost" was not found as Progress History made it (changed or removed), so it stops at the rows it had.',
  );
  expect(trendNote(step, [1, 3])).toBe(
    ' Saved. The trend charts of "Uptime", "Metric 3" were not found as Progress History made them (changed or removed), so they stop at the rows they had.',
  );
});

test("a chart's value axis in a format, its other axis settings kept", () => {
  const { sheet } = history([]);
  const op = planTrendGrowth(sheet, TEMPLATE, 501, 6)!.regrow[0].after;
  const formatted = withValueFormat(op, '0.0%');
  expect(formatted.axes).toEqual({
    category: { title: 'Snapshot date', numberFormat: 'yyyy-mm-dd', sheetsFormat: 'yyyy-MM-dd' },
    value: { title: 'Value', numberFormat: '0.0%' },
  });
  expect(withValueFormat({ ...op, axes: undefined }, 'General').axes).toEqual({ value: { numberFormat: 'General' } });
  expect(op.axes?.value).toEqual({ title: 'Value' });
});

describe('the trend step of a snapshot', () => {
  const never = (): boolean => {
    throw new Error('the formulas were read');
  };
  const six = ['A', 'B', 'C', 'D', 'E', 'F'];

  test('within what the template inserts: nothing grown, nothing said, the formulas not even read', () => {
    const { sheet } = history(metrics(...six));
    const step = trendStep(sheet, target(7), metrics(...six), never);
    expect(step).toEqual({ note: '', order: six, axisFormats: Array(6).fill('General') });
    expect(trendStep(sheet, target(499), metrics('A', 'B'), never).growth).toBeUndefined();
    expect(trendStep(sheet, target(900), [], never)).toEqual({
      note: '',
      order: six,
      axisFormats: Array(6).fill('General'),
    });
  });

  test('a snapshot reaching row 502 grows the rows; a seventh metric gets a slot; nothing is left to say', () => {
    const { sheet, hasFormula } = history(metrics(...six));
    const deep = trendStep(sheet, target(500), metrics('A', 'B'), hasFormula);
    expect([deep.growth?.rows, deep.growth?.slots, deep.note]).toEqual([1000, 6, '']);
    const seventh = trendStep(sheet, target(7), metrics('A', 'G'), hasFormula);
    expect([seventh.growth?.rows, seventh.growth?.slots, seventh.note, seventh.order]).toEqual([
      500,
      7,
      '',
      [...six, 'G'],
    ]);
  });

  test("a seventh metric beside a user's column: no chart for it, and the message says why", () => {
    const { sheet, hasFormula } = history(metrics(...six), 500, 6, [[2, 13, 'my notes']]);
    const step = trendStep(sheet, target(7), metrics('A', 'G', 'H'), hasFormula);
    expect(step.growth).toBeUndefined();
    expect(step.note).toBe(
      ' No trend chart for "G", "H": Progress History charts its first 6 metrics (in the order of their first snapshot) and the column right of its trend helper columns is not blank, so no chart could be added; their values are kept in the log.',
    );
  });

  test('a slot added for the seventh metric but not the eighth: only the eighth is named', () => {
    const { sheet, hasFormula } = history(metrics(...six), 500, 6, [[2, 14, 'my notes']]);
    const step = trendStep(sheet, target(7), metrics('G', 'H', 'A'), hasFormula);
    expect(step.growth?.newColumns).toEqual([13]);
    expect(step.note).toBe(
      ' No trend chart for "H": Progress History charts its first 7 metrics (in the order of their first snapshot) and the column right of its trend helper columns is not blank, so no chart could be added; their values are kept in the log.',
    );
  });

  test('helpers moved by a user: nothing grown, the untrended metrics of this snapshot and the rows past 501 said', () => {
    const logged = metrics(...six, 'G');
    const { sheet, hasFormula } = history(logged);
    sheet.rows[0].splice(6, 0, '');
    // A theme named as the seventh metric is no metric of this snapshot: only "H" is named.
    const rows = [...metrics('A', 'H'), line('Theme % complete', 'G', 0.5, '50%')];
    const step = trendStep(sheet, target(500), rows, hasFormula);
    expect(step.growth).toBeUndefined();
    expect(step.note).toBe(
      ' No trend chart for "H": Progress History charts its first 6 metrics (in the order of their first snapshot) and its trend helper columns are not where the template puts them, so its charts are left as they are; their values are kept in the log.' +
        ' This snapshot reaches below row 501, where the trend charts end: the values below it are kept in the log but not charted.',
    );
    const fits = trendStep(sheet, target(499), metrics('A', 'B'), hasFormula);
    expect(fits.note).toBe('');
  });
});
