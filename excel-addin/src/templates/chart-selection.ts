/**
 * Charts on demand in Excel: the task pane's Charts section inserts one of the five charts for the
 * selected range, in one Excel.run with two syncs:
 *  1. read the selection's filled block (values and address), its sheet's name and used columns, and
 *     for the roadmap the formulas of the two columns right of the block (must be empty);
 *  2. write the roadmap's helper formulas (if any) and queue the chart (addExcelCharts), then sync.
 * The core (shared/chart-from-selection/chart-from-selection.ts) decides the roles and ranges; an unsuitable
 * selection is an Error saying what to select, raised before anything is written.
 */
import {
  CHART_CATALOG,
  chartFromSelection,
  helperColumnCount,
  isChartKind,
  noSuchChartText,
} from '../../../shared/chart-from-selection/chart-from-selection';
import { couldNotReadSelection, selectionEmpty } from '../../../shared/core/messages';
import { hostErrorText, withCause, type ChartInsertReport } from '../../../shared/plan/report';
import { addExcelCharts } from './charts';
import { hostApiSupport } from './requirements';

/** Excel's default row height in points (charts are positioned in points). */
const DEFAULT_ROW_PT = 15;

export async function insertChartFromSelectionExcel(
  context: Excel.RequestContext,
  kind: string,
): Promise<ChartInsertReport> {
  if (!isChartKind(kind)) throw new Error(noSuchChartText(kind));
  const entry = CHART_CATALOG.find((c) => c.kind === kind)!;
  const selected = context.workbook.getSelectedRange();
  // The filled part of the selection: a whole-column selection becomes the table it contains.
  const block = selected.getUsedRange(true);
  block.load('values,address');
  const sheet = selected.worksheet;
  sheet.load('name');
  const used = sheet.getUsedRange(true);
  used.load('columnIndex,columnCount');
  const helpers = helperColumnCount(kind);
  const after = helpers > 0 ? block.getColumnsAfter(helpers) : undefined;
  after?.load('formulas');
  const charts = sheet.charts;
  charts.load('items/top,items/height');
  try {
    await context.sync();
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code === 'ItemNotFound') throw withCause(selectionEmpty(entry.name, entry.hint), e);
    throw withCause(couldNotReadSelection(hostErrorText(e)), e);
  }

  const helpersFree = after ? after.formulas.every((row) => row.every((f) => f === '' || f === null)) : undefined;
  // Charts already on the sheet: the new one goes below them. Points → rows at Excel's default row height
  // (15 pt); taller rows only put the new chart further down, never over a chart.
  const chartsBottomRow = charts.items.reduce(
    (m, c) => Math.max(m, 1 + Math.ceil((c.top + c.height) / DEFAULT_ROW_PT)),
    0,
  );
  const built = chartFromSelection(
    kind,
    { sheet: sheet.name, address: block.address, values: block.values },
    { usedRight: used.columnIndex + used.columnCount, helpersFree, chartsBottomRow },
  );
  if (!built.ok) throw new Error(built.error);

  for (const w of built.writes) sheet.getRange(w.range).formulas = w.cells as (string | number | boolean)[][];
  // Members above the manifest's ExcelApi 1.8 (axis.linkNumberFormat, 1.9) only where the host has them.
  addExcelCharts(sheet, [built.op], hostApiSupport());
  await context.sync();
  return { sheets: [sheet.name], message: built.message, anchor: built.op.anchor };
}
