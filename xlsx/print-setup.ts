/**
 * Print-ready sheets: what a sheet prints and how (ECMA-376 Part 1, §18.3.1.63 pageSetup,
 * §18.3.1.62 pageMargins, §18.3.1.46 headerFooter, §18.2.6 definedName `_xlnm.Print_Area` and
 * `_xlnm.Print_Titles`).
 *
 * - landscape, fit to one page wide (as many pages tall as needed), the header row repeated on each page; a table
 *   too wide to print readably on one page (its 10 pt text under 8 pt) fits to as many pages wide as keep it at
 *   8 pt or more (pagesWide);
 * - the print area leaves the hidden helper columns out, and a settings block beside the table (it is for the
 *   screen; summaries computed from the table still print): the data block (header, the rows holding data
 *   when the file is written, every row of an empty sheet), then each chart on a page of its own;
 * - rows as tall as their wrapped text (text-fit.ts), the header row's two-line headers included;
 * - the sheet's name and the page number in the footer; numbering starts at 1 on every sheet.
 * Pure: geometry and page settings only (no ExcelJS, no XML).
 */
import type { SheetPlan } from '../shared/plan/plan';
import { colLetter, parseRange } from '../shared/a1/a1';
import {
  chartPrintRanges,
  lastPrintedColumn,
  lastPrintedRow,
  lastTypedRow,
  pagesWide,
  printedWidthPx,
  tableColumns,
} from '../shared/plan/print-area';
import type { FileChart } from './chart-model';
import { sheetRangeRef } from './model';
import { quoteSheet } from '../shared/plan/resolve';

/** The sheets' font: a sans-serif every spreadsheet program has (LibreOffice draws it with the metric-compatible Liberation Sans). */
export const SHEET_FONT = { name: 'Arial', family: 2, size: 10 } as const;

/** Inches, as pageMargins stores them: narrow sides, room for the footer. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.25 };

/** Footer codes (§18.3.1.46): sheet name on the left, page number on the right, 9 pt Arial. */
export const FOOTER = '&L&"Arial,Regular"&9&A&R&"Arial,Regular"&9Page &P';

export interface PrintPlan {
  /** Sheet-qualified absolute ranges, printed in this order, each starting a page. */
  printArea: string[];
  /** Pages wide the sheet fits to (1 unless its text would print under 8 pt on one page). */
  pagesWide: number;
  /** Rows repeated at the top of every page, sheet-qualified (`'Roadmap'!$1:$1`). */
  printTitles: string;
}

/**
 * The charts worth paper: a trend prints once its metric has two snapshots (a line; before that it draws a
 * point or nothing, and an empty date axis printed pages of nothing); a line chart without a known source prints
 * once its table holds typed rows; every other chart always prints.
 */
export function printedCharts(s: SheetPlan, charts: FileChart[]): FileChart[] {
  const typed = lastTypedRow(s, 0, tableColumns(s)) > 0;
  return charts.filter((c) =>
    c.snapshots !== undefined ? c.snapshots >= 2 : c.form === 'tornado' ? drawsBars(s, c) : typed || !c.lines,
  );
}

/**
 * Whether a chart's series cells hold a number when the file is written: a tornado without a bar (no weight tips
 * the top N in the snapshot the file holds) prints a page of nothing.
 */
function drawsBars(s: SheetPlan, c: FileChart): boolean {
  return c.series.some((x) => {
    const r = parseRange(x.values.replace(/^.*!/, '').replace(/\$/g, ''));
    return s.cells.slice(r.top - 1, r.bottom).some((row) => typeof row[r.left - 1] === 'number');
  });
}

/**
 * What a sheet prints: its data block, then its charts (rows of `rowPt` have their height set), a page's worth
 * of stacked charts per range (chartPages).
 */
export function printPlan(s: SheetPlan, charts: FileChart[], rowPt: Map<number, number>): PrintPlan {
  const lastColumn = lastPrintedColumn(s);
  const data = `A1:${colLetter(lastColumn)}${lastPrintedRow(s)}`;
  const chartAreas = chartPrintRanges(s, printedCharts(s, charts), rowPt);
  return {
    printArea: [data, ...chartAreas].map((a) => sheetRangeRef(s.name, a)),
    pagesWide: pagesWide(printedWidthPx(s, lastColumn), s.printOrientation),
    printTitles: `${quoteSheet(s.name)}!$1:$${Math.max(1, s.headerRows)}`,
  };
}
