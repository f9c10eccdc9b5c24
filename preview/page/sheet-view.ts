/**
 * The grid's table for one sheet: column and row headers, frozen rows and columns, every cell painted
 * with its value (number formats), template styles and conditional formats, the selection (range and
 * active cell) and the copied range marked. Rows grow with wrapped text. Texts go in through
 * textContent only. A large sheet draws only the rows and columns on screen and a margin (viewport.ts),
 * with spacers standing for the rest, and draws again as it scrolls (`setViewport`).
 */
import { DetailedCellError } from 'hyperformula';
import { clear, h } from '../../ui/dom';
import { colLetter, gridRect, type GridRect } from '../../shared/a1/a1';
import type { CellStyle } from '../../shared/plan/plan';
import type { PreviewWorkbook, SheetMeta } from '../workbook';
import { rectContains, type Pos } from '../selection';
import { conditionalLook, type CellLook } from './conditional';
import { formatValue } from './format';
import {
  COL_MARGIN,
  DRAW_ALL_COLS,
  DRAW_ALL_ROWS,
  drawnSpan,
  holds,
  Offsets,
  ROW_MARGIN,
  snapScroll,
  visibleSpan,
  type Span,
} from './viewport';

export const ROW_HEADER_PX = 46;
export const ROW_PX = 24;
export const HEADER_ROW_PX = 44;
const DEFAULT_COL_PX = 96;
/** Rows and columns drawn past the used area, so there is room to type. */
const SPARE_ROWS = 25;
const MIN_ROWS = 60;
const MIN_COLS = 14;

export function cssColor(hex: string | undefined): string {
  return hex && /^#[0-9a-f]{6}$/i.test(hex) ? hex : '';
}

const key = (r: number, c: number): string => `${r}:${c}`;

/** What the scroller shows (its scroll offsets and size). */
export interface Screen {
  scrollTop: number;
  scrollLeft: number;
  clientHeight: number;
  clientWidth: number;
}

/** The screen assumed before the table is in the page. */
const FIRST_SCREEN: Screen = { scrollTop: 0, scrollLeft: 0, clientHeight: 1200, clientWidth: 2000 };

/** A stand-in for rows or columns not drawn: takes their room, holds nothing, takes no clicks. */
function spacer(): HTMLElement {
  return h('th', { class: 'pv-spacer', 'aria-hidden': 'true' });
}

/** Rows and columns the sheet's charts reach (the grid goes on under and beside them, as a sheet does). */
function chartsExtent(meta: SheetMeta): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const op of meta.charts) {
    const a = gridRect(op.anchor);
    rows = Math.max(rows, a.top + Math.ceil(op.heightPx / ROW_PX) + 2);
    cols = Math.max(cols, a.left + Math.ceil(op.widthPx / DEFAULT_COL_PX) + 2);
  }
  return { rows, cols };
}

export class SheetView {
  readonly table: HTMLTableElement;
  /** Rows drawn, and the columns shown in order (hidden helper columns left out). */
  readonly rows: number;
  readonly cols: number[];
  private readonly cells = new Map<string, HTMLTableCellElement>();
  private readonly styles = new Map<string, CellStyle>();
  private readonly formats = new Map<string, string>();
  private marked = new Set<HTMLTableCellElement>();
  private copied = new Set<HTMLTableCellElement>();
  /** Nominal row tops and column lefts (columns by their place in `cols`). */
  private readonly rowAt: Offsets;
  private readonly colAt: Offsets;
  /** How many of `cols` are frozen. */
  private readonly frozenCols: number;
  /** The rows and the places in `cols` drawn after the frozen ones. */
  private rowSpan: Span = { from: 0, to: 0 };
  private colSpan: Span = { from: 0, to: 0 };
  /** The selection and copied range last marked, marked again when other cells are drawn. */
  private lastHighlight: { range: GridRect; active: Pos } | undefined;
  private copiedRange: GridRect | undefined;

  constructor(
    private readonly wb: PreviewWorkbook,
    readonly sheet: string,
    readonly meta: SheetMeta,
    atLeast: Pos = { row: 0, col: 0 },
  ) {
    const dims = wb.dimensions(sheet);
    const charts = chartsExtent(meta);
    this.rows = Math.max(dims.rows + SPARE_ROWS, MIN_ROWS, atLeast.row + SPARE_ROWS, charts.rows);
    const total = Math.max(dims.cols + 3, meta.columnWidths.length, MIN_COLS, atLeast.col + 3, charts.cols);
    const hidden = new Set(meta.hiddenColumns ?? []);
    this.cols = [];
    for (let c = 0; c < total; c++) if (!hidden.has(c)) this.cols.push(c);
    this.indexStyles();
    this.rowAt = new Offsets(
      Array.from({ length: this.rows }, (_, r) => this.rowHeight(r)),
      ROW_PX,
    );
    this.colAt = new Offsets(
      this.cols.map((c) => this.colWidth(c)),
      ROW_HEADER_PX,
    );
    this.frozenCols = this.cols.filter((c) => c < meta.frozenColumns).length;
    this.table = h('table', { class: 'pv-grid' });
    this.table.style.width = `${this.colAt.at(this.cols.length)}px`;
    this.spansFor(FIRST_SCREEN);
    this.build();
  }

  /** Whether the table still covers the sheet's data (with room to type) and its charts; if not, build a new one. */
  covers(): boolean {
    const d = this.wb.dimensions(this.sheet);
    const charts = chartsExtent(this.meta);
    const cols = this.meta.hiddenColumns?.length ? this.cols.length + this.meta.hiddenColumns.length : this.cols.length;
    return d.rows + 5 <= this.rows && d.cols <= cols && charts.rows <= this.rows && charts.cols <= cols;
  }

  /** The number format code of a cell, if the sheet gives it one. */
  formatAt(r: number, c: number): string | undefined {
    return this.wb.typedAt(this.sheet, r, c)?.format ?? this.formats.get(key(r, c));
  }

  colWidth(c: number): number {
    return this.meta.columnWidths[c] ?? DEFAULT_COL_PX;
  }

  private rowHeight(r: number): number {
    return r < (this.meta.headerRows ?? 0) ? HEADER_ROW_PX : ROW_PX;
  }

  private indexStyles(): void {
    const each = (a1: string, f: (k: string) => void): void => {
      const r = gridRect(a1);
      for (let row = r.top; row <= Math.min(r.bottom, this.rows); row++)
        for (let col = r.left; col <= r.right; col++) f(key(row, col));
    };
    for (const f of this.meta.formats) each(f.range, (k) => this.styles.set(k, { ...this.styles.get(k), ...f.style }));
    for (const n of this.meta.numberFormats) each(n.range, (k) => this.formats.set(k, n.format));
  }

  /** The spans to draw for a screen; whether they changed. */
  private spansFor(screen: Screen): boolean {
    const rows = visibleSpan(this.rowAt, this.meta.frozenRows, screen.scrollTop, screen.clientHeight);
    const cols = visibleSpan(this.colAt, this.frozenCols, screen.scrollLeft, screen.clientWidth);
    if (this.rowSpan.to > 0 && holds(this.rowSpan, rows) && holds(this.colSpan, cols)) return false;
    this.rowSpan = drawnSpan(this.rowAt, Math.min(this.meta.frozenRows, this.rows), rows, DRAW_ALL_ROWS, ROW_MARGIN);
    this.colSpan = drawnSpan(this.colAt, this.frozenCols, cols, DRAW_ALL_COLS, COL_MARGIN);
    return true;
  }

  /**
   * The scroller moved or changed size: draw the rows and columns now on screen if they are not drawn
   * (painted, selection and copied range marked). Returns whether it drew.
   */
  setViewport(screen: Screen): boolean {
    if (!this.spansFor(screen)) return false;
    this.build();
    this.paint();
    if (this.lastHighlight) this.highlight(this.lastHighlight.range, this.lastHighlight.active);
    this.markCopied(this.copiedRange);
    return true;
  }

  /** Rows drawn: the frozen ones, then the span. */
  drawnRows(): number[] {
    const out: number[] = [];
    for (let r = 0; r < Math.min(this.meta.frozenRows, this.rows); r++) out.push(r);
    for (let r = this.rowSpan.from; r < this.rowSpan.to; r++) out.push(r);
    return out;
  }

  /** Columns drawn: the frozen ones, then the span. */
  drawnCols(): number[] {
    return [...this.cols.slice(0, this.frozenCols), ...this.cols.slice(this.colSpan.from, this.colSpan.to)];
  }

  /** Width left of and right of the drawn span of columns (spacers stand there). */
  private colGaps(): { before: number; after: number } {
    return {
      before: this.colAt.between(this.frozenCols, this.colSpan.from),
      after: this.colAt.between(this.colSpan.to, this.cols.length),
    };
  }

  /** The table's parts for the drawn rows and columns. */
  private build(): void {
    this.cells.clear();
    this.marked = new Set();
    this.copied = new Set();
    this.table.replaceChildren(this.colgroup(), h('thead', {}, this.headRow()), this.body());
  }

  /** Columns of the table: row headers, frozen, a spacer, the span, a spacer. */
  private colgroup(): HTMLElement {
    const gaps = this.colGaps();
    const col = (w: number): HTMLElement => h('col', { style: `width:${w}px` });
    const frozen = this.cols.slice(0, this.frozenCols).map((c) => col(this.colWidth(c)));
    const span = this.cols.slice(this.colSpan.from, this.colSpan.to).map((c) => col(this.colWidth(c)));
    return h(
      'colgroup',
      {},
      col(ROW_HEADER_PX),
      ...frozen,
      gaps.before > 0 && col(gaps.before),
      ...span,
      gaps.after > 0 && col(gaps.after),
    );
  }

  /** A row's cells in table order, with spacers where undrawn columns are. */
  private rowOf(first: HTMLElement, cell: (c: number) => HTMLElement): HTMLElement[] {
    const gaps = this.colGaps();
    const out = [first, ...this.cols.slice(0, this.frozenCols).map(cell)];
    if (gaps.before > 0) out.push(spacer());
    for (let i = this.colSpan.from; i < this.colSpan.to; i++) out.push(cell(this.cols[i]));
    if (gaps.after > 0) out.push(spacer());
    return out;
  }

  private headRow(): HTMLElement {
    const lefts = this.frozenLefts();
    const head = (c: number): HTMLElement => {
      const th = h('th', { class: 'pv-colhead', scope: 'col', 'data-c': c }, colLetter(c));
      if (c < this.meta.frozenColumns) {
        th.classList.add('pv-frozen-col');
        th.style.left = `${lefts.get(c)}px`;
      }
      return th;
    };
    return h('tr', {}, ...this.rowOf(h('th', { class: 'pv-corner', title: 'Select all' }), head));
  }

  /** Where each frozen column sticks. */
  private frozenLefts(): Map<number, number> {
    const lefts = new Map<number, number>();
    for (let i = 0; i < this.frozenCols; i++) lefts.set(this.cols[i], this.colAt.at(i));
    return lefts;
  }

  private body(): HTMLElement {
    const body = h('tbody');
    const lefts = this.frozenLefts();
    const frozen = Math.min(this.meta.frozenRows, this.rows);
    const gap = (px: number): void => {
      if (px > 0) body.appendChild(h('tr', { class: 'pv-spacer-row', style: `height:${px}px` }, spacer()));
    };
    for (let r = 0; r < frozen; r++) body.appendChild(this.bodyRow(r, lefts));
    gap(this.rowAt.between(frozen, this.rowSpan.from));
    for (let r = this.rowSpan.from; r < this.rowSpan.to; r++) body.appendChild(this.bodyRow(r, lefts));
    gap(this.rowAt.between(this.rowSpan.to, this.rows));
    return body;
  }

  private bodyRow(r: number, lefts: Map<number, number>): HTMLElement {
    const cell = (c: number): HTMLElement => {
      const td = h('td', { 'data-r': r, 'data-c': c });
      if (c < this.meta.frozenColumns) {
        td.classList.add('pv-frozen-col');
        td.style.left = `${lefts.get(c)}px`;
      }
      this.cells.set(key(r, c), td);
      return td;
    };
    const head = h('th', { class: 'pv-rowhead', scope: 'row', 'data-r': r }, String(r + 1));
    const tr = h('tr', { style: `height:${this.rowHeight(r)}px` }, ...this.rowOf(head, cell));
    if (r < this.meta.frozenRows) tr.classList.add('pv-frozen-row');
    return tr;
  }

  /** Frozen rows stick under the column headers at their real heights (a wrapped header row grows). */
  stickFrozenRows(): void {
    let top = (this.table.tHead?.rows[0] as HTMLElement | undefined)?.offsetHeight ?? ROW_PX;
    const rows = this.table.tBodies[0].rows;
    for (let r = 0; r < Math.min(this.meta.frozenRows, rows.length); r++) {
      for (const cell of Array.from(rows[r].cells)) (cell as HTMLElement).style.top = `${top}px`;
      top += (rows[r] as HTMLElement).offsetHeight;
    }
  }

  /** Height of the column headers and frozen rows (what scrolled cells hide under). */
  frozenHeight(): number {
    const rows = this.table.tBodies[0].rows;
    let hgt = (this.table.tHead?.rows[0] as HTMLElement | undefined)?.offsetHeight ?? ROW_PX;
    for (let r = 0; r < Math.min(this.meta.frozenRows, rows.length); r++) hgt += (rows[r] as HTMLElement).offsetHeight;
    return hgt;
  }

  frozenWidth(): number {
    return (
      ROW_HEADER_PX + this.cols.filter((c) => c < this.meta.frozenColumns).reduce((w, c) => w + this.colWidth(c), 0)
    );
  }

  td(p: Pos): HTMLTableCellElement | undefined {
    return this.cells.get(key(p.row, p.col));
  }

  /** The text shown in a cell (what copy puts on the clipboard, as spreadsheets do), drawn or not. */
  shownText(p: Pos): string {
    const td = this.td(p);
    if (td) return td.textContent ?? '';
    const v = this.wb.value(this.sheet, p.row, p.col);
    return v instanceof DetailedCellError ? v.value : formatValue(v ?? null, this.formatAt(p.row, p.col));
  }

  /** Fills every drawn cell with its formatted value, styles and conditional formats. */
  paint(): void {
    const id = this.wb.sheetId(this.sheet);
    const test = this.ruleTester(id);
    const cf = this.meta.conditionalFormats;
    const cols = this.drawnCols();
    for (const r of this.drawnRows()) {
      const values: unknown[] = [];
      for (const c of cols) {
        const raw = this.wb.hf.getCellValue({ sheet: id, row: r, col: c });
        const v = (values[c] = raw === undefined ? null : raw);
        const look = cf.length > 0 && r >= this.meta.headerRows ? conditionalLook(cf, r, c, v, test) : {};
        this.paintCell(
          this.cells.get(key(r, c))!,
          v,
          this.formats.get(key(r, c)),
          { ...this.styles.get(key(r, c)), ...look.style },
          look,
        );
      }
      if (r >= this.meta.frozenRows) this.spillRow(r, values, cols);
    }
    this.stickFrozenRows();
  }

  /**
   * Text too long for its cell runs on over the empty cells to its right, as in Excel and Google Sheets
   * (a cell holding anything, even a formula's "", stops it; wrapped, centred or right-aligned text and
   * numbers stay in their cell). The cell may draw past its right edge up to the next cell that holds
   * something: `clip-path` with a negative right inset.
   */
  private spillRow(r: number, row: unknown[], cols: number[]): void {
    for (let i = 0; i < cols.length; i++) {
      const td = this.cells.get(key(r, cols[i]))!;
      let room = 0;
      const spills =
        cols[i] >= this.meta.frozenColumns &&
        td.classList.contains('pv-text') &&
        td.textContent !== '' &&
        td.style.whiteSpace !== 'normal' &&
        (td.style.textAlign === '' || td.style.textAlign === 'left');
      for (let j = i + 1; spills && j < cols.length && (row[cols[j]] ?? null) === null; j++)
        room += this.colWidth(cols[j]);
      td.classList.toggle('pv-spill', room > 0);
      td.style.clipPath = room > 0 ? `inset(0 -${room}px 0 0)` : '';
    }
  }

  /** Conditional-format formulas evaluated once per distinct (shifted) formula. */
  private ruleTester(sheetId: number): (formula: string) => boolean {
    const cache = new Map<string, boolean>();
    return (formula) => {
      if (!cache.has(formula)) {
        const v = this.wb.hf.calculateFormula(formula.startsWith('=') ? formula : `=${formula}`, sheetId);
        cache.set(formula, v === true || (typeof v === 'number' && v !== 0));
      }
      return cache.get(formula)!;
    };
  }

  private paintCell(
    td: HTMLTableCellElement,
    v: unknown,
    format: string | undefined,
    style: CellStyle,
    look: CellLook,
  ): void {
    td.classList.remove('pv-num', 'pv-err', 'pv-text', 'pv-bool');
    if (v instanceof DetailedCellError) {
      td.textContent = v.value;
      td.title = v.message ? `${v.value} ${v.message}` : v.value;
      td.classList.add('pv-err');
    } else {
      td.textContent = formatValue(v, format);
      td.removeAttribute('title');
      td.classList.add(typeof v === 'number' ? 'pv-num' : typeof v === 'boolean' ? 'pv-bool' : 'pv-text');
    }
    const s = td.style;
    s.fontWeight = style.bold ? '600' : '';
    s.fontStyle = style.italic ? 'italic' : '';
    s.color = cssColor(style.fontColor);
    s.backgroundColor = look.background ?? cssColor(style.fill);
    s.textAlign = style.hAlign ?? '';
    s.verticalAlign = style.vAlign === 'middle' ? 'middle' : (style.vAlign ?? '');
    s.whiteSpace = style.wrap ? 'normal' : '';
    s.fontSize = style.fontSize ? `${style.fontSize}px` : '';
    const pct = look.bar ? Math.round(look.bar.fraction * 100) : 0;
    s.backgroundImage = look.bar
      ? `linear-gradient(to right, ${cssColor(look.bar.color)} ${pct}%, transparent ${pct}%)`
      : '';
  }

  /** Marks the selected range and its active cell. */
  highlight(range: GridRect, active: Pos): void {
    this.lastHighlight = { range, active };
    for (const td of this.marked) td.classList.remove('pv-in-range', 'pv-selected');
    this.marked = new Set();
    const many = range.top !== range.bottom || range.left !== range.right;
    const cols = this.drawnCols();
    for (const r of this.drawnRows()) {
      if (r < range.top || r > range.bottom) continue;
      for (const c of cols) {
        if (c < range.left || c > range.right) continue;
        const td = this.cells.get(key(r, c))!;
        if (many) td.classList.add('pv-in-range');
        this.marked.add(td);
      }
    }
    const td = this.td(active);
    if (td) {
      td.classList.add('pv-selected');
      this.marked.add(td);
    }
  }

  /** Marks (or unmarks, with undefined) the range that was copied or cut. */
  markCopied(range: GridRect | undefined): void {
    this.copiedRange = range;
    for (const td of this.copied) td.classList.remove('pv-copied');
    this.copied = new Set();
    if (!range) return;
    for (const [k, td] of this.cells) {
      const [r, c] = k.split(':').map(Number);
      if (rectContains(range, { row: r, col: c })) {
        td.classList.add('pv-copied');
        this.copied.add(td);
      }
    }
  }

  /**
   * Scrolls the scroller so a cell is in view below the frozen rows and right of the frozen columns, by whole rows
   * and columns (a cell shown at the bottom or right edge moves the half-hidden item at the frozen edge out).
   */
  reveal(p: Pos, scroller: HTMLElement): void {
    if (!this.td(p)) this.scrollToUndrawn(p, scroller);
    const td = this.td(p);
    if (!td) return;
    const { top, left } = this.offsetOf(td);
    const snap = this.snapTargets();
    if (p.row >= this.meta.frozenRows) {
      const above = this.frozenHeight();
      if (top - above < scroller.scrollTop) scroller.scrollTop = top - above;
      else if (top + td.offsetHeight > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = snapScroll(snap.top, top + td.offsetHeight - scroller.clientHeight, 'after');
    }
    if (p.col >= this.meta.frozenColumns) {
      const before = this.frozenWidth();
      if (left - before < scroller.scrollLeft) scroller.scrollLeft = left - before;
      else if (left + td.offsetWidth > scroller.scrollLeft + scroller.clientWidth)
        scroller.scrollLeft = snapScroll(snap.left, left + td.offsetWidth - scroller.clientWidth, 'after');
    }
  }

  /**
   * The scroll offsets at which each row and column after the frozen ones starts right at the frozen edge: columns
   * from their widths, rows from the drawn rows' real places (a row grown by wrapped text is taller than nominal).
   */
  snapTargets(): { top: number[]; left: number[] } {
    const left: number[] = [];
    for (let i = this.frozenCols; i < this.cols.length; i++) left.push(this.colAt.between(this.frozenCols, i));
    const above = this.frozenHeight();
    const top: number[] = [0];
    for (const tr of Array.from(this.table.tBodies[0]?.rows ?? [])) {
      const r = Number((tr.cells[0] as HTMLElement | undefined)?.dataset.r);
      if (Number.isInteger(r) && r > this.meta.frozenRows) top.push((tr as HTMLElement).offsetTop - above);
    }
    return { top, left };
  }

  /** A cell not drawn: scroll to its nominal place (about a third down the screen), then draw there. */
  private scrollToUndrawn(p: Pos, scroller: HTMLElement): void {
    const at = this.positionOf(p);
    if (p.row >= this.meta.frozenRows)
      scroller.scrollTop = Math.max(0, at.top - this.rowAt.at(this.meta.frozenRows) - scroller.clientHeight / 3);
    if (p.col >= this.meta.frozenColumns)
      scroller.scrollLeft = Math.max(0, at.left - this.frozenWidth() - scroller.clientWidth / 3);
    this.setViewport(scroller);
  }

  /** Where a cell is by the nominal row heights and column widths, drawn or not. */
  positionOf(p: Pos): { top: number; left: number } {
    const i = this.cols.findIndex((c) => c >= p.col);
    return { top: this.rowAt.at(p.row), left: this.colAt.at(i < 0 ? this.cols.length : i) };
  }

  /** A cell's position in the table (its unscrolled place, whatever sticks). */
  offsetOf(td: HTMLTableCellElement): { top: number; left: number } {
    const tr = td.parentElement as HTMLTableRowElement;
    let left = ROW_HEADER_PX;
    for (const c of this.cols) {
      if (c === Number(td.dataset.c)) break;
      left += this.colWidth(c);
    }
    return { top: tr.offsetTop, left };
  }

  detach(): void {
    clear(this.table);
  }
}
