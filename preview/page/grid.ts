/**
 * The preview's spreadsheet grid over a PreviewWorkbook: A1 column and row headers, a name box
 * and formula bar, editable cells (type, Enter, Tab, arrows, F2, Delete), list validations as
 * drop-downs, number formats, template styles and conditional formats, frozen header rows and
 * columns, sheet tabs, and the sheet's charts drawn by the shared Chart.js renderer.
 * Every text goes in through textContent / value (ui/dom.ts `h`), never innerHTML.
 */
import { DetailedCellError } from 'hyperformula';
import type { Chart } from 'chart.js';
import { clear, h } from '../../ui/dom';
import { chartGeometry, renderChart, type ChartGeometry } from '../../ui/charts/render';
import type { CellStyle, SheetPlan, ValidationOp } from '../../shared/templates/plan';
import { colLetter } from '../../shared/templates/a1';
import { gridRect } from '../../shared/templates/a1';
import type { PreviewWorkbook, SheetMeta } from '../executor';
import { conditionalLook } from './conditional';
import { formatValue } from './format';

const ROW_HEADER_PX = 46;
const ROW_PX = 24;
const HEADER_ROW_PX = 44;
const DEFAULT_COL_PX = 96;

interface Pos {
  row: number;
  col: number;
}

function inRange(a1: string, p: Pos): boolean {
  const r = gridRect(a1);
  return p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
}

function cssColor(hex: string | undefined): string {
  return hex && /^#[0-9a-f]{6}$/i.test(hex) ? hex : '';
}

export class Grid {
  readonly root: HTMLElement;
  private sheet: string;
  private sel: Pos = { row: 0, col: 0 };
  private readonly nameBox = h('input', { class: 'pv-namebox', 'aria-label': 'Selected cell', readonly: true });
  private readonly formulaInput = h('input', {
    class: 'pv-formula',
    id: 'pv-formula',
    'aria-label': 'Formula bar',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  private readonly scroller = h('div', { class: 'pv-scroll', tabindex: 0, 'aria-label': 'Sheet cells' });
  private readonly tabs = h('div', { class: 'pv-tabs', role: 'tablist', 'aria-label': 'Sheets' });
  private readonly status = h('div', { class: 'pv-status', role: 'status', 'aria-live': 'polite' });
  private table: HTMLTableElement = h('table', { class: 'pv-grid' });
  private cells = new Map<string, HTMLTableCellElement>();
  private rows = 0;
  private cols: number[] = [];
  private meta!: SheetMeta;
  private styles = new Map<string, CellStyle>();
  private formats = new Map<string, string>();
  private editor: HTMLInputElement | HTMLSelectElement | null = null;
  private charts: Chart[] = [];
  private chartLayer = h('div', { class: 'pv-charts' });
  private paintQueued = false;

  constructor(
    private readonly wb: PreviewWorkbook,
    first: string,
  ) {
    this.sheet = first;
    this.root = h(
      'section',
      { class: 'pv-sheet', 'aria-label': 'Spreadsheet' },
      h(
        'div',
        { class: 'pv-bar' },
        this.nameBox,
        h('span', { class: 'pv-fx', 'aria-hidden': 'true' }, 'fx'),
        this.formulaInput,
      ),
      this.scroller,
      h('div', { class: 'pv-footer' }, this.tabs, this.status),
    );
    this.wb.onChange((what) => (what === 'sheets' ? this.renderTabs() : this.queuePaint()));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e as KeyboardEvent));
    this.formulaInput.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'Enter') {
        e.preventDefault();
        this.commit(this.formulaInput.value, { row: 1, col: 0 });
        this.scroller.focus();
      } else if (k === 'Escape') {
        this.formulaInput.value = this.wb.inputOf(this.sheet, this.sel.row, this.sel.col);
        this.scroller.focus();
      }
    });
    this.renderTabs();
    this.renderSheet();
  }

  get activeSheet(): string {
    return this.sheet;
  }

  show(sheet: string): void {
    this.closeEditor(false);
    this.sheet = sheet;
    this.sel = { row: Math.min(this.meta?.frozenRows ?? 0, 1), col: 0 };
    this.renderTabs();
    this.renderSheet();
  }

  private setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.className = `pv-status pv-${kind}`;
  }

  private renderTabs(): void {
    clear(this.tabs);
    for (const name of this.wb.sheetNames()) {
      const meta = this.wb.metaOf(name);
      const tab = h(
        'button',
        {
          type: 'button',
          role: 'tab',
          class: 'pv-tab',
          'aria-selected': String(name === this.sheet),
          'data-sheet': name,
          onclick: () => this.show(name),
        },
        name,
      );
      const color = cssColor(meta.tabColor);
      if (color) tab.style.borderBottomColor = color;
      this.tabs.appendChild(tab);
    }
    this.tabs.appendChild(
      h(
        'button',
        {
          type: 'button',
          class: 'pv-tab pv-add',
          title: 'Add a sheet',
          'aria-label': 'Add a sheet',
          onclick: () => this.show(this.wb.addUserSheet()),
        },
        '+',
      ),
    );
  }

  private rowHeight(r: number): number {
    return r < (this.meta.headerRows ?? 0) ? HEADER_ROW_PX : ROW_PX;
  }

  private colWidth(c: number): number {
    return this.meta.columnWidths[c] ?? DEFAULT_COL_PX;
  }

  /** Builds the table for the active sheet (structure); paint() fills in the values. */
  private renderSheet(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    this.meta = this.wb.metaOf(this.sheet);
    const dims = this.wb.dimensions(this.sheet);
    const hidden = new Set(this.meta.hiddenColumns ?? []);
    this.rows = Math.max(dims.rows + 25, 60);
    const total = Math.max(dims.cols + 3, this.meta.columnWidths.length, 14);
    this.cols = [];
    for (let c = 0; c < total; c++) if (!hidden.has(c)) this.cols.push(c);
    this.styles = new Map();
    this.formats = new Map();
    const each = (a1: string, f: (key: string) => void): void => {
      const r = gridRect(a1);
      for (let row = r.top; row <= Math.min(r.bottom, this.rows); row++)
        for (let col = r.left; col <= r.right; col++) f(`${row}:${col}`);
    };
    for (const f of this.meta.formats) each(f.range, (k) => this.styles.set(k, { ...this.styles.get(k), ...f.style }));
    for (const n of this.meta.numberFormats) each(n.range, (k) => this.formats.set(k, n.format));

    const colgroup = h(
      'colgroup',
      {},
      h('col', { style: `width:${ROW_HEADER_PX}px` }),
      ...this.cols.map((c) => h('col', { style: `width:${this.colWidth(c)}px` })),
    );
    const headRow = h('tr', {}, h('th', { class: 'pv-corner' }));
    let left = ROW_HEADER_PX;
    const lefts = new Map<number, number>();
    for (const c of this.cols) {
      lefts.set(c, left);
      const th = h('th', { class: 'pv-colhead', scope: 'col' }, colLetter(c));
      if (c < this.meta.frozenColumns) {
        th.classList.add('pv-frozen-col');
        th.style.left = `${left}px`;
      }
      headRow.appendChild(th);
      left += this.colWidth(c);
    }
    const body = h('tbody');
    this.cells = new Map();
    let top = ROW_PX; // below the column header row
    for (let r = 0; r < this.rows; r++) {
      const height = this.rowHeight(r);
      const frozenRow = r < this.meta.frozenRows;
      const tr = h(
        'tr',
        { style: `height:${height}px` },
        h('th', { class: 'pv-rowhead', scope: 'row' }, String(r + 1)),
      );
      if (frozenRow) tr.classList.add('pv-frozen-row');
      for (const c of this.cols) {
        const td = h('td', { 'data-r': r, 'data-c': c });
        if (frozenRow) td.style.top = `${top}px`;
        if (c < this.meta.frozenColumns) {
          td.classList.add('pv-frozen-col');
          td.style.left = `${lefts.get(c)}px`;
        }
        this.cells.set(`${r}:${c}`, td);
        tr.appendChild(td);
      }
      if (frozenRow) (tr.firstChild as HTMLElement).style.top = `${top}px`;
      body.appendChild(tr);
      if (frozenRow) top += height;
    }
    this.table = h('table', { class: 'pv-grid' }, colgroup, h('thead', {}, headRow), body);
    this.table.style.width = `${left}px`;
    this.table.addEventListener('mousedown', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (!td) return;
      e.preventDefault();
      this.closeEditor(true);
      this.select({ row: Number(td.dataset.r), col: Number(td.dataset.c) });
      this.scroller.focus();
    });
    this.table.addEventListener('dblclick', (e) => {
      const td = (e.target as HTMLElement).closest('td');
      if (td) this.openEditor();
    });
    clear(this.scroller);
    this.chartLayer = h('div', { class: 'pv-charts' });
    this.scroller.append(this.table, this.chartLayer);
    this.scroller.scrollTo(0, 0);
    this.paint();
    this.select(this.sel);
    this.drawCharts();
    this.setStatus(this.meta.note ?? '');
  }

  private queuePaint(): void {
    if (this.paintQueued) return;
    this.paintQueued = true;
    requestAnimationFrame(() => {
      this.paintQueued = false;
      this.paint();
      this.drawCharts();
      this.select(this.sel);
    });
  }

  /** Fills every cell with its formatted value, styles and conditional formats. */
  paint(): void {
    const id = this.wb.sheetId(this.sheet);
    const values = this.wb.hf.getSheetValues(id);
    const cf = this.meta.conditionalFormats;
    const cache = new Map<string, boolean>();
    const test = (formula: string): boolean => {
      if (!cache.has(formula)) {
        const v = this.wb.hf.calculateFormula(formula.startsWith('=') ? formula : `=${formula}`, id);
        cache.set(formula, v === true || (typeof v === 'number' && v !== 0));
      }
      return cache.get(formula)!;
    };
    for (let r = 0; r < this.rows; r++) {
      for (const c of this.cols) {
        const key = `${r}:${c}`;
        const td = this.cells.get(key)!;
        const v = values[r]?.[c] ?? null;
        const look = cf.length > 0 && r >= this.meta.headerRows ? conditionalLook(cf, r, c, v, test) : {};
        const style = { ...this.styles.get(key), ...look.style };
        let text: string;
        td.className = td.className.replace(/\bpv-(num|err|text|bool)\b/g, '').trim();
        if (v instanceof DetailedCellError) {
          text = v.value;
          td.title = v.message ? `${v.value} ${v.message}` : v.value;
          td.classList.add('pv-err');
        } else {
          text = formatValue(v, this.formats.get(key));
          td.removeAttribute('title');
          td.classList.add(typeof v === 'number' ? 'pv-num' : typeof v === 'boolean' ? 'pv-bool' : 'pv-text');
        }
        td.textContent = text;
        td.style.fontWeight = style.bold ? '600' : '';
        td.style.fontStyle = style.italic ? 'italic' : '';
        td.style.color = cssColor(style.fontColor);
        td.style.backgroundColor = look.background ?? cssColor(style.fill);
        td.style.textAlign = style.hAlign ?? '';
        td.style.verticalAlign = style.vAlign === 'middle' ? 'middle' : (style.vAlign ?? '');
        td.style.whiteSpace = style.wrap ? 'normal' : '';
        td.style.fontSize = style.fontSize ? `${style.fontSize}px` : '';
        td.style.backgroundImage = look.bar
          ? `linear-gradient(to right, ${cssColor(look.bar.color)} ${Math.round(look.bar.fraction * 100)}%, transparent ${Math.round(look.bar.fraction * 100)}%)`
          : '';
      }
    }
  }

  private drawCharts(): void {
    for (const c of this.charts) c.destroy();
    this.charts = [];
    clear(this.chartLayer);
    for (const op of this.meta.charts) {
      const anchor = gridRect(op.anchor);
      const td =
        this.cells.get(`${anchor.top}:${anchor.left}`) ??
        this.cells.get(`${anchor.top}:${this.cols.find((c) => c >= anchor.left) ?? 0}`);
      const canvas = h('canvas', { class: 'pv-chart', role: 'img', 'aria-label': op.title });
      const frame = h('div', { class: 'pv-chart-frame' }, canvas);
      frame.style.left = `${td ? td.offsetLeft : ROW_HEADER_PX}px`;
      frame.style.top = `${td ? td.offsetTop : ROW_PX}px`;
      frame.style.width = `${op.widthPx}px`;
      frame.style.height = `${op.heightPx}px`;
      this.chartLayer.appendChild(frame);
      try {
        const chart = renderChart(canvas, { ...op, options: { ...op.options } }, (a1) =>
          this.wb.rangeValues(this.sheet, a1),
        );
        chart.options.animation = false;
        this.charts.push(chart);
      } catch (e) {
        frame.appendChild(
          h('p', { class: 'pv-chart-error' }, `${op.title}: ${e instanceof Error ? e.message : String(e)}`),
        );
      }
    }
  }

  private td(p: Pos): HTMLTableCellElement | undefined {
    return this.cells.get(`${p.row}:${p.col}`);
  }

  private validationAt(p: Pos): ValidationOp | undefined {
    return this.meta.validations.find((v) => inRange(v.range, p));
  }

  private select(p: Pos): void {
    const prev = this.table.querySelector('td.pv-selected');
    if (prev) prev.classList.remove('pv-selected', 'pv-has-list');
    const row = Math.max(0, Math.min(this.rows - 1, p.row));
    const col = this.cols.includes(p.col) ? p.col : this.cols[0];
    this.sel = { row, col };
    const td = this.td(this.sel);
    if (!td) return;
    td.classList.add('pv-selected');
    const v = this.validationAt(this.sel);
    if (v && (v.rule.kind === 'list' || v.rule.kind === 'listFromRange')) td.classList.add('pv-has-list');
    this.nameBox.value = `${colLetter(col)}${row + 1}`;
    this.formulaInput.value = this.wb.inputOf(this.sheet, row, col);
    const value = this.wb.value(this.sheet, row, col);
    if (value instanceof DetailedCellError)
      this.setStatus(`${this.nameBox.value}: ${value.value} ${value.message ?? ''}`, 'error');
    else if (v?.help) this.setStatus(`${this.nameBox.value}: ${v.help}`);
    else this.setStatus(this.meta.note ?? '');
    // Keep the selected cell in view (below frozen rows / right of frozen columns).
    const s = this.scroller;
    const top = td.offsetTop;
    const left = td.offsetLeft;
    if (row >= this.meta.frozenRows) {
      const frozenH = this.frozenHeight();
      if (top - frozenH < s.scrollTop) s.scrollTop = top - frozenH;
      else if (top + td.offsetHeight > s.scrollTop + s.clientHeight)
        s.scrollTop = top + td.offsetHeight - s.clientHeight;
    }
    if (col >= this.meta.frozenColumns) {
      if (left - ROW_HEADER_PX < s.scrollLeft) s.scrollLeft = left - ROW_HEADER_PX;
      else if (left + td.offsetWidth > s.scrollLeft + s.clientWidth)
        s.scrollLeft = left + td.offsetWidth - s.clientWidth;
    }
  }

  private frozenHeight(): number {
    let hgt = ROW_PX;
    for (let r = 0; r < this.meta.frozenRows; r++) hgt += this.rowHeight(r);
    return hgt;
  }

  private move(dr: number, dc: number): void {
    const i = this.cols.indexOf(this.sel.col);
    const col = this.cols[Math.max(0, Math.min(this.cols.length - 1, i + dc))];
    this.select({ row: this.sel.row + dr, col });
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (moves[e.key]) {
      e.preventDefault();
      this.move(...moves[e.key]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.move(0, e.shiftKey ? -1 : 1);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.openEditor();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.commit('', { row: 0, col: 0 });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.openEditor(e.key);
    }
  }

  /** Opens the in-cell editor: a drop-down for list validations, a text box otherwise. */
  private openEditor(initial?: string): void {
    const td = this.td(this.sel);
    if (!td) return;
    this.closeEditor(false);
    const v = this.validationAt(this.sel);
    const current = this.wb.inputOf(this.sheet, this.sel.row, this.sel.col);
    let editor: HTMLInputElement | HTMLSelectElement;
    const listed = v && (v.rule.kind === 'list' || v.rule.kind === 'listFromRange');
    if (listed && initial === undefined) {
      const options =
        v.rule.kind === 'list'
          ? v.rule.values
          : this.wb.evaluateList(this.sheet, (v.rule as { source: string }).source);
      const select = h(
        'select',
        { class: 'pv-editor', 'aria-label': `Choose a value for ${this.nameBox.value}` },
        h('option', { value: '' }, '(blank)'),
        ...options.map((o) => h('option', { value: o }, o)),
      );
      select.value = options.includes(current) ? current : '';
      select.addEventListener('change', () => this.closeEditor(true, { row: 1, col: 0 }));
      editor = select;
    } else {
      const input = h('input', {
        class: 'pv-editor',
        'aria-label': `Edit ${this.nameBox.value}`,
        spellcheck: 'false',
        autocomplete: 'off',
      });
      input.value = initial ?? current;
      editor = input;
    }
    editor.addEventListener('keydown', (e) => {
      const k = (e as KeyboardEvent).key;
      if (k === 'Enter') {
        e.preventDefault();
        this.closeEditor(true, { row: 1, col: 0 });
      } else if (k === 'Tab') {
        e.preventDefault();
        this.closeEditor(true, { row: 0, col: (e as KeyboardEvent).shiftKey ? -1 : 1 });
      } else if (k === 'Escape') {
        e.preventDefault();
        this.closeEditor(false);
      }
    });
    editor.addEventListener('input', () => {
      if (editor instanceof HTMLInputElement) this.formulaInput.value = editor.value;
    });
    editor.addEventListener('blur', () => {
      if (this.editor === editor) this.closeEditor(true);
    });
    editor.style.left = `${td.offsetLeft}px`;
    editor.style.top = `${td.offsetTop}px`;
    editor.style.width = `${Math.max(td.offsetWidth, 120)}px`;
    editor.style.height = `${td.offsetHeight}px`;
    this.editor = editor;
    this.scroller.appendChild(editor);
    editor.focus();
    if (editor instanceof HTMLInputElement) editor.setSelectionRange(editor.value.length, editor.value.length);
  }

  private closeEditor(save: boolean, then: Pos = { row: 0, col: 0 }): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    editor.remove();
    if (save) this.commit(editor.value, then);
    this.scroller.focus();
  }

  /** Writes what the user typed, after the cell's validation; then moves by `then`. */
  private commit(text: string, then: Pos): void {
    const v = this.validationAt(this.sel);
    const problem = v && text.trim() !== '' ? this.invalid(v, text) : undefined;
    if (problem && v?.strict) {
      this.setStatus(`${this.nameBox.value}: ${problem}`, 'error');
      return;
    }
    try {
      this.wb.setInput(this.sheet, this.sel.row, this.sel.col, text);
    } catch (e) {
      this.setStatus(`${this.nameBox.value}: ${e instanceof Error ? e.message : String(e)}`, 'error');
      return;
    }
    this.paint();
    this.drawCharts();
    if (then.row !== 0 || then.col !== 0) this.move(then.row, then.col);
    else this.select(this.sel);
    if (problem) this.setStatus(`${this.nameBox.value}: ${problem}`, 'error');
  }

  private invalid(v: ValidationOp, text: string): string | undefined {
    if (text.startsWith('=')) return undefined;
    const rule = v.rule;
    if (rule.kind === 'list' && !rule.values.includes(text))
      return `"${text}" is not in the list: ${rule.values.join(', ')}`;
    if (rule.kind === 'listFromRange') {
      const options = this.wb.evaluateList(this.sheet, rule.source);
      if (!options.includes(text)) return `"${text}" is not in the list: ${options.join(', ')}`;
    }
    if (rule.kind === 'number') {
      const n = Number(text);
      const bad =
        !Number.isFinite(n) ||
        (rule.integer && !Number.isInteger(n)) ||
        (rule.min !== undefined && n < rule.min) ||
        (rule.max !== undefined && n > rule.max);
      if (bad)
        return `${v.help ?? `enter a number${rule.min !== undefined ? ` from ${rule.min}` : ''}${rule.max !== undefined ? ` to ${rule.max}` : ''}`}`;
    }
    return undefined;
  }

  /** For tests: where the charts of the active sheet drew their bars, points and labels. */
  chartGeometries(): ChartGeometry[] {
    return this.charts.map(chartGeometry);
  }

  /** For tests and the panel: the sheet plan of the active sheet. */
  activeMeta(): Omit<SheetPlan, 'cells'> {
    return this.meta;
  }
}
