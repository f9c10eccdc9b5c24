/**
 * The preview's spreadsheet: a PreviewWorkbook shown as a grid with a name box and formula bar, sheet
 * tabs and a status line, driven like Excel and Google Sheets. This class is the controller: it holds
 * the state (active sheet, selection, what was copied) and the operations; the pieces live in their own
 * modules: drawing the visible cells and charts (grid-drawing.ts over sheet-view.ts and chart-layer.ts),
 * the one editing session with its in-cell editor and the computed-cell question (edit-session.ts,
 * computed-confirm.ts), what a cell's validation and drop-down say (cell-rules.ts), the tabs and what
 * they do (sheet-tabs.ts, sheet-actions.ts), the bar (formula-bar.ts), keys (keyboard.ts), mouse
 * (mouse.ts) and the clipboard (clipboard.ts). Every change goes through a command (../commands.ts), so
 * undo covers all of them.
 *
 * The state is private: the selection, the editing session and what was copied. The input modules see
 * the grid through the narrow interfaces of grid-control.ts and ask for changes; the status line's
 * sentences come from ../messages.ts.
 */
import { h } from '../../ui/dom';
import { colLetter, rangeA1, type GridRect } from '../../shared/a1/a1';
import type { ValidationOp } from '../../shared/plan/plan';
import type { ChartGeometry } from '../../ui/charts/render';
import type { Command, Focus } from '../commands';
import type { PreviewWorkbook } from '../workbook';
import { gotoTarget, linkLocation } from '../goto';
import { History } from '../history';
import type { Mode } from '../keymap';
import { selectionRect, selectRect, single, type Bounds, type Pos, type Selection } from '../selection';
import { changeFailed, GRID_LABELS, NOTHING_TO_REDO, redid, undid } from '../messages';
import { cellStatus, inputText, isList, markListArrow, validationAt, type ShownSheet } from './cell-rules';
import { clearing, EditSession, type EditHost } from './edit-session';
import { FormulaBar } from './formula-bar';
import type { Clip, GridControl, StatusKind, Then } from './grid-control';
import { GridDrawing, type DrawingHost } from './grid-drawing';
import { tabsModel } from './sheet-actions';
import { SheetTabs } from './sheet-tabs';
import type { SheetView } from './sheet-view';

export class Grid implements GridControl {
  readonly root: HTMLElement;
  readonly scroller = h('div', { class: 'pv-scroll', tabindex: 0, 'aria-label': GRID_LABELS.cells, role: 'grid' });
  private readonly history: History;
  private readonly bar: FormulaBar;
  private readonly tabs: SheetTabs;
  private readonly drawing: GridDrawing;
  private readonly session: EditSession;
  private readonly status = h('div', { class: 'pv-status', role: 'status', 'aria-live': 'polite' });
  private sheet: string;
  private current: Selection = single({ row: 0, col: 0 });
  private clip: Clip | undefined;

  constructor(
    readonly wb: PreviewWorkbook,
    first: string,
  ) {
    this.sheet = first;
    this.history = new History(wb);
    this.drawing = new GridDrawing(this.drawingHost());
    this.bar = new FormulaBar({
      onGoto: (text) => this.goto(text),
      onNameBoxDone: () => this.focusGrid(),
      onBarEdit: () => this.session.beginBarEdit(),
    });
    this.session = new EditSession(this.editHost());
    this.tabs = new SheetTabs(tabsModel(this));
    this.root = h(
      'section',
      { class: 'pv-sheet', 'aria-label': GRID_LABELS.sheet },
      this.bar.root,
      this.scroller,
      h('div', { class: 'pv-footer' }, this.tabs.root, this.status),
    );
    wb.onChange((what) => (what === 'sheets' ? this.onSheetsChanged() : this.drawing.queuePaint()));
    this.tabs.render();
    this.drawing.render();
  }

  /** What the drawing reads of the grid's state. */
  private drawingHost(): DrawingHost {
    return {
      wb: this.wb,
      scroller: this.scroller,
      sheet: () => this.sheet,
      focus: () => this.current.focus,
      copiedHere: () => (this.clip?.sheet === this.sheet ? this.clip.rect : undefined),
      beforeRebuild: () => this.session.closeEditor(),
      afterRepaint: () => this.select(this.current, false),
    };
  }

  /** What the editing session reads of the grid's state, and how it asks for changes. */
  private editHost(): EditHost {
    return {
      scroller: this.scroller,
      bar: this.bar,
      holds: (el) => this.root.contains(el),
      sel: () => this.current,
      shown: () => this.shown(),
      place: (sel) => {
        this.current = sel;
        this.view.highlight(selectionRect(sel), sel.anchor);
      },
      select: (sel, reveal) => this.select(sel, reveal),
      bounds: () => this.bounds(),
      run: (cmd, follow) => this.run(cmd, follow),
      say: (text, kind) => this.say(text, kind),
      address: (p) => this.address(p),
      focusGrid: () => this.focusGrid(),
      cancel: () => this.cancel(),
    };
  }

  private get view(): SheetView {
    return this.drawing.view;
  }

  private shown(): ShownSheet {
    return { wb: this.wb, sheet: this.sheet, view: this.view };
  }

  get activeSheet(): string {
    return this.sheet;
  }

  /** The selection (select() changes it). */
  get sel(): Selection {
    return this.current;
  }

  /** The editing mode (startEdit(), commit() and cancel() change it). */
  get mode(): Mode {
    return this.session.mode;
  }

  modeAt(target: EventTarget | null): Mode | undefined {
    return this.session.modeAt(target);
  }

  filled(p: Pos): boolean {
    return this.wb.inputOf(this.sheet, p.row, p.col) !== '';
  }

  used(): { rows: number; cols: number } {
    return this.wb.dimensions(this.sheet);
  }

  hasSheet(name: string): boolean {
    return this.wb.hasSheet(name);
  }

  hasKeys(): boolean {
    return document.activeElement === this.scroller && this.session.mode === 'ready';
  }

  // ---------------------------------------------------------------------------------------------
  // What was copied

  shownText(p: Pos): string {
    return this.view.cols.includes(p.col) ? this.view.shownText(p) : '';
  }

  selectionAddress(): string {
    return this.bar.nameBox.value;
  }

  copied(): Clip | undefined {
    return this.clip;
  }

  remember(clip: Clip): void {
    this.clip = clip;
    this.view.markCopied(clip.rect);
  }

  forget(): void {
    this.clip = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Sheets

  /** Shows a sheet, with a selection (default: the first cell under its header). */
  show(sheet: string, sel?: Selection): void {
    if (this.session.mode !== 'ready') this.cancel();
    const changed = sheet !== this.sheet;
    this.sheet = sheet;
    const meta = this.wb.metaOf(sheet);
    this.current = sel ?? single({ row: Math.min(meta.frozenRows, 1), col: 0 });
    if (changed) this.clip = undefined;
    this.tabs.render();
    this.drawing.render(this.current.focus);
    if (changed) this.scroller.scrollTo(0, 0);
    this.select(this.current);
  }

  focusNameBox(): void {
    this.bar.nameBox.focus();
  }

  showNextSheet(step: 1 | -1): void {
    const names = this.wb.sheetNames();
    const next = names[names.indexOf(this.sheet) + step];
    if (next) this.show(next);
  }

  /** Sheets came or went: redraw the tabs. If the shown sheet went, the command that removed it says where to go next. */
  private onSheetsChanged(): void {
    this.tabs.render();
    if (!this.wb.hasSheet(this.sheet))
      queueMicrotask(() => {
        if (!this.wb.hasSheet(this.sheet)) this.show(this.wb.sheetNames()[0]);
      });
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing and the status line

  statusText(): string {
    return this.status.textContent ?? '';
  }

  say(text: string, kind: StatusKind = 'info'): void {
    this.status.textContent = text;
    this.status.className = `pv-status pv-${kind}`;
  }

  chartGeometries(): ChartGeometry[] {
    return this.drawing.geometries();
  }

  // ---------------------------------------------------------------------------------------------
  // Selection

  bounds(): Bounds {
    return { rows: this.view.rows, cols: this.view.cols };
  }

  /** The active sheet, the selected rectangle and the active cell. */
  selection(): { sheet: string; rect: GridRect; anchor: Pos } {
    return { sheet: this.sheet, rect: selectionRect(this.current), anchor: this.current.anchor };
  }

  address(p: Pos): string {
    return `${colLetter(p.col)}${p.row + 1}`;
  }

  select(sel: Selection, reveal = true): void {
    if (sel.focus.row >= this.view.rows || !this.view.cols.includes(sel.focus.col)) this.drawing.render(sel.focus);
    this.current = sel;
    const rect = selectionRect(sel);
    this.view.highlight(rect, sel.anchor);
    const many = rect.top !== rect.bottom || rect.left !== rect.right;
    this.bar.showCell(
      many
        ? rangeA1({ top: rect.top + 1, left: rect.left + 1, bottom: rect.bottom + 1, right: rect.right + 1 })
        : this.address(sel.anchor),
      inputText(this.shown(), sel.anchor),
    );
    if (this.session.mode === 'ready') this.describeCell(sel.anchor);
    markListArrow(this.shown(), sel.anchor);
    if (reveal) this.view.reveal(sel.focus, this.scroller);
  }

  /** The status line for the active cell: its error message, its column's help, or the sheet's note. */
  private describeCell(p: Pos): void {
    const { text, kind } = cellStatus(this.shown(), p, this.address(p));
    this.say(text, kind);
  }

  /** Whether the cell has a drop-down (a list validation, fixed or from a range). */
  isListCell(p: Pos): boolean {
    return isList(this.validationAt(p));
  }

  private validationAt(p: Pos): ValidationOp | undefined {
    return validationAt(this.shown(), p);
  }

  /** Goes to the name box's reference (another sheet too). Returns why not. */
  private goto(text: string): string | undefined {
    const target = gotoTarget(text, {
      sheet: this.sheet,
      sheetNames: this.wb.sheetNames(),
      nameFormula: (n) => this.wb.hf.getNamedExpressionFormula(n) ?? undefined,
    });
    if (!target.ok) return (this.say(target.error, 'error'), target.error);
    const sel = selectRect(target.rect);
    if (target.sheet !== this.sheet) this.show(target.sheet, sel);
    else this.select(sel);
    return undefined;
  }

  /** Follows a link to a place in this workbook (Start Here's links), as Excel does on a click. Whether it did. */
  followLink(p: Pos): boolean {
    const location = linkLocation(this.wb.inputOf(this.sheet, p.row, p.col));
    return location !== undefined && this.goto(location) === undefined;
  }

  focusGrid(): void {
    this.scroller.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------------------------------------
  // Changes, undo and redo

  /** Runs a change; shows where it happened unless `follow` is false. A failure is said in the status line. */
  run(cmd: Command, follow = true): boolean {
    try {
      const step = this.history.run(cmd);
      if (follow) this.goTo(step.focus);
      else this.drawing.paint(); // what changed shows at once, not a frame later
      if (step.dropped) this.say(step.dropped);
      return true;
    } catch (e) {
      this.say(changeFailed(cmd.label, e instanceof Error ? e.message : String(e)), 'error');
      return false;
    }
  }

  undo(): void {
    const step = this.history.undo();
    if (!step) return this.say(this.history.nothingToUndo());
    this.goTo(step.focus);
    this.say(undid(step.label), 'ok');
  }

  redo(): void {
    const step = this.history.redo();
    if (!step) return this.say(NOTHING_TO_REDO);
    this.goTo(step.focus);
    this.say(redid(step.label), 'ok');
  }

  private goTo(focus: Focus): void {
    const sheet = focus.sheet && this.wb.hasSheet(focus.sheet) ? focus.sheet : this.sheet;
    const sel = focus.rect ? selectRect(focus.rect) : undefined;
    if (sheet !== this.sheet || !this.wb.hasSheet(this.sheet)) this.show(sheet, sel);
    else {
      this.tabs.render();
      this.drawing.paint();
      this.select(sel ?? this.current);
    }
    this.focusGrid();
  }

  // ---------------------------------------------------------------------------------------------
  // Editing (the session in edit-session.ts)

  /** Opens the editor on the active cell: typing over it, editing its text, or its list. */
  startEdit(how: 'type' | 'edit' | 'list', text?: string): void {
    this.session.start(how, text);
  }

  editInPlace(): void {
    this.session.editInPlace();
  }

  /** Writes what was typed, after the cell's validation, and moves on (see EditSession.commit). Whether it wrote. */
  commit(then: Then, dr = 0, dc = 0): boolean {
    return this.session.commit(then, dr, dc);
  }

  /** Escape: the cell keeps what it had (with no editor open: forget what was copied). */
  cancel(): void {
    if (this.session.mode !== 'ready') return this.session.cancel();
    this.clip = undefined;
    this.view.markCopied(undefined);
  }

  /** Leaving the editor for another cell or elsewhere (see EditSession.leave). False: a refused value keeps it open. */
  leaveEdit(): boolean {
    return this.session.leave();
  }

  /** Delete / Backspace: clears the selected cells (one undo step). */
  clearSelection(): void {
    const cmd = clearing(this.sheet, selectionRect(this.current), this.address(this.current.anchor), this.used());
    if (cmd) this.run(cmd, false);
  }
}
