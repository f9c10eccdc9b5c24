/**
 * Sheets chart executor: turns the plan's ChartOps into embedded charts with EmbeddedChartBuilder
 * (`sheet.newChart()…build()` then `sheet.insertChart`). Every range is a live reference to the
 * sheet's cells, so charts follow the data. One builder chain and one insertChart per chart.
 *
 * What Sheets cannot do here (documented in docs/charts.md):
 * - no radar builder (Charts.ChartType.RADAR has no `as…Chart()` builder and is not documented for
 *   embedded charts), so the health radar is drawn as a horizontal bar chart on the same 0–5 scale;
 * - no per-point labels from a cell range through Apps Script (the chart editor can add them), so
 *   project names are not drawn next to the impact/effort points;
 * - quadrant names: the points are split into one series per quadrant (helper columns), so the
 *   legend names the four quadrants and colours the points; the dividers are the axis baselines.
 */
import type { ChartAxisOp, ChartForm, ChartOp } from '../../../shared/plan/plan';
import { parseCell, parseRange, rangeA1 } from '../../../shared/a1/a1';
import { defaultForm } from '../../../shared/compiler/charts';

/** Charts.ChartType member used for each form. Radar falls back to BAR (see above). */
export const SHEETS_CHART_TYPE: Record<ChartForm, 'BAR' | 'SCATTER'> = {
  stackedBar: 'BAR',
  bar: 'BAR',
  scatter: 'SCATTER',
  radar: 'BAR',
};

/** A data range extended up by one row to take in its header cell. */
function withHeader(a1: string): string {
  const r = parseRange(a1);
  return rangeA1({ ...r, top: r.top - 1 });
}

/**
 * The ranges in the order Sheets wants them: the domain first (categories or x), then one per series.
 * A block chart (op.source) takes the header row too (setNumHeaders(1)), so legend names follow the header cells.
 */
export function sheetsRanges(op: ChartOp): string[] {
  const form = op.form ?? defaultForm(op.kind);
  const series = op.series ?? [];
  if (op.source) {
    const domain = form === 'scatter' ? series[0]?.xValues : op.categories;
    return domain ? [withHeader(domain), op.source] : [op.source];
  }
  if (form === 'scatter') {
    const x = series[0]?.xValues;
    return [x, ...series.map((s) => s.values)].filter((r): r is string => !!r);
  }
  const domain = op.categories;
  return [domain, ...series.map((s) => s.values)].filter((r): r is string => !!r);
}

function axisOptions(a: ChartAxisOp | undefined): Record<string, unknown> | undefined {
  if (!a) return undefined;
  const o: Record<string, unknown> = {};
  if (a.title) o.title = a.title;
  const vw: Record<string, number> = {};
  if (a.min !== undefined) vw.min = a.min;
  if (a.max !== undefined) vw.max = a.max;
  if (Object.keys(vw).length) o.viewWindow = vw;
  if (a.min !== undefined && a.max !== undefined && a.majorUnit) {
    o.gridlines = { count: Math.round((a.max - a.min) / a.majorUnit) + 1 };
    const ticks: number[] = [];
    for (let v = a.min; v <= a.max + 1e-9; v += a.majorUnit) ticks.push(Math.round(v * 1e6) / 1e6);
    o.ticks = ticks;
  }
  const fmt = a.sheetsFormat ?? a.numberFormat;
  if (fmt) o.format = fmt;
  if (a.crossesAt !== undefined) o.baseline = a.crossesAt;
  return o;
}

/** The options passed with setOption, one key each (pure). */
export function sheetsChartOptions(op: ChartOp): Record<string, unknown> {
  const form = op.form ?? defaultForm(op.kind);
  const o: Record<string, unknown> = {
    title: op.title,
    width: op.widthPx,
    height: op.heightPx,
    legend: { position: op.legend ?? 'right' },
  };
  if (form === 'stackedBar') o.isStacked = true;
  const series: Record<number, Record<string, unknown>> = {};
  (op.series ?? []).forEach((s, i) => {
    // Block charts take their names from the header cells; the others get the plan's names.
    const so: Record<string, unknown> = op.source ? {} : { labelInLegend: s.name };
    if (s.invisible) {
      so.color = 'transparent';
      so.visibleInLegend = false;
      so.enableInteractivity = false;
    } else if (s.color) so.color = s.color;
    // A theme slot no theme fills (Refresh charts): drawn (it has no bars), not listed.
    if (s.outOfLegend) so.visibleInLegend = false;
    if (form === 'scatter') so.pointSize = 7;
    series[i] = so;
  });
  o.series = series;
  // Horizontal bars: hAxis is the value axis, vAxis the categories. Scatter: hAxis is x (category).
  const value = axisOptions(op.axes?.value);
  if (value && op.guides && op.guides.length > 0) {
    // Labelled gridlines at the guides (quarter boundaries): one tick each.
    value.ticks = op.guides.map((g) => ({ v: g.value, f: g.label }));
    value.gridlines = { count: op.guides.length };
  }
  const category = axisOptions(op.axes?.category);
  const horizontal = form === 'scatter' ? category : value;
  const vertical = form === 'scatter' ? value : category;
  if (horizontal) o.hAxis = horizontal;
  if (vertical) o.vAxis = vertical;
  if (form !== 'scatter') o.bar = { groupWidth: '60%' };
  return Object.assign(o, trendOptions(op));
}

/**
 * A trend (scatter with lines): points joined in row order, #N/A cells skipped with the line spanning them
 * (Google Charts `interpolateNulls`; Sheets passes an error cell to the chart as null). Sheets cannot link a
 * title to a cell, so the legend names the metric from the header cell (setNumHeaders) above the chart.
 */
function trendOptions(op: ChartOp): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (op.lines) {
    o.lineWidth = 2;
    o.pointSize = 6;
    o.interpolateNulls = true;
  }
  if (op.titleCell) o.legend = { position: 'top' };
  return o;
}

export function addSheetsCharts(sheet: GoogleAppsScript.Spreadsheet.Sheet, charts: ChartOp[]): void {
  for (const op of charts) {
    const form = op.form ?? defaultForm(op.kind);
    let builder = sheet.newChart().setChartType(Charts.ChartType[SHEETS_CHART_TYPE[form]]);
    for (const a1 of sheetsRanges(op)) builder = builder.addRange(sheet.getRange(a1));
    if (op.source) builder = builder.setNumHeaders(1);
    // Series read hidden helper columns: plot hidden columns, still skip rows the user hides (Sheets' default,
    // IGNORE_BOTH, "skips any hidden columns and hidden rows"; IGNORE_ROWS "skips hidden rows only").
    builder = builder.setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.IGNORE_ROWS);
    const at = parseCell(op.anchor);
    builder = builder.setPosition(at.row, at.col, 0, 0);
    for (const [key, value] of Object.entries(sheetsChartOptions(op))) builder = builder.setOption(key, value);
    sheet.insertChart(builder.build());
  }
}

/**
 * Brings a chart made by addSheetsCharts up to date ("Refresh charts", chart-refresh.ts): its value axis (the
 * roadmap's quarters) and its series' colours and legend entries, through `EmbeddedChart.modify()` ("Returns a
 * new EmbeddedChartBuilder for modifying this chart") and `Sheet.updateChart(chart)` ("Updates the chart on this
 * sheet"); its ranges, and so its data, are kept. The chart is the one whose title is the op's; false when the
 * sheet has none (a chart the user retitled or deleted is left alone).
 */
export function refreshSheetsChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, op: ChartOp): boolean {
  const chart = sheet.getCharts().find((c) => c.getOptions().get('title') === op.title);
  if (!chart) return false;
  const options = sheetsChartOptions(op);
  let builder = chart.modify();
  for (const key of ['hAxis', 'vAxis', 'series'] as const)
    if (options[key] !== undefined) builder = builder.setOption(key, options[key]);
  sheet.updateChart(builder.build());
  return true;
}
