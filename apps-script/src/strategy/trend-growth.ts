/**
 * Before a snapshot is appended in Google Sheets: the trend helpers and charts of Progress History grown to reach it
 * (shared/strategy/trend-growth.ts). Rows are added at the end when the grid is too short (getRange refuses cells
 * outside the sheet), the helper formulas are written with setFormulas, new slot columns are hidden, each trend chart
 * is re-ranged through `chart.modify()` … `sheet.updateChart(chart)` ("Changes made to the chart are not saved until
 * Sheet.updateChart(chart) is called on the rebuilt chart", EmbeddedChartBuilder) and new ones are inserted by the
 * chart executor. A chart is ours when its ranges are exactly the ones Progress History gave it; any other chart (a
 * user's, or ours changed by hand) is left alone and the message says so. When slot columns are added, the trend
 * charts are placed right of them again (where the template would place them at that size). At every snapshot each
 * trend chart's value axis takes its metric's format (trendAxisFormats; `vAxis.format`, chartAxisFormat).
 */
import type { PlanCell } from '../../../shared/plan/plan';
import type { ReadSheet } from '../../../shared/strategy/read';
import type { SnapshotTarget } from '../../../shared/strategy/record';
import { trendNote, trendSlotAt, trendStep, type TrendGrowth } from '../../../shared/strategy/trend-growth';
import { addSheetsCharts, sheetsRanges } from '../templates/charts';
import { parseCell } from '../../../shared/a1/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** At least `rows` rows in the sheet's grid: rows added at the end (never inserted among the user's). */
export function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (max < rows) sheet.insertRowsAfter(max, rows - max);
}

/** Grows the trend helpers for `rows` appended at `target`; returns what the message adds. */
export function growTrendsSheets(sheet: Sheet, history: ReadSheet, target: SnapshotTarget, rows: PlanCell[][]): string {
  let formulas: string[][] | undefined;
  const hasFormula = (r: number, c: number): boolean =>
    (formulas ??= sheet.getDataRange().getFormulas())[r]?.[c] !== undefined && formulas[r][c] !== '';
  const step = trendStep(history, target, rows, hasFormula);
  const g = step.growth;
  const left = g ? growSheets(sheet, g) : [];
  formatAxes(sheet, target, step.axisFormats);
  return trendNote(step, left);
}

/** The growth applied to the sheet and its charts; returns the slots whose chart was not found. */
function growSheets(sheet: Sheet, g: TrendGrowth): number[] {
  ensureRows(sheet, 1 + g.rows);
  const lastCol = g.newColumns.reduce((m, c) => Math.max(m, c), 0) + 1;
  if (sheet.getMaxColumns() < lastCol) sheet.insertColumnsAfter(sheet.getMaxColumns(), lastCol - sheet.getMaxColumns());
  for (const w of g.writes)
    sheet.getRange(w.row + 1, w.col + 1, w.cells.length, w.cells[0].length).setFormulas(w.cells as string[][]);
  for (const c of g.newColumns) {
    sheet.setColumnWidth(c + 1, g.width);
    sheet.hideColumns(c + 1);
  }
  const left = regrowCharts(sheet, g);
  addSheetsCharts(sheet, g.added);
  return left;
}

/**
 * An Excel number format as a Google Charts axis format: "a subset of the decimal formatting ICU pattern set"
 * (hAxis/vAxis.format, Google Charts configuration options), literal text unquoted ("$"#,##0 → $#,##0) and 'none'
 * ("displays numbers with no formatting") for General.
 */
export function chartAxisFormat(format: string): string {
  return format === 'General' ? 'none' : format.replace(/"([^"]*)"/g, '$1');
}

/**
 * Each trend chart's value axis in its metric's format (slot k at k - 1): `vAxis.format` set through `chart.modify()`
 * … `updateChart`. A trend chart is found by its ranges: the Date column and a slot's helper column.
 */
function formatAxes(sheet: Sheet, target: SnapshotTarget, formats: string[]): void {
  for (const chart of sheet.getCharts()) {
    const ranges = chart.getRanges();
    if (ranges.length !== 2 || ranges[0].getColumn() !== target.columns[0] + 1) continue;
    const slot = trendSlotAt(ranges[1].getColumn() - 1);
    const format = slot === undefined ? undefined : formats[slot - 1];
    if (format !== undefined)
      sheet.updateChart(chart.modify().setOption('vAxis.format', chartAxisFormat(format)).build());
  }
}

/** Re-ranges each existing trend chart found by its ranges; returns the slots whose chart was not found. */
function regrowCharts(sheet: Sheet, g: TrendGrowth): number[] {
  const a1 = (c: GoogleAppsScript.Spreadsheet.EmbeddedChart): string =>
    c
      .getRanges()
      .map((r) => r.getA1Notation())
      .join(',');
  const charts = sheet.getCharts();
  const left: number[] = [];
  g.regrow.forEach(({ before, after }, i) => {
    const want = sheetsRanges(before).join(',');
    const chart = charts.find((c) => a1(c) === want);
    if (!chart) return void left.push(i + 1);
    charts.splice(charts.indexOf(chart), 1);
    let builder = chart.modify().clearRanges();
    for (const r of sheetsRanges(after)) builder = builder.addRange(sheet.getRange(r));
    // New hidden columns where the charts stood: each chart is placed right of them again.
    if (g.newColumns.length > 0) {
      const at = parseCell(after.anchor);
      builder = builder.setPosition(at.row, at.col, 0, 0);
    }
    sheet.updateChart(builder.build());
  });
  return left;
}
