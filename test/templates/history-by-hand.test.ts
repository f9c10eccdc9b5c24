/**
 * Progress History lines typed by hand (a history back-filled from an old spreadsheet): the sheet's hidden trend
 * helpers (calculated by HyperFormula) and the core count the same metrics in the same slots. A spreadsheet's `=` and
 * COUNTIFS ignore case, so on the sheet a What typed "metric" is a metric line and "uptime" is the metric "Uptime"
 * already charted; the core's order (which metric has which chart), slot names and axis formats follow the sheet.
 */
import { compileTemplate } from '../../shared/templates';
import { isMetricKind, trendSlotName } from '../../shared/compiler/trend-charts';
import { metricOrder, trendAxisFormats } from '../../shared/strategy/trend-growth';
import type { PlanCell } from '../../shared/plan/plan';
import type { ReadCell } from '../../shared/strategy/read';
import { loadPlan } from './loader';

/** Typed lines: What, Name, Value, As Written (the Date is the same day on each). */
const TYPED: [string, string, number, string][] = [
  ['metric', 'Uptime', 0.99, '99%'],
  ['Metric', 'Deploys', 5, '5/day'],
  ['METRIC', 'uptime', 0.995, '99.5%'],
  ['Theme % complete', 'Scale', 0.5, '50%'],
  ['Metric ', 'Latency', 200, '200 ms'], // a space after "Metric": no metric line for `=` either
  ['Metric', 'DEPLOYS', 6, '$6'],
];
const DAY = 46000;

test('hand-typed History lines: the sheet’s trend slots and the core’s metric order, names and axis formats agree', () => {
  const plan = compileTemplate('strategy-review', { example: false });
  const typed: Record<string, PlanCell> = {};
  TYPED.forEach(([kind, name, value, shown], i) =>
    Object.assign(typed, {
      [`A${i + 2}`]: DAY,
      [`B${i + 2}`]: kind,
      [`C${i + 2}`]: name,
      [`D${i + 2}`]: value,
      [`E${i + 2}`]: shown,
    }),
  );
  const loaded = loadPlan(plan, undefined, { history: typed });
  const id = loaded.sheetId('history');
  // The slot headers H1:J1: the metrics in order of first line, each under its first spelling.
  const slots = [7, 8, 9].map((col) => loaded.hf.getCellValue({ sheet: id, row: 0, col }));
  loaded.destroy();
  expect(slots).toEqual(['Uptime', 'Deploys', 'Metric 3 (no snapshot yet)']);

  const rows: ReadCell[][] = [['Date', 'What', 'Name', 'Value', 'As Written'], ...TYPED.map((t) => [DAY, ...t])];
  const order = metricOrder(rows, 1, 2, []);
  expect(order).toEqual(['Uptime', 'Deploys']);
  const records = TYPED.map(([kind, name, value]) => ({ kind, name, value }));
  expect([1, 2, 3].map((k) => trendSlotName(records, k))).toEqual(slots);
  // Each chart's axis in its metric's latest value as written: "99.5%" typed under "uptime", "$6" under "DEPLOYS".
  const history = { name: 'Progress History', rows };
  const target = { sheet: 'Progress History', row: rows.length, columns: [0, 1, 2, 3, 4] };
  expect(trendAxisFormats(history, target, [], order)).toEqual(['0.0%', '"$"#,##0']);
  expect(TYPED.map(([kind]) => isMetricKind(kind))).toEqual([true, true, true, false, false, true]);
});
