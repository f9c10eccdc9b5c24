/**
 * The grid's one editing session: whether the active cell is being edited and how (typing over it,
 * editing its text, or choosing from its drop-down), whether the edit happens in the formula bar, and
 * the open question before a computed cell is replaced (computed-confirm.ts). It owns the in-cell
 * editor (cell-editor.ts). Committing checks the cell's validation (a strict rule keeps the editor open
 * and says why) and writes through the grid's undo history, so the grid (grid.ts) and its input modules
 * only ever ask: start, commit, cancel, leave.
 */
import { single, enter, moveBy, tab, type Bounds, type Pos, type Selection } from '../selection';
import type { GridRect } from '../../shared/a1/a1';
import type { Mode } from '../keymap';
import { withinUsed } from '../selection-budget';
import { refusal } from '../refusal';
import { setCells, type Command } from '../commands';
import { atCell, editorLabel, keepsFormula, STEP } from '../messages';
import { CellEditor } from './cell-editor';
import { headerOf, inputText, isList, listOf, subjectOf, validationAt, type ShownSheet } from './cell-rules';
import { askToReplace, mustAsk, type Confirmation } from './computed-confirm';
import type { FormulaBar } from './formula-bar';
import type { StatusKind, Then } from './grid-control';

/** The session's state: the mode, where the edit happens, and the computed-cell question. */
interface SessionState extends Confirmation {
  mode: Mode;
  /** The edit happens in the formula bar rather than in the cell. */
  inBar: boolean;
}

/** What the session needs of the grid: the sheet on screen, its selection, and the grid's ways to change things. */
export interface EditHost {
  /** The grid's scrolling cell area (the editor opens in it) and its formula bar. */
  readonly scroller: HTMLElement;
  readonly bar: FormulaBar;
  /** Whether the element is part of the grid (focus moving there does not end an edit). */
  holds(el: Element | null): boolean;
  /** The selection now. */
  sel(): Selection;
  shown(): ShownSheet;
  /** Makes `sel` the selection and marks it on the sheet, leaving the name box as it is (the editor opens there). */
  place(sel: Selection): void;
  select(sel: Selection, reveal?: boolean): void;
  bounds(): Bounds;
  run(cmd: Command, follow?: boolean): boolean;
  say(text: string, kind?: StatusKind): void;
  address(p: Pos): string;
  focusGrid(): void;
  /** Escape as the grid hears it (with no editor open, it forgets what was copied). */
  cancel(): void;
}

export class EditSession {
  private readonly state: SessionState = { mode: 'ready', inBar: false, asking: false, agreed: undefined };
  private readonly editor: CellEditor;

  constructor(private readonly host: EditHost) {
    this.editor = new CellEditor(host.scroller, {
      onInput: (text) => (host.bar.text = text),
      onPick: () => this.commit('down'),
      onBlur: () => this.onEditorBlur(),
    });
  }

  get mode(): Mode {
    return this.state.mode;
  }

  /** The mode a key pressed on `target` is read in (undefined: not the grid's key). */
  modeAt(target: EventTarget | null): Mode | undefined {
    if (target === this.editor.element) return this.state.mode;
    if (target === this.host.bar.input) return 'edit';
    if (target === this.host.scroller) return this.state.mode;
    return undefined;
  }

  /** The sheet's table is drawn again: the editor over the old one goes. */
  closeEditor(): void {
    this.editor.close();
  }

  /** Opens the editor on the active cell: typing over it, editing its text, or its list. */
  start(how: 'type' | 'edit' | 'list', text?: string): void {
    const s = this.host.shown();
    const p = this.host.sel().anchor;
    if (!s.view.td(p)) s.view.reveal(p, this.host.scroller); // scrolled away from a large sheet's active cell
    const td = s.view.td(p);
    if (!td) return;
    this.host.place({ ...single(p), tabStart: this.host.sel().tabStart }); // typing keeps a run of Tabs going
    s.view.reveal(p, this.host.scroller);
    const at = { ...s.view.offsetOf(td), width: td.offsetWidth, height: td.offsetHeight };
    const v = validationAt(s, p);
    const current = inputText(s, p);
    const label = editorLabel(how === 'list', this.host.address(p));
    if (how === 'list' && isList(v)) {
      this.state.mode = 'list';
      this.editor.openList(at, listOf(s, v), current, label);
    } else {
      this.state.mode = how === 'type' ? 'enter' : 'edit';
      this.editor.openText(at, text ?? current, label);
    }
    this.state.inBar = false;
    this.host.bar.text = this.editor.value;
  }

  /** F2 while typing: the arrows now move in the text instead of committing. */
  editInPlace(): void {
    this.state.mode = 'edit';
  }

  /** A click or a key in the formula bar starts editing the active cell there. */
  beginBarEdit(): void {
    if (this.state.mode !== 'ready') return;
    this.state.mode = 'edit';
    this.state.inBar = true;
  }

  /**
   * Writes what was typed (after the cell's validation) and moves on. A refused value keeps the editor
   * open with what was typed and says why; returns whether the value was written.
   */
  commit(then: Then, dr = 0, dc = 0): boolean {
    if (this.state.mode === 'ready') return true;
    if (this.state.asking) return false;
    const s = this.host.shown();
    const p = this.host.sel().anchor;
    const text = this.state.inBar ? this.host.bar.text : this.editor.value;
    const v = validationAt(s, p);
    const problem = v ? refusal(v.rule, text, subjectOf(s, p, v), listOf(s, v)) : undefined;
    if (problem && v?.strict) return this.refuse(problem);
    if (mustAsk(this.state, p, s.wb.inputOf(s.sheet, p.row, p.col), text, !s.wb.isUserSheet(s.sheet)))
      return (void this.askOverwrite(p, then, dr, dc), false);
    this.endEdit();
    if (text !== inputText(s, p))
      this.host.run(setCells(STEP.edit(this.host.address(p)), s.sheet, p.row, p.col, [[text]]), false);
    this.moveAfterCommit(then, dr, dc);
    if (problem) this.host.say(atCell(this.host.address(p), problem), 'error');
    return true;
  }

  /** Asks before a computed cell's formula is replaced: Replace commits what was typed, Cancel keeps the formula. */
  private async askOverwrite(p: Pos, then: Then, dr: number, dc: number): Promise<void> {
    const address = this.host.address(p);
    if (await askToReplace(this.state, p, address, headerOf(this.host.shown(), p.col))) {
      this.commit(then, dr, dc);
      return;
    }
    this.host.cancel();
    this.host.focusGrid();
    this.host.say(keepsFormula(address));
  }

  private refuse(problem: string): false {
    this.host.say(atCell(this.host.address(this.host.sel().anchor), problem), 'error');
    if (this.state.inBar) this.host.bar.input.focus();
    else {
      this.editor.refuse(problem);
      this.editor.element?.focus();
    }
    return false;
  }

  private moveAfterCommit(then: Then, dr: number, dc: number): void {
    const sel = this.host.sel();
    const b = this.host.bounds();
    const next =
      then === 'down' || then === 'up'
        ? enter(sel, then === 'up', b)
        : then === 'right' || then === 'left'
          ? tab(sel, then === 'left', b)
          : moveBy(sel, dr, dc, b);
    this.host.select(next);
  }

  /** Escape with the editor open: the cell keeps what it had. */
  cancel(): void {
    this.endEdit();
    this.host.select(this.host.sel());
  }

  private endEdit(): void {
    this.state.mode = 'ready';
    this.state.inBar = false;
    this.editor.close();
    this.host.focusGrid();
  }

  /**
   * Leaving the editor for another cell or elsewhere: an open drop-down closes and leaves the cell as it
   * was (as in both hosts); typed text is kept if it is allowed. Returns false when a refused value keeps
   * the editor open.
   */
  leave(): boolean {
    if (this.state.mode === 'ready') return true;
    if (this.state.mode === 'list') {
      this.endEdit();
      this.host.select(this.host.sel(), false); // no scrolling: the click that closed the list lands where it was aimed
      return true;
    }
    return this.commit('stay');
  }

  /** Focus went from the editor to elsewhere in the page: keep the value if it is allowed, else keep editing. */
  private onEditorBlur(): void {
    setTimeout(() => {
      if (this.state.mode === 'ready' || this.state.asking || this.host.holds(document.activeElement)) return;
      if (!this.leave()) this.editor.element?.focus();
    });
  }
}

/**
 * Delete / Backspace: the command that clears the selected cells (one undo step), or none when nothing
 * there was typed. Only the used part changes (a whole-sheet selection is 655 million cells; its used part,
 * what was typed).
 */
export function clearing(
  sheet: string,
  selected: GridRect,
  anchor: string,
  used: { rows: number; cols: number },
): Command | undefined {
  const label =
    selected.top === selected.bottom && selected.left === selected.right ? STEP.clear(anchor) : STEP.clearCells;
  const rect = withinUsed(selected, used);
  if (!rect) return undefined;
  const blank = Array.from({ length: rect.bottom - rect.top + 1 }, () =>
    Array<string>(rect.right - rect.left + 1).fill(''),
  );
  return setCells(label, sheet, rect.top, rect.left, blank);
}
