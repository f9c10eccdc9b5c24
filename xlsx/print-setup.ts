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
import type { FileChart } from './chart-model';
import { sheetRangeRef } from './model';
import { quoteSheet } from '../shared/plan/resolve';

/** The sheets' font: a sans-serif every spreadsheet program has (LibreOffice draws it with the metric-compatible Liberation Sans). */
export const SHEET_FONT = { name: 'Arial', family: 2, size: 10 } as const;

/**
 * Default sizes of the workbook's rows and columns (Arial 10 default style): 64 px columns, 17 px
 * (12.75 pt) rows. A chart's print range is measured with them: a range a little too large only adds
 * blank paper under the chart, one too small would cut it.
 */
export const DEFAULT_COLUMN_PX = 64;
export const DEFAULT_ROW_PX = 17;

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

const isFormula = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');
const filled = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** The last visible column holding anything (0-based): the print area stops there. */
function lastVisibleColumn(s: SheetPlan): number {
  const hidden = new Set(s.hiddenColumns ?? []);
  let last = 0;
  s.cells.forEach((row) => row.forEach((v, c) => !hidden.has(c) && filled(v) && (last = Math.max(last, c))));
  return last;
}

/** The last data row (1-based) holding a typed value in columns [from, to), 0 when none does. */
function lastTypedRow(s: SheetPlan, from: number, to: number): number {
  let last = 0;
  s.cells.forEach((row, r) => {
    if (r >= s.headerRows && row.slice(from, to).some((v) => filled(v) && !isFormula(v))) last = r + 1;
  });
  return last;
}

/** How many columns the table has: it ends at the first column without a header (the spacer before a side block). */
function tableColumns(s: SheetPlan): number {
  const header = s.cells[0] ?? [];
  const gap = header.findIndex((h) => !filled(h));
  return gap < 0 ? header.length : gap;
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
 * Whether the side block right of the table holds a setting (a typed value in its value column, two right of the
 * table: after the spacer and the labels): a settings block is for the screen and does not print; a block of
 * summaries (formulas only) does.
 */
export function hasSettingsBlock(s: SheetPlan): boolean {
  const value = tableColumns(s) + 2;
  if (lastVisibleColumn(s) < value) return false;
  return s.cells.slice(1).some((row) => filled(row[value]) && !isFormula(row[value]));
}

/** The last column to print (0-based): the table's, or the side block's when it holds no setting. */
export function lastPrintedColumn(s: SheetPlan): number {
  return hasSettingsBlock(s) ? tableColumns(s) - 1 : lastVisibleColumn(s);
}

/**
 * The last row to print (1-based): the last data row holding a typed value, and the side block of
 * summaries beside the table (a settings block does not print). A table with nothing typed prints every row (a blank template: the rows
 * are there to be filled, on screen or on paper), except one whose rows are fed by formulas from other
 * sheets (its first column computed: the Progress Dashboard), which prints the rows its bar charts draw.
 * A blank table prints at most BLANK_PRINT_ROWS rows.
 */
export function lastPrintedRow(s: SheetPlan): number {
  const header = s.cells[0] ?? [];
  const tableWidth = tableColumns(s);
  const table = lastTypedRow(s, 0, tableWidth);
  if (table > 0) return hasSettingsBlock(s) ? table : Math.max(table, lastTypedRow(s, tableWidth, header.length));
  const data = s.cells.slice(s.headerRows);
  const fed = data.length > 0 && data.every((row) => isFormula(row[0]));
  const charted = s.charts.reduce((m, c) => Math.max(m, c.excelRows ?? 0), 0);
  return fed && charted > 0 ? s.headerRows + charted : Math.min(s.cells.length, s.headerRows + BLANK_PRINT_ROWS);
}

/**
 * Rows a blank table prints at most: a form's rows to fill on paper. Rows beyond are room for a log to grow
 * (Progress History's 500, appended by "Record snapshot"), which prints what it holds once it holds something.
 */
export const BLANK_PRINT_ROWS = 50;

/** Pixel widths of columns 0…n (the plan's, then the default). */
const columnPx = (s: SheetPlan, c: number): number => s.columnWidths[c] ?? DEFAULT_COLUMN_PX;

/**
 * The cells a chart covers (0-based, inclusive), from its anchor and size; `rowPt` holds the rows
 * whose height is set (1-based row → points).
 */
export function chartCells(s: SheetPlan, c: FileChart, rowPt: Map<number, number>): { right: number; bottom: number } {
  const hidden = new Set(s.hiddenColumns ?? []);
  let col = c.anchor.col;
  for (let x = 0; x < c.anchor.widthPx; col++) x += hidden.has(col) ? 0 : columnPx(s, col);
  let row = c.anchor.row;
  for (let y = 0; y < c.anchor.heightPx; row++)
    y += rowPt.has(row + 1) ? (rowPt.get(row + 1)! * 4) / 3 : DEFAULT_ROW_PX;
  return { right: col - 1, bottom: row - 1 };
}

/**
 * How many pixels of our column widths a page holds at 100 %: a Letter page less the side margins is 10.2 in wide
 * landscape and 7.7 in portrait (979 and 739 px at 96 an inch), and LibreOffice draws the file's column widths
 * about 4 % wider than that (measured: a 1,210 px table fits landscape at 78 %), so a little less.
 */
export const PRINTABLE_WIDTH_PX = { landscape: 920, portrait: 690 };

/** The smallest scale fitting to the page width may use: the sheets' 10 pt text prints at 8 pt or more. */
export const MIN_PRINT_SCALE = 0.8;

/** Pages wide a sheet fits to: one, or as many as keep a table of `widthPx` at MIN_PRINT_SCALE or more. */
export function pagesWide(widthPx: number, orientation: 'portrait' | 'landscape' = 'landscape'): number {
  return Math.max(1, Math.ceil(widthPx / (PRINTABLE_WIDTH_PX[orientation] / MIN_PRINT_SCALE)));
}

/** Width of the printed columns (hidden ones take no paper), in pixels. */
function printedWidthPx(s: SheetPlan, lastColumn: number): number {
  const hidden = new Set(s.hiddenColumns ?? []);
  let w = 0;
  for (let c = 0; c <= lastColumn; c++) w += hidden.has(c) ? 0 : columnPx(s, c);
  return w;
}

/** Height of a landscape page's printable area at 100 % (8.5 in less the margins, header and footer), in pixels. */
export const PAGE_PX = 680;

/**
 * Charts grouped by page: consecutive charts stacked in one column (Progress History's trends) share a range
 * as long as they fit a page together (a range never splits a chart across pages); any other chart is alone.
 */
export function chartPages(charts: FileChart[]): FileChart[][] {
  const pages: FileChart[][] = [];
  let height = 0;
  for (const c of charts) {
    const page = pages[pages.length - 1];
    const prev = page?.[page.length - 1];
    const stacked = prev !== undefined && prev.anchor.col === c.anchor.col && c.anchor.row > prev.anchor.row;
    const below = stacked ? Math.max(0, (c.anchor.row - prev.anchor.row) * DEFAULT_ROW_PX - prev.anchor.heightPx) : 0;
    if (stacked && height + below + c.anchor.heightPx <= PAGE_PX) {
      page.push(c);
      height += below + c.anchor.heightPx;
    } else {
      pages.push([c]);
      height = c.anchor.heightPx;
    }
  }
  return pages;
}

/**
 * What a sheet prints: its data block, then its charts (rows of `rowPt` have their height set), a page's worth
 * of stacked charts per range (chartPages).
 */
export function printPlan(s: SheetPlan, charts: FileChart[], rowPt: Map<number, number>): PrintPlan {
  const lastColumn = lastPrintedColumn(s);
  const data = `A1:${colLetter(lastColumn)}${lastPrintedRow(s)}`;
  const chartAreas = chartPages(printedCharts(s, charts)).map((group) => {
    const first = group[0];
    const ends = group.map((c) => chartCells(s, c, rowPt));
    const right = ends.reduce((m, e) => Math.max(m, e.right), 0);
    const bottom = ends.reduce((m, e) => Math.max(m, e.bottom), 0);
    return `${colLetter(first.anchor.col)}${first.anchor.row + 1}:${colLetter(right)}${bottom + 1}`;
  });
  return {
    printArea: [data, ...chartAreas].map((a) => sheetRangeRef(s.name, a)),
    pagesWide: pagesWide(printedWidthPx(s, lastColumn), s.printOrientation),
    printTitles: `${quoteSheet(s.name)}!$1:$${Math.max(1, s.headerRows)}`,
  };
}
