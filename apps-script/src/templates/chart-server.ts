/**
 * Charts on demand in Google Sheets: the menu items "Insert chart ▸ …" and the sidebar's Charts
 * section call these. The selection is read once (getValues + getA1Notation), the core decides the
 * roles and ranges (shared/chart-from-selection/chart-from-selection.ts), and the Sheets chart executor places
 * the chart. Only the roadmap writes cells: two helper columns, and only after checking they are blank.
 */
import {
  CHART_CATALOG,
  chartBottomRow,
  chartFromSelection,
  helperRange,
  isChartKind,
  noSuchChartText,
  type ChartCatalogEntry,
} from '../../../shared/chart-from-selection/chart-from-selection';
import { parseCell, parseRange, rangeA1 } from '../../../shared/a1/a1';
import { selectTableFirst } from '../../../shared/core/messages';
import { hostErrorText, type ChartInsertReport } from '../../../shared/plan/report';
import { PRODUCT } from '../ui';
import { spreadsheetDayOf } from '../dates';
import { spreadsheetNumberSyntax } from '../locale';
import { localFormula } from '../../../shared/plan/formula-syntax';
import { addSheetsCharts } from './charts';
import { withDocumentLock } from './document-lock';
import { maxOf } from '../../../shared/core/extremes';
import type { SelectionChartKind as ChartKind } from '../../../shared/compiler/charts';

/** Height Sheets gives a chart inserted without a height option. */
const DEFAULT_CHART_HEIGHT_PX = 371;

/** The charts the sidebar lists, as plain JSON. */
export function listCharts(): ChartCatalogEntry[] {
  return CHART_CATALOG.map((c) => ({ ...c }));
}

/** Builds the chart of `kind` from the active range. Throws an Error with a readable message when the selection does not fit. */
export function insertChartFromSelection(kind: string): ChartInsertReport {
  if (!isChartKind(kind)) throw new Error(noSuchChartText(kind));
  const entry = CHART_CATALOG.find((c) => c.kind === kind)!;
  // One insert at a time: two charts placed at once would both take the free place below the last chart.
  return withDocumentLock(`The ${entry.name}`, () => insertChart(kind, entry));
}

function insertChart(kind: ChartKind, entry: ChartCatalogEntry): ChartInsertReport {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const range = ss.getActiveRange();
  if (!range) throw new Error(selectTableFirst(entry.name, entry.hint));
  // One read of the selection: its values and where it is.
  const values = range.getValues();
  const address = range.getA1Notation();
  const sheet = range.getSheet();
  const sheetName = sheet.getName();
  const usedRight = sheet.getLastColumn();
  const maxCols = sheet.getMaxColumns();

  // The roadmap's helper columns: they must be blank (a formula returning "" is not blank).
  let helpersFree: boolean | undefined;
  const helpers = helperRange(kind, address, values.length, values[0]?.length ?? 0);
  if (helpers) {
    const h = parseRange(helpers);
    helpersFree = h.left > maxCols || sheet.getRange(rangeA1({ ...h, right: Math.min(h.right, maxCols) })).isBlank();
  }

  // Charts already on the sheet (a template's own chart sits right of its table): the new one goes below them.
  let chartsBottomRow = 0;
  for (const c of sheet.getCharts()) {
    const info = c.getContainerInfo();
    const height = Number(c.getOptions().get('height')) || DEFAULT_CHART_HEIGHT_PX;
    chartsBottomRow = Math.max(chartsBottomRow, chartBottomRow(info.getAnchorRow(), info.getOffsetY(), height));
  }

  const built = chartFromSelection(
    kind,
    { sheet: sheetName, address, values },
    { usedRight, helpersFree, chartsBottomRow, dayOf: spreadsheetDayOf() },
  );
  if (!built.ok) throw new Error(built.error);

  // The chart and the helper columns may lie past the sheet's last column: add columns (never overwrite).
  const need = maxOf(
    built.writes.map((w) => parseRange(w.range).right),
    parseCell(built.op.anchor).col,
  );
  if (need > maxCols) sheet.insertColumnsAfter(maxCols, need - maxCols);
  const { decimal } = spreadsheetNumberSyntax(ss);
  for (const w of built.writes)
    sheet.getRange(w.range).setValues(w.cells.map((row) => row.map((v) => localFormula(v, decimal))));
  addSheetsCharts(sheet, [built.op]);
  return { sheets: [sheetName], message: built.message, anchor: built.op.anchor };
}

/** Menu handler: inserts from the selection, then a toast; an unsuitable selection gets an alert saying what to select. */
export function insertChartFromMenu(kind: string): ChartInsertReport | undefined {
  try {
    const report = insertChartFromSelection(kind);
    SpreadsheetApp.getActiveSpreadsheet().toast(report.message, PRODUCT, 10);
    return report;
  } catch (e) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(`${PRODUCT}: chart not inserted`, hostErrorText(e), ui.ButtonSet.OK);
    return undefined;
  }
}
