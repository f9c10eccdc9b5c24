/**
 * The grid's table for one sheet: column and row headers, frozen rows and columns, every cell painted
 * with its value (number formats), template styles and conditional formats, the selection (range and
 * active cell) and the copied range marked. Rows grow with wrapped text. Texts go in through
 * textContent only.
 */
import { DetailedCellError } from 'hyperformula';
import { clear, h } from '../../ui/dom';
import { colLetter, gridRect, type GridRect } from '../../shared/templates/a1';
import type { CellStyle } from '../../shared/templates/plan';
import type { PreviewWorkbook, SheetMeta } from '../executor';
import { rectContains, type Pos } from '../selection';
import { conditionalLook, type CellLook } from './conditional';
import { formatValue } from './format';

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
    this.table = h('table', { class: 'pv-grid' }, this.colgroup(), h('thead', {}, this.headRow()), this.body());
    this.table.style.width = `${ROW_HEADER_PX + this.cols.reduce((w, c) => w + this.colWidth(c), 0)}px`;
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

  private colgroup(): HTMLElement {
    const cols = this.cols.map((c) => h('col', { style: `width:${this.colWidth(c)}px` }));
    return h('colgroup', {}, h('col', { style: `width:${ROW_HEADER_PX}px` }), ...cols);
  }

  private headRow(): HTMLElement {
    const row = h('tr', {}, h('th', { class: 'pv-corner', title: 'Select all' }));
    let left = ROW_HEADER_PX;
    for (const c of this.cols) {
      const th = h('th', { class: 'pv-colhead', scope: 'col', 'data-c': c }, colLetter(c));
      if (c < this.meta.frozenColumns) {
        th.classList.add('pv-frozen-col');
        th.style.left = `${left}px`;
      }
      row.appendChild(th);
      left += this.colWidth(c);
    }
    return row;
  }

  private body(): HTMLElement {
    const body = h('tbody');
    const lefts = new Map<number, number>();
    let left = ROW_HEADER_PX;
    for (const c of this.cols) {
      lefts.set(c, left);
      left += this.colWidth(c);
    }
    for (let r = 0; r < this.rows; r++) {
      const tr = h(
        'tr',
        { style: `height:${this.rowHeight(r)}px` },
        h('th', { class: 'pv-rowhead', scope: 'row', 'data-r': r }, String(r + 1)),
      );
      if (r < this.meta.frozenRows) tr.classList.add('pv-frozen-row');
      for (const c of this.cols) {
        const td = h('td', { 'data-r': r, 'data-c': c });
        if (c < this.meta.frozenColumns) {
          td.classList.add('pv-frozen-col');
          td.style.left = `${lefts.get(c)}px`;
        }
        this.cells.set(key(r, c), td);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    return body;
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

  /** The text shown in a cell (what copy puts on the clipboard, as spreadsheets do). */
  shownText(p: Pos): string {
    return this.td(p)?.textContent ?? '';
  }

  /** Fills every cell with its formatted value, styles and conditional formats. */
  paint(): void {
    const id = this.wb.sheetId(this.sheet);
    const values = this.wb.hf.getSheetValues(id);
    const test = this.ruleTester(id);
    const cf = this.meta.conditionalFormats;
    for (let r = 0; r < this.rows; r++) {
      for (const c of this.cols) {
        const v = values[r]?.[c] ?? null;
        const look = cf.length > 0 && r >= this.meta.headerRows ? conditionalLook(cf, r, c, v, test) : {};
        this.paintCell(
          this.cells.get(key(r, c))!,
          v,
          this.formats.get(key(r, c)),
          { ...this.styles.get(key(r, c)), ...look.style },
          look,
        );
      }
      if (r >= this.meta.frozenRows) this.spillRow(r, values[r] ?? []);
    }
    this.stickFrozenRows();
  }

  /**
   * Text too long for its cell runs on over the empty cells to its right, as in Excel and Google Sheets
   * (a cell holding anything, even a formula's "", stops it; wrapped, centred or right-aligned text and
   * numbers stay in their cell). The cell may draw past its right edge up to the next cell that holds
   * something: `clip-path` with a negative right inset.
   */
  private spillRow(r: number, row: unknown[]): void {
    const cols = this.cols;
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
    for (const td of this.marked) td.classList.remove('pv-in-range', 'pv-selected');
    this.marked = new Set();
    const many = range.top !== range.bottom || range.left !== range.right;
    for (let r = range.top; r <= Math.min(range.bottom, this.rows - 1); r++) {
      for (const c of this.cols) {
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

  /** Scrolls the scroller so a cell is in view below the frozen rows and right of the frozen columns. */
  reveal(p: Pos, scroller: HTMLElement): void {
    const td = this.td(p);
    if (!td) return;
    const { top, left } = this.offsetOf(td);
    if (p.row >= this.meta.frozenRows) {
      const above = this.frozenHeight();
      if (top - above < scroller.scrollTop) scroller.scrollTop = top - above;
      else if (top + td.offsetHeight > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = top + td.offsetHeight - scroller.clientHeight;
    }
    if (p.col >= this.meta.frozenColumns) {
      const before = this.frozenWidth();
      if (left - before < scroller.scrollLeft) scroller.scrollLeft = left - before;
      else if (left + td.offsetWidth > scroller.scrollLeft + scroller.clientWidth)
        scroller.scrollLeft = left + td.offsetWidth - scroller.clientWidth;
    }
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
