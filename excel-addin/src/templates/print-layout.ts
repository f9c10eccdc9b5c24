/**
 * Print-ready sheets in Excel, as the .xlsx writer makes them (xlsx/print-setup.ts), where the host has
 * Worksheet.pageLayout (ExcelApi 1.9, above the manifest's 1.8: guarded, nothing is called without it):
 * landscape (or the sheet's orientation), fit to as many pages wide as keep the 10 pt text at 8 pt or more and as
 * many tall as needed, the header rows repeated on each page, and a print area that leaves out the hidden helper
 * columns and a settings block beside the table, then each chart on a page of its own.
 *
 * A print area is fixed cells: the data block spans the rows a blank form prints (or down to the last row typed
 * past them), so rows typed below it do not print until the user sets the print area again
 * (docs/host-api-notes.md § Print areas in the live hosts).
 * (Excel.PageLayout, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout;
 * Excel.PageLayoutZoomOptions, https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions.)
 */
import type { ChartOp, SheetPlan } from '../../../shared/plan/plan';
import { colLetter, parseRange } from '../../../shared/a1/a1';
import {
  blankPrintedRow,
  chartPrintRanges,
  lastPrintedColumn,
  lastPrintedRow,
  pagesWide,
  printedWidthPx,
  type Anchored,
} from '../../../shared/plan/print-area';
import { EXCEL_API_PAGE_LAYOUT, type ApiSupport } from './requirements';

/** What a sheet prints in Excel: its areas (A1, on the sheet), pages wide, the rows repeated on each page. */
export interface ExcelPrintLayout {
  areas: string[];
  pagesWide: number;
  titleRows: string;
}

/**
 * The print layout of a sheet as inserted: the data block down to the last row a blank form prints (a table
 * typed further prints to its last typed row), as the .xlsx computes it; each chart's cells measured with the
 * plan's column widths and 17 px rows (Excel's rows are at least as tall, 15 pt for Calibri 11: a range a little
 * too large only adds blank paper under a chart). Every chart prints (the print area outlives the rows filled at
 * insertion: a tornado blank now draws bars once weights are typed) except the trends, which print once their
 * metric has two snapshots (as in the .xlsx), which no sheet has when it is inserted.
 */
export function excelPrintLayout(s: SheetPlan): ExcelPrintLayout {
  const lastColumn = lastPrintedColumn(s);
  const rows = Math.max(lastPrintedRow(s), blankPrintedRow(s));
  const charts = s.charts.filter((c) => c.kind !== 'metricTrend').map(anchored);
  return {
    areas: [`A1:${colLetter(lastColumn)}${rows}`, ...chartPrintRanges(s, charts, new Map())],
    pagesWide: pagesWide(printedWidthPx(s, lastColumn), s.printOrientation),
    titleRows: `$1:$${Math.max(1, s.headerRows)}`,
  };
}

/** A chart's anchor cell (A1) as the 0-based cell and size the print geometry takes. */
function anchored(c: ChartOp): Anchored {
  const r = parseRange(c.anchor);
  return { anchor: { col: r.left - 1, row: r.top - 1, widthPx: c.widthPx, heightPx: c.heightPx } };
}

/** Queues the sheet's page layout where the host has it (ExcelApi 1.9); elsewhere nothing is called. */
export function setPrintLayout(ws: Excel.Worksheet, s: SheetPlan, supports: ApiSupport): void {
  if (!supports(EXCEL_API_PAGE_LAYOUT)) return;
  const layout = excelPrintLayout(s);
  const page = ws.pageLayout;
  page.orientation = s.printOrientation === 'portrait' ? 'Portrait' : 'Landscape';
  // Fit to pages wide, as many tall as needed; `zoom` is set whole ("use x.zoom = {...}", PageLayout.zoom). The
  // page does not say what 0 pages tall means (null is for a percentage scale): 0 is the file's "automatic"
  // (fitToHeight="0", which the .xlsx writer writes). Not yet seen in a live Excel (docs/host-api-notes.md).
  page.zoom = { horizontalFitToPages: layout.pagesWide, verticalFitToPages: 0 };
  page.setPrintTitleRows(layout.titleRows);
  page.setPrintArea(layout.areas.join(','));
}
