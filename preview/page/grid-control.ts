/**
 * What the keyboard, mouse and clipboard modules may do to the grid (grid.ts): read where the selection
 * is and what mode the grid is in, and ask for a change. They never write the grid's state: the
 * selection, the editing session and what was copied are private to the grid, which keeps them
 * consistent (an edit that ends always closes the editor, a selection always shows in the name box).
 * Each module gets the narrowest slice it needs (KeyboardGrid, MouseGrid, ClipboardGrid).
 */
import type { GridRect } from '../../shared/a1/a1';
import type { Command } from '../commands';
import type { Mode } from '../keymap';
import type { Bounds, Pos, Selection } from '../selection';

export type StatusKind = 'info' | 'error' | 'ok';

/** What was copied or cut (the clipboard text identifies it when it comes back in a paste). */
export interface Clip {
  sheet: string;
  rect: GridRect;
  text: string;
  cut: boolean;
}

/** Where a commit goes next: down/up (Enter, Shift+Enter), right/left (Tab), or stay and move by an arrow. */
export type Then = 'down' | 'up' | 'right' | 'left' | 'stay';

/** The grid as its input modules see it. */
export interface GridControl {
  /** The grid's element (keys are heard here) and its scrolling cell area (the mouse is heard there). */
  readonly root: HTMLElement;
  readonly scroller: HTMLElement;
  readonly activeSheet: string;
  /** The selection and the editing mode, read-only: select(), startEdit(), commit() and cancel() change them. */
  readonly sel: Selection;
  readonly mode: Mode;
  bounds(): Bounds;
  /** The mode a key pressed on `target` is read in (undefined: not the grid's key). */
  modeAt(target: EventTarget | null): Mode | undefined;
  /** Whether the cell holds something (Ctrl+arrow stops at the edge of a block). */
  filled(p: Pos): boolean;
  /** The used part of the active sheet. */
  used(): { rows: number; cols: number };
  hasSheet(name: string): boolean;
  isListCell(p: Pos): boolean;
  /** Follows a link to a place in this workbook (Start Here's links), as Excel does on a click. Whether it did. */
  followLink(p: Pos): boolean;
  /** The next (1) or previous (-1) sheet, as Ctrl+PageDown / Ctrl+PageUp in Excel; none past the last or first. */
  showNextSheet(step: 1 | -1): void;
  /** Ctrl+G (Excel's Go To): the name box takes the keyboard, its text selected. */
  focusNameBox(): void;

  select(sel: Selection, reveal?: boolean): void;
  focusGrid(): void;
  /** Whether the cells have the keyboard with no editor open (copy, cut and paste are the grid's then). */
  hasKeys(): boolean;
  startEdit(how: 'type' | 'edit' | 'list', text?: string): void;
  /** F2 while typing: the arrows now move in the text instead of committing. */
  editInPlace(): void;
  commit(then: Then, dr?: number, dc?: number): boolean;
  cancel(): void;
  leaveEdit(): boolean;
  clearSelection(): void;
  undo(): void;
  redo(): void;
  run(cmd: Command, follow?: boolean): boolean;
  say(text: string, kind?: StatusKind): void;

  /** The text a cell shows (what a copy puts on the clipboard). */
  shownText(p: Pos): string;
  /** The selection's address, as the name box shows it. */
  selectionAddress(): string;
  copied(): Clip | undefined;
  /** Keeps what was copied and marks it on the sheet. */
  remember(clip: Clip): void;
  /** Forgets what was copied (a cut, once pasted). */
  forget(): void;
}

export type KeyboardGrid = Pick<
  GridControl,
  | 'root'
  | 'scroller'
  | 'activeSheet'
  | 'sel'
  | 'bounds'
  | 'modeAt'
  | 'filled'
  | 'used'
  | 'isListCell'
  | 'followLink'
  | 'showNextSheet'
  | 'focusNameBox'
  | 'select'
  | 'startEdit'
  | 'editInPlace'
  | 'commit'
  | 'cancel'
  | 'clearSelection'
  | 'undo'
  | 'redo'
>;

export type MouseGrid = Pick<
  GridControl,
  | 'scroller'
  | 'sel'
  | 'mode'
  | 'bounds'
  | 'isListCell'
  | 'followLink'
  | 'select'
  | 'focusGrid'
  | 'startEdit'
  | 'leaveEdit'
>;

export type ClipboardGrid = Pick<
  GridControl,
  | 'activeSheet'
  | 'sel'
  | 'hasKeys'
  | 'hasSheet'
  | 'run'
  | 'say'
  | 'shownText'
  | 'selectionAddress'
  | 'copied'
  | 'remember'
  | 'forget'
>;
