/**
 * The keyboard model of Excel and Google Sheets as one table: which action a key press means in each
 * mode of the grid. One key, one action: the page asks this once per key event and does only that.
 *
 *   ready  a cell is selected (no editor)
 *   enter  the user started typing over the cell: arrows commit and move
 *   edit   F2, double-click, Enter or the formula bar: arrows move the caret inside the text
 *   list   a drop-down of a list-validated cell, opened by Alt+Down or a click on its arrow (as in both
 *          hosts; never by Enter, which on a list cell or after a run of Tabs moves down): arrows choose
 *
 * Ctrl stands for Ctrl or Cmd. Copy, cut and paste are left to the browser ('pass'), which fires the
 * clipboard events the page handles.
 */
export type Mode = 'ready' | 'enter' | 'edit' | 'list';

export interface KeyInput {
  key: string;
  shift?: boolean;
  /** Ctrl on Windows/Linux or Cmd on macOS. */
  ctrl?: boolean;
  alt?: boolean;
}

export type Action =
  | { type: 'move'; dr: number; dc: number; extend: boolean }
  | { type: 'jump'; dr: number; dc: number; extend: boolean }
  | { type: 'page'; dr: number; extend: boolean }
  | { type: 'tab'; back: boolean }
  | { type: 'enter'; up: boolean }
  | { type: 'rowStart' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'selectAll' }
  | { type: 'edit'; enter?: true }
  | { type: 'openList' }
  | { type: 'sheet'; step: 1 | -1 }
  | { type: 'followLink' }
  | { type: 'goto' }
  | { type: 'type'; text: string }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'commit'; then: 'down' | 'up' | 'right' | 'left' | 'stay'; dr?: number; dc?: number }
  | { type: 'cancel' }
  | { type: 'toEdit' }
  | { type: 'pass' };

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** A key that types a character (not a shortcut). */
function printable(k: KeyInput): boolean {
  return k.key.length === 1 && !k.ctrl && !k.alt;
}

function undoRedo(k: KeyInput): Action | undefined {
  if (!k.ctrl || k.alt) return undefined;
  const key = k.key.toLowerCase();
  if (key === 'z') return { type: k.shift ? 'redo' : 'undo' };
  if (key === 'y') return { type: 'redo' };
  return undefined;
}

function readyNavigation(k: KeyInput): Action | undefined {
  const arrow = ARROWS[k.key];
  if (arrow) return { type: k.ctrl ? 'jump' : 'move', dr: arrow[0], dc: arrow[1], extend: !!k.shift };
  // Ctrl+PageDown / Ctrl+PageUp: the next / previous sheet (Excel; Google Sheets adds Shift).
  if ((k.key === 'PageDown' || k.key === 'PageUp') && k.ctrl && !k.alt)
    return { type: 'sheet', step: k.key === 'PageDown' ? 1 : -1 };
  if (k.key === 'PageDown' || k.key === 'PageUp')
    return { type: 'page', dr: k.key === 'PageDown' ? 1 : -1, extend: !!k.shift };
  if (k.key === 'Home') return k.ctrl ? { type: 'home' } : { type: 'rowStart' };
  if (k.key === 'End' && k.ctrl) return { type: 'end' };
  if (k.key === 'Tab') return { type: 'tab', back: !!k.shift };
  return undefined;
}

/** A cell is selected and no editor is open. */
function ready(k: KeyInput): Action {
  if (k.key === 'ArrowDown' && k.alt) return { type: 'openList' };
  // Alt+Enter opens the cell's link (Google Sheets' key), a Start Here step's sheet.
  if (k.key === 'Enter' && k.alt && !k.ctrl) return { type: 'followLink' };
  const nav = readyNavigation(k);
  if (nav) return nav;
  const history = undoRedo(k);
  if (history) return history;
  if (k.ctrl && k.key.toLowerCase() === 'a') return { type: 'selectAll' };
  // Ctrl+G: Excel's Go To, here the name box (type a cell or 'Sheet'!A1, Enter).
  if (k.ctrl && !k.alt && k.key.toLowerCase() === 'g') return { type: 'goto' };
  if (k.key === 'Enter') return k.shift ? { type: 'enter', up: true } : { type: 'edit', enter: true };
  if (k.key === 'F2') return { type: 'edit' };
  if (k.key === 'Delete' || k.key === 'Backspace') return { type: 'clear' };
  if (k.key === 'Escape') return { type: 'cancel' };
  if (printable(k)) return { type: 'type', text: k.key };
  return { type: 'pass' };
}

/** Keys that end an edit the same way in every editing mode. */
function committing(k: KeyInput): Action | undefined {
  if (k.key === 'Enter' && !k.alt) return { type: 'commit', then: k.shift ? 'up' : 'down' };
  if (k.key === 'Tab') return { type: 'commit', then: k.shift ? 'left' : 'right' };
  if (k.key === 'Escape') return { type: 'cancel' };
  return undefined;
}

/** What a key does in a mode. */
export function keyAction(k: KeyInput, mode: Mode): Action {
  if (mode === 'ready') return ready(k);
  const done = committing(k);
  if (done) return done;
  if (mode === 'enter') {
    const arrow = ARROWS[k.key];
    if (arrow && !k.shift && !k.ctrl && !k.alt) return { type: 'commit', then: 'stay', dr: arrow[0], dc: arrow[1] };
    if (k.key === 'F2') return { type: 'toEdit' };
  }
  return { type: 'pass' };
}
