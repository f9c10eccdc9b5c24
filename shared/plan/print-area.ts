/**
 * What a sheet prints, as geometry on its plan (pure): the columns and rows of its data block (leaving out the
 * hidden helper columns and a settings block beside the table), how many pages wide it fits to so its 10 pt text
 * prints at 8 pt or more, and the cells its charts cover, a page's worth per range. The .xlsx writer
 * (xlsx/print-setup.ts) and the Excel add-in (excel-addin/src/templates/print-layout.ts) print from it.
 */
import type { SheetPlan } from './plan';
import { colLetter } from '../a1/a1';

/** A chart's top-left cell (0-based) and size in pixels (96 dpi). */
export interface Anchored {
  anchor: { col: number; row: number; widthPx: number; heightPx: number };
}

/**
 * Default sizes of the workbook's rows and columns (Arial 10 default style): 64 px columns, 17 px
 * (12.75 pt) rows. A chart's print range is measured with them: a range a little too large only adds
 * blank paper under the chart, one too small would cut it.
 */
export const DEFAULT_COLUMN_PX = 64;
export const DEFAULT_ROW_PX = 17;

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
export function lastTypedRow(s: SheetPlan, from: number, to: number): number {
  let last = 0;
  s.cells.forEach((row, r) => {
    if (r >= s.headerRows && row.slice(from, to).some((v) => filled(v) && !isFormula(v))) last = r + 1;
  });
  return last;
}

/** How many columns the table has: it ends at the first column without a header (the spacer before a side block). */
export function tableColumns(s: SheetPlan): number {
  const header = s.cells[0] ?? [];
  const gap = header.findIndex((h) => !filled(h));
  return gap < 0 ? header.length : gap;
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
  return blankPrintedRow(s);
}

/** The last row a sheet prints when its table holds nothing typed (1-based): see lastPrintedRow. */
export function blankPrintedRow(s: SheetPlan): number {
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
 * whose height is set (1-based row → points), every other row is DEFAULT_ROW_PX tall.
 */
export function chartCells(s: SheetPlan, c: Anchored, rowPt: Map<number, number>): { right: number; bottom: number } {
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
export function printedWidthPx(s: SheetPlan, lastColumn: number): number {
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
export function chartPages<T extends Anchored>(charts: T[]): T[][] {
  const pages: T[][] = [];
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
 * The ranges a sheet's charts print on (A1, 0-based anchors), a page's worth of stacked charts per range
 * (chartPages); rows of `rowPt` have their height set, every other row is DEFAULT_ROW_PX tall.
 */
export function chartPrintRanges(s: SheetPlan, charts: Anchored[], rowPt: Map<number, number>): string[] {
  return chartPages(charts).map((group) => {
    const first = group[0];
    const ends = group.map((c) => chartCells(s, c, rowPt));
    const right = ends.reduce((m, e) => Math.max(m, e.right), 0);
    const bottom = ends.reduce((m, e) => Math.max(m, e.bottom), 0);
    return `${colLetter(first.anchor.col)}${first.anchor.row + 1}:${colLetter(right)}${bottom + 1}`;
  });
}
