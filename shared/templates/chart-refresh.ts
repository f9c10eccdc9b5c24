/**
 * "Refresh charts" in Google Sheets and Excel (a menu item and a panel button; "Add planned projects to the
 * roadmap" and "Record snapshot" run it too). Both hosts fix a chart's axis bounds, legend and (Excel) its point
 * labels and series length when the chart is made: no chart API of either host binds an axis bound or a legend
 * entry to a cell (docs/host-api-notes.md). The preview and the .xlsx writer work these out from the cells
 * whenever they draw (calendar-axis.ts calendarOp, label-placement.ts); this is the same, for the live hosts, from
 * the workbook's cells as they are now:
 *  - the roadmap chart (the Roadmap sheet): its quarters run from the quarter before the plan's first through its
 *    fourth — the plan's first quarter is the Prioritization sheet's First quarter where it names a year, else
 *    today's quarter, as at insertion — widened to every quarter a dated row touches; the theme slots no theme
 *    fills are left out of the legend, and each slot is named after its theme (Excel names series by text);
 *  - the impact/effort matrix (the Prioritization sheet): each project's name placed clear of the others from the
 *    values as they are (Excel; Sheets draws no point names);
 *  - the roadmap (Excel): its bars run over every filled row (`ChartOp.excelRows`: Excel draws a bar chart's blank
 *    rows as empty slots, so it charts the filled rows only), so a row typed below the rows filled at insertion is
 *    drawn; the matrix's series already cover every row (a scatter skips blank and #N/A cells).
 * A chart is found on the sheet of the template's name ("Roadmap", "Prioritization") and read from the columns the
 * template lays out; a sheet whose header row no longer reads as the template's (a column inserted, moved or
 * renamed) is left alone, so a refresh never points a chart at the wrong cells. Pure.
 */
import { parseRange, type RangeRef } from '../a1/a1';
import { calendarOp } from '../compiler/calendar-axis';
import { labelCells, MIN_EXCEL_ROWS, placeLabelsFrom, themeSlotName } from '../compiler/charts';
import type { ChartOp, PlanCell, RenderPlan, SheetPlan } from '../plan/plan';
import { quoteSheet } from '../plan/resolve';
import { planStart } from '../strategy/plan-position';
import { readStrategy, type ReadSheet } from '../strategy/read';
import { compileTemplate } from './index';

/** A chart to bring up to date: its sheet and the chart as the cells are now. */
export interface ChartRefresh {
  sheet: string;
  op: ChartOp;
}

/** The templates whose chart is refreshed, by the id compileTemplate takes. */
const REFRESHED = ['roadmap', 'prioritization'] as const;

/** The cells of an A1 range of a sheet read as values (placed from A1), top to bottom, left to right. */
function cellsOf(sheet: ReadSheet, a1: string): PlanCell[] {
  const r: RangeRef = parseRange(a1);
  const out: PlanCell[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push((sheet.rows[row - 1]?.[col - 1] ?? null) as PlanCell);
  return out;
}

/** The number of data rows down to the last one holding a typed value (formula cells read as undefined). */
function filledRows(sheet: ReadSheet, firstRow: number): number {
  for (let r = sheet.rows.length; r >= firstRow; r--) {
    if ((sheet.rows[r - 1] ?? []).some((c) => c !== undefined && c !== null && String(c).trim() !== ''))
      return r - firstRow + 1;
  }
  return 0;
}

/** A day in the plan's first quarter: the First quarter setting's, where it names a year, else `now`. */
function planDay(sheets: ReadSheet[], now: Date): Date {
  const start = planStart(readStrategy(sheets, now).data);
  return start?.year !== undefined ? new Date(start.year, (start.quarter - 1) * 3 + 1, 1, 12) : now;
}

/** The roadmap chart as its rows are now: calendar widened, unused slots out of the legend, slots named. */
function roadmapNow(op: ChartOp, sheet: ReadSheet): ChartOp {
  const drawn = calendarOp(op, (a1) => cellsOf(sheet, a1));
  const themes = op.calendar ? cellsOf(sheet, op.calendar.theme) : [];
  let slot = 0;
  const series = (drawn.series ?? []).map((s) => (s.invisible ? s : { ...s, name: themeSlotName(themes, ++slot) }));
  return { ...drawn, series };
}

/** The matrix as its rows are now: each name placed clear of the others from the values. */
function matrixNow(op: ChartOp, sheet: ReadSheet): ChartOp {
  const at = op.labelValues;
  if (!at) return op;
  const [xs, ys, names] = labelCells(at, (a1) => cellsOf(sheet, a1));
  return { ...op, labelPlacement: placeLabelsFrom(op, xs, ys, names) };
}

const headerText = (v: unknown): string =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** Whether each typed header of the template (not a formula) is still in its column of the sheet. */
function sameColumns(spec: SheetPlan, sheet: ReadSheet): boolean {
  return (spec.cells[0] ?? []).every((h, c) => {
    if (typeof h !== 'string' || h === '' || h.startsWith('=')) return true;
    return headerText(sheet.rows[0]?.[c]) === headerText(h);
  });
}

/** One template's refreshable charts, if the workbook has its sheet laid out as the template made it. */
function refreshOf(plan: RenderPlan, sheets: ReadSheet[]): ChartRefresh[] {
  return plan.sheets.flatMap((spec) => {
    const sheet = sheets.find((s) => s.name === spec.name);
    if (!sheet || !sameColumns(spec, sheet)) return [];
    return spec.charts
      .filter((op) => op.calendar || op.labelValues)
      .map((op) => {
        const now = op.calendar ? roadmapNow(op, sheet) : matrixNow(op, sheet);
        const refreshed = { ...now, sheetRef: quoteSheet(sheet.name) };
        if (op.excelRows === undefined) return { sheet: sheet.name, op: refreshed };
        // A bar chart: Excel charts the filled rows (at least MIN_EXCEL_ROWS) of the series' data rows.
        const data = parseRange(op.series?.[0]?.values ?? 'A2');
        const rows = Math.min(data.bottom - data.top + 1, Math.max(filledRows(sheet, data.top), MIN_EXCEL_ROWS));
        return { sheet: sheet.name, op: { ...refreshed, excelRows: rows } };
      });
  });
}

/** The charts of this workbook to bring up to date, as its cells are now (`now`: today, for the plan's quarters). */
export function chartsToRefresh(sheets: ReadSheet[], now: Date): ChartRefresh[] {
  const day = planDay(sheets, now);
  return REFRESHED.flatMap((id) => refreshOf(compileTemplate(id, { example: false, now: day }), sheets));
}
