/**
 * Charts on demand in the preview, as in the hosts: the selected block (header row and data rows) is read
 * once and handed to the same core as Sheets and Excel (shared/chart-from-selection/chart-from-selection.ts), which
 * picks the columns and places the chart right of the data; the chart and any helper cells it needs are
 * one command, so Undo takes it away. A single selected cell stands for the table around it (Excel's
 * current region). No DOM here.
 */
import { DetailedCellError } from 'hyperformula';
import { gridRect, rangeA1, type GridRect } from '../shared/a1/a1';
import {
  chartBottomRow,
  chartFromSelection,
  CHART_CATALOG,
  helperRange,
} from '../shared/chart-from-selection/chart-from-selection';
import type { SelectionChartKind as ChartKind } from '../shared/compiler/charts';
import type { PlanCell } from '../shared/plan/plan';
import { addChart, compound, setCells, type Command } from './commands';
import type { PreviewWorkbook } from './workbook';
import { currentRegion } from './selection';

export type PreviewChart =
  { ok: true; command: Command; message: string; anchor: string } | { ok: false; error: string };

/** A cell as the hosts hand it to the core: errors as their codes ("#N/A"), blanks as "". */
function hostValue(v: unknown): unknown {
  if (v instanceof DetailedCellError) return v.value;
  return v === null || v === undefined ? '' : v;
}

function a1Of(r: GridRect): string {
  return rangeA1({ top: r.top + 1, left: r.left + 1, bottom: r.bottom + 1, right: r.right + 1 });
}

function asInput(c: PlanCell): string {
  return c === null || c === undefined ? '' : String(c);
}

/** The rectangle a chart reads: the selection, or the table around a single selected cell. */
export function chartSource(wb: PreviewWorkbook, sheet: string, rect: GridRect): GridRect {
  if (rect.top !== rect.bottom || rect.left !== rect.right) return rect;
  const d = wb.dimensions(sheet);
  const filled = (p: { row: number; col: number }): boolean => wb.inputOf(sheet, p.row, p.col) !== '';
  return filled({ row: rect.top, col: rect.left }) ? currentRegion({ row: rect.top, col: rect.left }, filled, d) : rect;
}

/** Builds the command that inserts a chart of `kind` for the selection, or says what to select. */
export function chartForSelection(
  wb: PreviewWorkbook,
  sheet: string,
  selected: GridRect,
  kind: ChartKind,
): PreviewChart {
  const rect = chartSource(wb, sheet, selected);
  const address = a1Of(rect);
  const values = wb.rangeValues(sheet, address).map((row) => row.map(hostValue));
  const helpers = helperRange(kind, address, values.length, values[0]?.length ?? 0);
  const helpersFree = helpers
    ? wb.inputs(sheet, gridRect(helpers)).every((row) => row.every((c) => c === ''))
    : undefined;
  const chartsBottomRow = wb
    .metaOf(sheet)
    .charts.reduce((m, c) => Math.max(m, chartBottomRow(gridRect(c.anchor).top + 1, 0, c.heightPx)), 0);
  const built = chartFromSelection(
    kind,
    { sheet, address, values },
    { usedRight: wb.dimensions(sheet).cols, helpersFree, chartsBottomRow },
  );
  if (!built.ok) return built;
  const name = CHART_CATALOG.find((c) => c.kind === kind)?.name ?? kind;
  const writes = built.writes.map((w) => {
    const r = gridRect(w.range);
    return setCells(
      `${name} helper cells`,
      sheet,
      r.top,
      r.left,
      w.cells.map((row) => row.map(asInput)),
    );
  });
  return {
    ok: true,
    command: compound(`Insert the ${name}`, [...writes, addChart(`Insert the ${name}`, sheet, built.op)]),
    message: built.message,
    anchor: built.op.anchor,
  };
}
