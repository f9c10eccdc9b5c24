/**
 * Trend charts of Progress History: one chart per metric, its value at each snapshot over time.
 *
 * History is long-format (Date, What, Name, Value, As Written), so hidden helper columns reshape it with
 * native formulas, the way the roadmap's theme slots do:
 *  - "Trend: metric order": on the first "Metric" row of each metric name, 1 + the largest order above
 *    (the metrics in order of first appearance; a snapshot lists them in the Metrics Dashboard's order);
 *  - one slot column per metric (slot k): its header is the k-th metric's name (a formula, so titles and
 *    legends follow the data), each row the Value when that row is a "Metric" row of that name with a
 *    number, else #N/A. #N/A, not "": every host skips #N/A in a line or scatter chart, while Excel plots
 *    text ("" from a formula) as zero (docs/host-api-notes.md § Trend charts).
 * The slots read History alone (no other sheet): "Record snapshot" inserts the sheet by itself into any
 * workbook, and a metric renamed or removed from the dashboard keeps its past trend.
 * Pure: no host calls.
 */
import { literalCriterion } from '../spec/literal';
import type { ChartSpec, ColumnSpec, FormulaRefs } from '../spec/spec';
import type { ChartOp, PlanCell } from '../plan/plan';
import { parseRange } from '../a1/a1';
import { THEME_COLORS } from './charts';

/** Metric slots, one chart each: the example has 4 metrics; a blank sheet gets room for the guide's 3–5 themes' metrics. */
export const TREND_SLOTS = 6;

/** The "What" of a metric's row (HISTORY_KINDS.metric, repeated here so templates do not depend on specs). */
const METRIC_KIND = 'Metric';

/**
 * Whether a History row's What is a metric's, as the helper formulas compare it (`B2="Metric"`: a spreadsheet's `=`
 * ignores case and keeps spaces), so a line typed "metric" by hand is charted and counted alike.
 */
export const isMetricKind = (kind: unknown): boolean =>
  typeof kind === 'string' && kind.toLowerCase() === METRIC_KIND.toLowerCase();

/** A metric name as the helper formulas compare it (COUNTIFS and `=`: case ignored): one key, one metric, one slot. */
export const metricKey = (name: string): string => name.toLowerCase();

/** Two metric names that are one metric on the sheet (metricKey). */
export const sameMetric = (a: string, b: string): boolean => metricKey(a) === metricKey(b);

/** Chart size: small multiples stacked beside the table, two per printed page. */
export const TREND_WIDTH_PX = 560;
export const TREND_HEIGHT_PX = 300;

const slotKey = (k: number): string => `trend${k}`;

/** What the k-th slot's header shows before that metric has a snapshot. */
export const emptySlotName = (k: number): string => `Metric ${k} (no snapshot yet)`;

/** What a trend chart without a snapshot of its metric says, in place of an empty axis. */
export const TREND_NO_DATA = 'No snapshot of this metric yet: "Record snapshot" adds a point each time.';

/** The name the k-th slot's header formula shows for these rows (the k-th metric name in order of first appearance). */
export function trendSlotName(rows: Array<Record<string, PlanCell>>, k: number): string {
  const names: string[] = [];
  for (const r of rows) {
    const name = typeof r.name === 'string' ? r.name : '';
    if (isMetricKind(r.kind) && name !== '' && !names.some((n) => sameMetric(n, name))) names.push(name);
  }
  return names[k - 1] ?? emptySlotName(k);
}

/** How many snapshots hold a number for the k-th metric (its trend's points), in these rows. */
export function trendSnapshots(rows: Array<Record<string, PlanCell>>, k: number): number {
  const name = trendSlotName(rows, k);
  const named = (r: Record<string, PlanCell>): boolean => typeof r.name === 'string' && sameMetric(r.name, name);
  return rows.filter((r) => isMetricKind(r.kind) && named(r) && typeof r.value === 'number').length;
}

/** The header cell of a column, row fixed ("J$1"), from this row's cell of it ("J2"). */
const headerOf = (cell: string): string => `${cell.replace(/\d+$/, '')}$1`;

/** The keys of the trend charts' helper columns. */
export type TrendChartKey = 'tOrder' | `trend${number}`;

/** The header of the metric-order helper column (the first helper column; the slots follow it). */
export const TREND_ORDER_HEADER = 'Trend: metric order';

/**
 * Hidden helper columns of the trend charts, for a sheet with `kind`, `name` and `value` columns: the metric order,
 * then `slots` slot columns (TREND_SLOTS at insertion; "Record snapshot" adds one per new metric: trend-growth.ts).
 */
export function trendChartColumns(slots = TREND_SLOTS): ColumnSpec<TrendChartKey>[] {
  const isMetric = (r: FormulaRefs): string => `${r.row.kind}="${METRIC_KIND}"`;
  const slotColumns: ColumnSpec[] = Array.from({ length: slots }, (_, i) => {
    const k = i + 1;
    return {
      key: slotKey(k),
      header: emptySlotName(k),
      headerFormula: (r: FormulaRefs) =>
        `IFERROR(INDEX(${r.col.name},MATCH(${k},${r.col.tOrder},0)),"${emptySlotName(k)}")`,
      headerValue: (rows) => trendSlotName(rows, k),
      width: 90,
      hidden: true,
      numberFormat: '0.###',
      // Exact comparison with the header (no wildcards), nested IFs so a text value never reaches a number test.
      formula: (r: FormulaRefs) =>
        `IF(AND(${isMetric(r)},${r.row.name}=${headerOf(r.row[slotKey(k)])}),IF(ISNUMBER(${r.row.value}),${r.row.value},NA()),NA())`,
    };
  });
  const columns: ColumnSpec[] = [
    {
      key: 'tOrder',
      header: TREND_ORDER_HEADER,
      width: 90,
      hidden: true,
      // Nested IFs: a blank name never reaches COUNTIFS (an error in some engines).
      formula: (r: FormulaRefs) =>
        `IF(${isMetric(r)},IF(${r.row.name}="","",IF(COUNTIFS(${r.upTo.kind},"${METRIC_KIND}",${r.upTo.name},${literalCriterion(r.row.name)})>1,"",MAX(${r.above.tOrder})+1)),"")`,
    },
    ...slotColumns,
  ];
  return columns as ColumnSpec<TrendChartKey>[];
}

/** The trend chart of slot k: the metric's value (y) over the snapshot dates (x), titled with its name. */
export function trendChart(k: number): ChartSpec {
  return {
    kind: 'metricTrend',
    title: `Metric trend ${k}`,
    form: 'scatter',
    lines: true,
    block: true,
    titleFromHeader: slotKey(k),
    trendOf: { slot: k, kind: 'kind', name: 'name', value: 'value' },
    series: [{ column: slotKey(k), x: 'date', color: THEME_COLORS[(k - 1) % THEME_COLORS.length] }],
    axes: {
      category: { title: 'Snapshot date', numberFormat: 'yyyy-mm-dd', sheetsFormat: 'yyyy-MM-dd' },
      value: { title: 'Value' },
    },
    // The title names the metric (linked to the slot's header); Sheets, which cannot link a title, shows a legend.
    legend: 'none',
    widthPx: TREND_WIDTH_PX,
    heightPx: TREND_HEIGHT_PX,
  };
}

/** Every slot's chart, stacked beside the table. */
export const trendCharts = (slots = TREND_SLOTS): ChartSpec[] =>
  Array.from({ length: slots }, (_, i) => trendChart(i + 1));

/** The column (0-based) of the slot a trend chart plots (its series' values), undefined for another chart. */
export function trendChartColumn(op: ChartOp): number | undefined {
  const values = op.kind === 'metricTrend' ? op.series?.[0]?.values : undefined;
  return values === undefined ? undefined : parseRange(values).left - 1;
}
