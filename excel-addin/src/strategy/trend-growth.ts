/**
 * Before a snapshot is appended in Excel: the trend helpers and charts of Progress History grown to reach it
 * (shared/strategy/trend-growth.ts). Queued in the snapshot's own batch: the helper formulas in row blocks that keep
 * each request under the budget (request-budget.ts), new slot columns hidden, each trend chart's series re-ranged
 * (`ChartSeries.setValues` / `setXAxisValues`, ExcelApi 1.7) and the new slots' charts added by the chart executor.
 * Our trend charts carry a name the chart executor gives them (TREND_CHART_PREFIX + slot: `Chart.name`, ExcelApi 1.1),
 * found with `charts.getItemOrNullObject` (ExcelApi 1.4); one more sync reads which exist. Office.js at our floor
 * (1.8) cannot read a series' range back (`getDimensionDataSourceString` is 1.15), so a chart renamed or removed by
 * someone is not re-ranged, and the message names its metric. When slot columns are added, the existing trend charts
 * are placed right of them again (where the template would place them at that size). At every snapshot each trend
 * chart's value axis takes its metric's format (`ChartAxis.numberFormat`, ExcelApi 1.8, our floor; trendAxisFormats).
 */
import type { PlanCell } from '../../../shared/plan/plan';
import type { ReadSheet } from '../../../shared/strategy/read';
import type { SnapshotTarget } from '../../../shared/strategy/record';
import {
  trendNote,
  trendSlotOf,
  trendStep,
  withValueFormat,
  type TrendGrowth,
} from '../../../shared/strategy/trend-growth';
import { colLetter } from '../../../shared/a1/a1';
import { addExcelCharts, applyAxis, PX_TO_PT, trendChartName } from '../templates/charts';
import { pxToPoints } from '../templates/executor';
import { RequestBudget, writeGrid } from '../templates/request-budget';
import { hostApiSupport } from '../templates/requirements';

/**
 * Grows the trend helpers for `rows` appended at `target` (History read with `formulas`, placed from A1) and queues
 * the growth; the caller's sync sends the last part. Returns what the message adds, and `formatAxes`, to call after
 * that sync: it queues each trend chart's value axis in its metric's format (the charts are found by that sync, so
 * formatting costs no round trip of its own; the next sync sends it).
 */
export async function growTrendsExcel(
  context: Excel.RequestContext,
  history: ReadSheet,
  formulas: unknown[][],
  target: SnapshotTarget,
  rows: PlanCell[][],
): Promise<{ note: string; formatAxes: () => void }> {
  const hasFormula = (r: number, c: number): boolean => String(formulas[r]?.[c] ?? '').startsWith('=');
  const step = trendStep(history, target, rows, hasFormula);
  const g = step.growth;
  const ws = context.workbook.worksheets.getItem(target.sheet);
  const slots = Math.max(step.axisFormats.length, g?.regrow.length ?? 0);
  const charts = Array.from({ length: slots }, (_, i) =>
    ws.charts.getItemOrNullObject(trendChartName(i + 1)).load('isNullObject'),
  );
  const formatAxes = (): void => formatTrendAxes(charts, step.axisFormats);
  if (!g) return { note: step.note, formatAxes };
  await context.sync();
  const budget = new RequestBudget(context);
  for (const w of g.writes) await writeGrid(ws, w.row, w.col, w.cells, 'formulas', budget);
  for (const c of g.newColumns) {
    const column = ws.getRange(`${colLetter(c)}:${colLetter(c)}`);
    column.format.columnWidth = pxToPoints(g.width);
    column.columnHidden = true;
  }
  const left = regrowCharts(ws, g, charts);
  // A new slot's chart is made with its metric's axis format.
  const added = g.added.map((op) => {
    const format = step.axisFormats[(trendSlotOf(op) ?? 0) - 1];
    return format === undefined ? op : withValueFormat(op, format);
  });
  addExcelCharts(ws, added, hostApiSupport());
  return { note: trendNote(step, left), formatAxes };
}

/** Each existing trend chart's value axis in its metric's format (slot k at k - 1), as the chart executor sets one. */
function formatTrendAxes(charts: Excel.Chart[], formats: string[]): void {
  formats.forEach((format, i) => {
    const chart = charts[i];
    if (chart && !chart.isNullObject) applyAxis(chart.axes.valueAxis, { numberFormat: format }, hostApiSupport());
  });
}

/** Re-ranges each trend chart found; returns the slots whose chart was not there. */
function regrowCharts(ws: Excel.Worksheet, g: TrendGrowth, charts: Excel.Chart[]): number[] {
  const left: number[] = [];
  g.regrow.forEach(({ after }, i) => {
    const chart = charts[i];
    const s = after.series?.[0];
    if (chart.isNullObject || !s) return void left.push(i + 1);
    const series = chart.series.getItemAt(0);
    series.setValues(ws.getRange(s.values));
    if (s.xValues) series.setXAxisValues(ws.getRange(s.xValues));
    if (g.newColumns.length === 0) return;
    // New hidden columns where the charts stood: each chart moves right of them again, at its size (a chart moves
    // and sizes with the cells under it by default, so hiding a column it spans would narrow it).
    chart.setPosition(after.anchor);
    chart.width = Math.round(after.widthPx * PX_TO_PT);
    chart.height = Math.round(after.heightPx * PX_TO_PT);
  });
  return left;
}
