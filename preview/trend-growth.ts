/**
 * Before a snapshot is appended in the preview: the trend helpers and charts of Progress History grown to reach it
 * (shared/strategy/trend-growth.ts), as in Sheets and Excel: the helper formulas into the engine (one batch), new slot
 * columns hidden, each trend chart of the sheet's metadata re-ranged (found by its ranges as Progress History made it;
 * the chart layer and the .xlsx download draw from these ops) and the new slots' charts added. At every snapshot each
 * trend chart's value axis takes its metric's format (trendAxisFormats: 99.5% reads 99.5%, not 0.995).
 */
import type { ChartOp, PlanCell } from '../shared/plan/plan';
import type { ReadSheet } from '../shared/strategy/read';
import type { SnapshotTarget } from '../shared/strategy/record';
import { trendNote, trendSlotOf, trendStep, withValueFormat, type TrendGrowth } from '../shared/strategy/trend-growth';
import { toEngineContent, type PreviewWorkbook } from './workbook';
import type { SheetMeta } from './sheet-meta';

/** Grows the trend helpers for `rows` appended at `target`; returns what the message adds. */
export function growTrendsPreview(
  wb: PreviewWorkbook,
  history: ReadSheet,
  target: SnapshotTarget,
  rows: PlanCell[][],
): string {
  const id = wb.sheetId(target.sheet);
  const hasFormula = (row: number, col: number): boolean => wb.hf.doesCellHaveFormula({ sheet: id, row, col });
  const step = trendStep(history, target, rows, hasFormula);
  const meta = wb.metaOf(target.sheet);
  const g = step.growth;
  const left = g ? growPreview(wb, id, meta, g) : [];
  formatAxes(meta.charts, step.axisFormats);
  return trendNote(step, left);
}

/** The growth applied to the sheet and its charts; returns the slots whose chart was not found. */
function growPreview(wb: PreviewWorkbook, id: number, meta: SheetMeta, g: TrendGrowth): number[] {
  wb.hf.batch(() => {
    for (const w of g.writes)
      w.cells.forEach((r, i) =>
        r.forEach((v, j) => wb.hf.setCellContents({ sheet: id, row: w.row + i, col: w.col + j }, toEngineContent(v))),
      );
  });
  for (const c of g.newColumns) meta.columnWidths[c] = g.width;
  meta.hiddenColumns = [...(meta.hiddenColumns ?? []), ...g.newColumns];
  const left = regrowCharts(meta.charts, g);
  for (const op of g.added) meta.charts.push(op);
  return left;
}

/** Each trend chart's value axis in its metric's format (the chart layer's ticks and the .xlsx c:valAx numFmt). */
function formatAxes(charts: ChartOp[], formats: string[]): void {
  charts.forEach((op, i) => {
    const slot = trendSlotOf(op);
    if (slot !== undefined && formats[slot - 1] !== undefined) charts[i] = withValueFormat(op, formats[slot - 1]);
  });
}

/** The ranges a chart reads (its series and their x values), to find a chart as Progress History made it. */
const rangesOf = (op: ChartOp): string => JSON.stringify([op.source, op.series?.map((s) => [s.values, s.xValues])]);

/** Re-ranges each trend chart found; returns the slots whose chart was not found. */
function regrowCharts(charts: ChartOp[], g: TrendGrowth): number[] {
  const left: number[] = [];
  g.regrow.forEach(({ before, after }, i) => {
    const at = charts.findIndex((c) => c.kind === 'metricTrend' && rangesOf(c) === rangesOf(before));
    if (at < 0) return void left.push(i + 1);
    // Where slot columns were added, the chart goes right of them again (the template's place at that size).
    const c = charts[at];
    charts[at] = { ...after, anchor: g.newColumns.length > 0 ? after.anchor : c.anchor, sheetRef: c.sheetRef };
  });
  return left;
}
