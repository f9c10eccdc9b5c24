/**
 * The preview's spreadsheet: a PreviewWorkbook shown as a grid with a name box and formula bar, sheet
 * tabs and a status line, driven like Excel and Google Sheets. This class holds the state (active sheet,
 * selection, editing mode) and the operations; the pieces live in their own modules: the table
 * (sheet-view.ts), charts (chart-layer.ts), the in-cell editor (cell-editor.ts), the bar
 * (formula-bar.ts), the tabs (sheet-tabs.ts), keys (keyboard.ts), mouse (mouse.ts) and the clipboard
 * (clipboard.ts). Every change goes through a command (../commands.ts), so undo covers all of them.
 *
 * The state is private: the selection, the one editing session (mode, in the bar or the cell, the open
 * question before a computed cell is replaced) and what was copied. The input modules see the grid
 * through the narrow interfaces of grid-control.ts and ask for changes; the status line's sentences
 * come from ../messages.ts.
 */
import { snapScroll } from './viewport';
import { DetailedCellError } from 'hyperformula';
import { h } from '../../ui/dom';
import { colLetter, gridRect, rangeA1, type GridRect } from '../../shared/a1/a1';
import type { ValidationOp } from '../../shared/plan/plan';
import type { ChartGeometry } from '../../ui/charts/render';
import { addSheet, removeSheets, renameSheet, setCells, type Command, type Focus } from '../commands';
import type { PreviewWorkbook } from '../workbook';
import { gotoTarget, linkLocation } from '../goto';
import { History } from '../history';
import type { Mode } from '../keymap';
import { refusal } from '../refusal';
import { overwriteQuestion, replacesComputed } from '../computed-cells';
import {
  enter,
  moveBy,
  rectContains,
  selectionRect,
  selectRect,
  single,
  tab,
  type Bounds,
  type Pos,
  type Selection,
} from '../selection';
import { withinUsed } from '../selection-budget';
import { sheetNameProblem } from '../sheet-names';
import { CellEditor } from './cell-editor';
import { ChartLayer } from './chart-layer';
import { confirmDialog } from './dialog';
import { editText } from './format';
import { deleteSheetQuestion, usersOf } from '../sheet-references';
import { FormulaBar } from './formula-bar';
import type { Clip, GridControl, StatusKind, Then } from './grid-control';
import {
  atCell,
  changeFailed,
  deletedSheet,
  editorLabel,
  keepsFormula,
  KEEP_ONE_SHEET,
  NOTHING_TO_REDO,
  redid,
  renamedSheet,
  START_HINT,
  STEP,
  undid,
} from '../messages';
import { SheetTabs } from './sheet-tabs';
import { SheetView } from './sheet-view';

/** The one editing session: how the active cell is being edited, if at all. */
interface EditSession {
  mode: Mode;
  /** The edit happens in the formula bar rather than in the cell. */
  inBar: boolean;
  /** The question before replacing a computed cell is open. */
  asking: boolean;
  /** The cell whose formula the user agreed to replace (the next commit there writes without asking). */
  agreed: Pos | undefined;
}

export class Grid implements GridControl {
  readonly root: HTMLElement;
  readonly scroller = h('div', { class: 'pv-scroll', tabindex: 0, 'aria-label': 'Sheet cells', role: 'grid' });
  private readonly history: History;
  private readonly bar: FormulaBar;
  private readonly tabs: SheetTabs;
  private readonly charts: ChartLayer;
  private readonly editor: CellEditor;
  private readonly status = h('div', { class: 'pv-status', role: 'status', 'aria-live': 'polite' });
  private readonly hint = h('div', { class: 'pv-hint', hidden: true });
  private view!: SheetView;
  private sheet: string;
  private current: Selection = single({ row: 0, col: 0 });
  private readonly session: EditSession = { mode: 'ready', inBar: false, asking: false, agreed: undefined };
  private clip: Clip | undefined;
  private paintQueued = false;
  private dirty = false;

  constructor(
    readonly wb: PreviewWorkbook,
    first: string,
  ) {
    this.sheet = first;
    this.history = new History(wb);
    this.charts = new ChartLayer(wb);
    this.editor = new CellEditor(this.scroller, {
      onInput: (text) => (this.bar.text = text),
      onPick: () => this.commit('down'),
      onBlur: () => this.onEditorBlur(),
    });
    this.bar = new FormulaBar({
      onGoto: (text) => this.goto(text),
      onNameBoxDone: () => this.focusGrid(),
      onBarEdit: () => this.beginBarEdit(),
    });
    this.tabs = new SheetTabs(this.tabsModel());
    this.root = h(
      'section',
      { class: 'pv-sheet', 'aria-label': 'Spreadsheet' },
      this.bar.root,
      this.scroller,
      h('div', { class: 'pv-footer' }, this.tabs.root, this.status),
    );
    wb.onChange((what) => (what === 'sheets' ? this.onSheetsChanged() : this.queuePaint()));
    // A large sheet draws only what is on screen (sheet-view.ts, viewport.ts): draw again as it scrolls.
    this.scroller.addEventListener('scroll', () => this.view.setViewport(this.scroller), { passive: true });
    // Scroll by whole columns and rows, as the hosts do: when a wheel or drag stops, the nearest cell edge.
    this.scroller.addEventListener('scrollend', () => this.snapToCells());
    window.addEventListener('resize', () => this.view.setViewport(this.scroller));
    this.tabs.render();
    this.render();
  }

  /** After a wheel or drag: the scroll moves to the nearest row and column edge (never past the sheet's end). */
  private snapToCells(): void {
    const targets = this.view.snapTargets();
    const top = snapScroll(targets.top, this.scroller.scrollTop);
    const left = snapScroll(targets.left, this.scroller.scrollLeft);
    if (Math.abs(top - this.scroller.scrollTop) >= 1) this.scroller.scrollTop = top;
    if (Math.abs(left - this.scroller.scrollLeft) >= 1) this.scroller.scrollLeft = left;
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
    if (target === this.editor.element) return this.session.mode;
    if (target === this.bar.input) return 'edit';
    if (target === this.scroller) return this.session.mode;
    return undefined;
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

  private tabsModel(): ConstructorParameters<typeof SheetTabs>[0] {
    return {
      names: () => this.wb.sheetNames(),
      active: () => this.sheet,
      tabColor: (n) => this.wb.metaOf(n).tabColor,
      onSelect: (n, by) => {
        this.show(n);
        if (by === 'click') this.focusGrid();
      },
      onAdd: () => this.run(addSheet(STEP.addSheet, this.wb.nextUserSheetName(), this.sheet)),
      onRename: (from, to) => this.renameSheet(from, to),
      onDelete: (n) => void this.deleteSheet(n),
    };
  }

  /** Shows a sheet, with a selection (default: the first cell under its header). */
  show(sheet: string, sel?: Selection): void {
    if (this.session.mode !== 'ready') this.cancel();
    const changed = sheet !== this.sheet;
    this.sheet = sheet;
    const meta = this.wb.metaOf(sheet);
    this.current = sel ?? single({ row: Math.min(meta.frozenRows, 1), col: 0 });
    if (changed) this.clip = undefined;
    this.tabs.render();
    this.render(this.current.focus);
    if (changed) this.scroller.scrollTo(0, 0);
    this.select(this.current);
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

  private renameSheet(from: string, to: string): string | undefined {
    const problem = sheetNameProblem(
      to,
      this.wb.sheetNames().filter((n) => n !== from),
    );
    if (problem) return (this.say(problem, 'error'), problem);
    if (!this.run(renameSheet(STEP.renameSheet(from), from, to.trim()))) return this.statusText();
    this.say(renamedSheet(from, to.trim()), 'ok');
    return undefined;
  }

  private async deleteSheet(name: string): Promise<void> {
    if (this.wb.sheetNames().length === 1) return this.say(KEEP_ONE_SHEET, 'error');
    const question = deleteSheetQuestion(name, usersOf(this.wb, name));
    const sure = await confirmDialog(document.body, { ...question, confirm: 'Delete' });
    if (!sure) return this.focusGrid();
    const names = this.wb.sheetNames();
    const next = names[names.indexOf(name) + 1] ?? names[names.indexOf(name) - 1];
    if (this.run(removeSheets(STEP.deleteSheet(name), [name], next))) this.say(deletedSheet(name), 'ok');
  }

  // ---------------------------------------------------------------------------------------------
  // Drawing

  /** Builds the table of the active sheet (large enough to show `atLeast`), then paints it. */
  private render(atLeast?: Pos): void {
    this.editor.close();
    this.view?.detach();
    this.view = new SheetView(this.wb, this.sheet, this.wb.metaOf(this.sheet), atLeast);
    this.scroller.replaceChildren(this.view.table, this.charts.root, this.hint);
    this.view.setViewport(this.scroller);
    this.paint();
  }

  /** Values changed outside a command (the engine recalculated): repaint on the next frame, once. */
  private queuePaint(): void {
    this.dirty = true;
    if (this.paintQueued) return;
    this.paintQueued = true;
    requestAnimationFrame(() => {
      this.paintQueued = false;
      if (!this.dirty) return;
      this.paint();
      this.select(this.current, false);
    });
  }

  /** Repaints values and charts; a sheet that outgrew its table is rebuilt first. */
  paint(): void {
    this.dirty = false;
    if (!this.view.covers()) return this.render(this.current.focus);
    const dims = this.wb.dimensions(this.sheet);
    this.view.paint();
    this.charts.draw(this.view);
    this.view.markCopied(this.clip?.sheet === this.sheet ? this.clip.rect : undefined);
    this.showHint(dims.rows === 0 && this.wb.sheetNames().length === 1 && this.wb.isUserSheet(this.sheet));
  }

  /** The first-run hint on the empty sheet: where to start. */
  private showHint(on: boolean): void {
    this.hint.hidden = !on;
    if (on && !this.hint.firstChild)
      this.hint.append(h('strong', {}, START_HINT.title), START_HINT.text, h('code', {}, START_HINT.example), '.');
  }

  statusText(): string {
    return this.status.textContent ?? '';
  }

  say(text: string, kind: StatusKind = 'info'): void {
    this.status.textContent = text;
    this.status.className = `pv-status pv-${kind}`;
  }

  chartGeometries(): ChartGeometry[] {
    return this.charts.geometries();
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
    if (sel.focus.row >= this.view.rows || !this.view.cols.includes(sel.focus.col)) this.render(sel.focus);
    this.current = sel;
    const rect = selectionRect(sel);
    this.view.highlight(rect, sel.anchor);
    const { row, col } = sel.anchor;
    const many = rect.top !== rect.bottom || rect.left !== rect.right;
    this.bar.showCell(
      many
        ? rangeA1({ top: rect.top + 1, left: rect.left + 1, bottom: rect.bottom + 1, right: rect.right + 1 })
        : this.address(sel.anchor),
      this.inputText({ row, col }),
    );
    if (this.session.mode === 'ready') this.describeCell(sel.anchor);
    this.markListArrow(sel.anchor);
    if (reveal) this.view.reveal(sel.focus, this.scroller);
  }

  /** The status line for the active cell: its error message, its column's help, or the sheet's note. */
  private describeCell(p: Pos): void {
    const value = this.wb.value(this.sheet, p.row, p.col);
    const v = this.validationAt(p);
    const at = this.address(p);
    if (value instanceof DetailedCellError) this.say(atCell(at, `${value.value} ${value.message ?? ''}`), 'error');
    else if (v?.help) this.say(atCell(at, v.help));
    else this.say(this.view.meta.note ?? '');
  }

  /** Whether the cell has a drop-down (a list validation, fixed or from a range). */
  isListCell(p: Pos): boolean {
    const kind = this.validationAt(p)?.rule.kind;
    return kind === 'list' || kind === 'listFromRange';
  }

  /** The active cell shows its drop-down arrow when it has a list, as in both hosts. */
  private markListArrow(p: Pos): void {
    this.view.table.querySelector('td.pv-has-list')?.classList.remove('pv-has-list');
    if (this.isListCell(p)) this.view.td(p)?.classList.add('pv-has-list');
  }

  validationAt(p: Pos): ValidationOp | undefined {
    return this.view.meta.validations.find((v) => rectContains(gridRect(v.range), p));
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
      else this.paint(); // what changed shows at once, not a frame later
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
      this.paint();
      this.select(sel ?? this.current);
    }
    this.focusGrid();
  }

  // ---------------------------------------------------------------------------------------------
  // Editing

  /** What the user calls the cell's column: its header, or a setting's label left of it. */
  private subjectOf(p: Pos, v: ValidationOp): string {
    const r = gridRect(v.range);
    const label =
      r.top === r.bottom && r.left === r.right && p.col > 0 ? this.wb.inputOf(this.sheet, p.row, p.col - 1) : '';
    const header = this.view.meta.headerRows > 0 ? this.wb.inputOf(this.sheet, 0, p.col) : '';
    return label || header || `column ${colLetter(p.col)}`;
  }

  /** Opens the editor on the active cell: typing over it, editing its text, or its list. */
  startEdit(how: 'type' | 'edit' | 'list', text?: string): void {
    const p = this.current.anchor;
    if (!this.view.td(p)) this.view.reveal(p, this.scroller); // scrolled away from a large sheet's active cell
    const td = this.view.td(p);
    if (!td) return;
    this.current = { ...single(p), tabStart: this.current.tabStart }; // typing keeps a run of Tabs going
    this.view.highlight(selectionRect(this.current), p);
    this.view.reveal(p, this.scroller);
    const at = { ...this.view.offsetOf(td), width: td.offsetWidth, height: td.offsetHeight };
    const v = this.validationAt(p);
    const current = this.inputText(p);
    const label = editorLabel(how === 'list', this.address(p));
    if (how === 'list' && v && (v.rule.kind === 'list' || v.rule.kind === 'listFromRange')) {
      this.session.mode = 'list';
      this.editor.openList(at, this.listOf(v), current, label);
    } else {
      this.session.mode = how === 'type' ? 'enter' : 'edit';
      this.editor.openText(at, text ?? current, label);
    }
    this.session.inBar = false;
    this.bar.text = this.editor.value;
  }

  /** What the formula bar and the editor show for a cell: its input, a date as a date. */
  private inputText(p: Pos): string {
    return editText(this.wb.inputOf(this.sheet, p.row, p.col), this.view.formatAt(p.row, p.col));
  }

  listOf(v: ValidationOp): string[] {
    if (v.rule.kind === 'list') return v.rule.values;
    if (v.rule.kind === 'listFromRange') return this.wb.evaluateList(this.sheet, v.rule.source);
    return [];
  }

  editInPlace(): void {
    this.session.mode = 'edit';
  }

  private beginBarEdit(): void {
    if (this.session.mode !== 'ready') return;
    this.session.mode = 'edit';
    this.session.inBar = true;
  }

  /**
   * Writes what was typed (after the cell's validation) and moves on. A refused value keeps the editor
   * open with what was typed and says why; returns whether the value was written.
   */
  commit(then: Then, dr = 0, dc = 0): boolean {
    if (this.session.mode === 'ready') return true;
    if (this.session.asking) return false;
    const p = this.current.anchor;
    const text = this.session.inBar ? this.bar.text : this.editor.value;
    const v = this.validationAt(p);
    const problem = v ? refusal(v.rule, text, this.subjectOf(p, v), this.listOf(v)) : undefined;
    if (problem && v?.strict) return this.refuse(problem);
    if (this.guarded(p, text)) return (void this.askOverwrite(p, then, dr, dc), false);
    this.endEdit();
    if (text !== this.inputText(p))
      this.run(setCells(STEP.edit(this.address(p)), this.sheet, p.row, p.col, [[text]]), false);
    this.moveAfterCommit(then, dr, dc);
    if (problem) this.say(atCell(this.address(p), problem), 'error');
    return true;
  }

  /** Typing over a template's computed cell (a formula the template wrote) asks first, unless already agreed. */
  private guarded(p: Pos, text: string): boolean {
    if (this.session.agreed?.row === p.row && this.session.agreed.col === p.col)
      return ((this.session.agreed = undefined), false);
    return replacesComputed(this.wb.inputOf(this.sheet, p.row, p.col), text, !this.wb.isUserSheet(this.sheet));
  }

  /** Asks before a computed cell's formula is replaced: Replace commits what was typed, Cancel keeps the formula. */
  private async askOverwrite(p: Pos, then: Then, dr: number, dc: number): Promise<void> {
    this.session.asking = true;
    const header = this.view.meta.headerRows > 0 ? this.wb.inputOf(this.sheet, 0, p.col) : '';
    const sure = await confirmDialog(document.body, overwriteQuestion(this.address(p), header));
    this.session.asking = false;
    if (!sure) {
      this.cancel();
      this.focusGrid();
      return this.say(keepsFormula(this.address(p)));
    }
    this.session.agreed = p;
    this.commit(then, dr, dc);
  }

  private refuse(problem: string): false {
    this.say(atCell(this.address(this.current.anchor), problem), 'error');
    if (this.session.inBar) this.bar.input.focus();
    else {
      this.editor.refuse(problem);
      this.editor.element?.focus();
    }
    return false;
  }

  private moveAfterCommit(then: Then, dr: number, dc: number): void {
    const b = this.bounds();
    const next =
      then === 'down' || then === 'up'
        ? enter(this.current, then === 'up', b)
        : then === 'right' || then === 'left'
          ? tab(this.current, then === 'left', b)
          : moveBy(this.current, dr, dc, b);
    this.select(next);
  }

  /** Escape: the cell keeps what it had (with no editor open: forget what was copied). */
  cancel(): void {
    if (this.session.mode === 'ready') {
      this.clip = undefined;
      return this.view.markCopied(undefined);
    }
    this.endEdit();
    this.select(this.current);
  }

  private endEdit(): void {
    this.session.mode = 'ready';
    this.session.inBar = false;
    this.editor.close();
    this.focusGrid();
  }

  /**
   * Leaving the editor for another cell or elsewhere: an open drop-down closes and leaves the cell as it
   * was (as in both hosts); typed text is kept if it is allowed. Returns false when a refused value keeps
   * the editor open.
   */
  leaveEdit(): boolean {
    if (this.session.mode === 'ready') return true;
    if (this.session.mode === 'list') {
      this.endEdit();
      this.select(this.current, false); // no scrolling: the click that closed the list lands where it was aimed
      return true;
    }
    return this.commit('stay');
  }

  /** Focus went from the editor to elsewhere in the page: keep the value if it is allowed, else keep editing. */
  private onEditorBlur(): void {
    setTimeout(() => {
      if (this.session.mode === 'ready' || this.session.asking || this.root.contains(document.activeElement)) return;
      if (!this.leaveEdit()) this.editor.element?.focus();
    });
  }

  /** Delete / Backspace: clears the selected cells (one undo step). */
  clearSelection(): void {
    const selected = selectionRect(this.current);
    const label =
      selected.top === selected.bottom && selected.left === selected.right
        ? STEP.clear(this.address(this.current.anchor))
        : STEP.clearCells;
    // Only the used part changes (a whole-sheet selection is 655 million cells; its used part, what was typed).
    const rect = withinUsed(selected, this.wb.dimensions(this.sheet));
    if (!rect) return;
    const blank = Array.from({ length: rect.bottom - rect.top + 1 }, () =>
      Array<string>(rect.right - rect.left + 1).fill(''),
    );
    this.run(setCells(label, this.sheet, rect.top, rect.left, blank), false);
  }
}
