/**
 * The grid's one key handler: it asks the key table (../keymap.ts) what a key means in the current mode
 * and does exactly that, then stops the event, so no key is handled twice (the bug where Tab moved two
 * columns: the editor committed and moved, then the grid moved again).
 */
import type { Action, KeyInput } from '../keymap';
import { keyAction } from '../keymap';
import { enter, jump, moveBy, single, step, tab, type Selection } from '../selection';
import type { KeyboardGrid as Grid } from './grid-control';

/** Rows a PageDown / PageUp moves. */
const PAGE_ROWS = 20;

export function attachKeyboard(grid: Grid): void {
  grid.root.addEventListener('keydown', (e) => {
    const ev = e as KeyboardEvent;
    const mode = grid.modeAt(ev.target);
    if (mode === undefined || ev.isComposing) return;
    const input: KeyInput = { key: ev.key, shift: ev.shiftKey, ctrl: ev.ctrlKey || ev.metaKey, alt: ev.altKey };
    const action = keyAction(input, mode);
    if (action.type === 'pass') return;
    ev.preventDefault();
    ev.stopPropagation();
    perform(grid, action);
  });
}

/** The cell a selection move starts from: the focus corner when extending, the active cell otherwise. */
function moved(grid: Grid, dr: number, dc: number, extend: boolean): Selection {
  return moveBy(grid.sel, dr, dc, grid.bounds(), extend);
}

function navigate(grid: Grid, action: Action): Selection | undefined {
  const b = grid.bounds();
  const s = grid.sel;
  switch (action.type) {
    case 'move':
      return moved(grid, action.dr, action.dc, action.extend);
    case 'jump': {
      const to = jump(action.extend ? s.focus : s.anchor, action.dr, action.dc, b, (p) => grid.filled(p));
      return action.extend ? { anchor: s.anchor, focus: to } : single(to);
    }
    case 'page':
      return moved(grid, action.dr * PAGE_ROWS, 0, action.extend);
    case 'tab':
      return tab(s, action.back, b);
    case 'enter':
      return enter(s, action.up, b);
    case 'rowStart':
      return single({ row: s.anchor.row, col: b.cols[0] });
    case 'home':
      return single({ row: 0, col: b.cols[0] });
    case 'end': {
      const d = grid.used();
      return single(step({ row: Math.max(d.rows - 1, 0), col: Math.max(d.cols - 1, 0) }, 0, 0, b));
    }
    case 'selectAll': {
      const d = grid.used();
      return {
        anchor: { row: 0, col: b.cols[0] },
        focus: step({ row: Math.max(d.rows, 1) - 1, col: Math.max(d.cols, 1) - 1 }, 0, 0, b),
      };
    }
    default:
      return undefined;
  }
}

/**
 * Enter with no editor open moves down instead of editing on a list cell (both hosts open a drop-down
 * only with Alt+Down or a click on its arrow) and after a run of Tabs (the row is done: back to the
 * run's first column on the next row), so what is typed next never lands in the wrong cell.
 */
function enterMoves(grid: Grid): boolean {
  return grid.sel.tabStart !== undefined || grid.isListCell(grid.sel.anchor);
}

function edit(grid: Grid, action: Action): boolean {
  switch (action.type) {
    case 'edit':
      if (action.enter && enterMoves(grid)) grid.select(enter(grid.sel, false, grid.bounds()));
      else grid.startEdit('edit');
      return true;
    case 'openList':
      grid.startEdit('list');
      return true;
    case 'type':
      grid.startEdit('type', action.text);
      return true;
    case 'commit':
      grid.commit(action.then, action.dr, action.dc);
      return true;
    case 'cancel':
      grid.cancel();
      return true;
    case 'toEdit':
      grid.editInPlace();
      return true;
    default:
      return false;
  }
}

export function perform(grid: Grid, action: Action): void {
  if (edit(grid, action)) return;
  if (action.type === 'clear') return grid.clearSelection();
  if (action.type === 'undo') return grid.undo();
  if (action.type === 'redo') return grid.redo();
  if (action.type === 'sheet') return grid.showNextSheet(action.step);
  if (action.type === 'followLink') return void grid.followLink(grid.sel.anchor);
  if (action.type === 'goto') return grid.focusNameBox();
  const next = navigate(grid, action);
  if (!next) return;
  // Ctrl+Home and Home show the sheet from its start, as in Excel: the columns right of a frozen column A no longer
  // stay scrolled away (after typing a row, Ctrl+Home showed A, then D…: B and C looked gone).
  if (action.type === 'home') grid.scroller.scrollTo(0, 0);
  if (action.type === 'rowStart') grid.scroller.scrollLeft = 0;
  grid.select(next);
}
