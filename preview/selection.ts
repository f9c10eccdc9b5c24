/**
 * The grid's selection as a spreadsheet keeps it, without any DOM: an anchor cell (where the selection
 * started, the active cell) and a focus cell (the other corner), plus the column where a run of Tab
 * presses began, so Enter returns there on the next row (Excel and Google Sheets do this when filling a
 * table row by row). Cells are 0-based; hidden columns are skipped by every move.
 */
import type { GridRect } from '../shared/a1/a1';

export interface Pos {
  row: number;
  col: number;
}

export interface Selection {
  /** The active cell: edited by typing, shown in the name box. */
  anchor: Pos;
  /** The opposite corner of the selected range (the anchor itself for one cell). */
  focus: Pos;
  /** Column where the current run of Tab moves began (Enter goes back to it), if any. */
  tabStart?: number;
}

/** What a move may reach: how many rows, and which columns are shown (hidden helper columns are not). */
export interface Bounds {
  rows: number;
  cols: readonly number[];
}

export function single(p: Pos): Selection {
  return { anchor: { ...p }, focus: { ...p } };
}

/** The selected rectangle (0-based, inclusive). */
export function selectionRect(s: Selection): GridRect {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    bottom: Math.max(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    right: Math.max(s.anchor.col, s.focus.col),
  };
}

export function rectContains(r: GridRect, p: Pos): boolean {
  return p.row >= r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
}

/** A cell moved by (dr, dc) shown columns and rows, kept inside the bounds. */
export function step(p: Pos, dr: number, dc: number, b: Bounds): Pos {
  const i = b.cols.indexOf(p.col);
  const at = i < 0 ? b.cols.findIndex((c) => c >= p.col) : i;
  const j = Math.max(0, Math.min(b.cols.length - 1, (at < 0 ? b.cols.length - 1 : at) + dc));
  return { row: Math.max(0, Math.min(b.rows - 1, p.row + dr)), col: b.cols[j] ?? 0 };
}

/** Arrow keys: move the active cell (one cell selected), or with Shift extend the range from the anchor. */
export function moveBy(s: Selection, dr: number, dc: number, b: Bounds, extend = false): Selection {
  if (extend) return { anchor: s.anchor, focus: step(s.focus, dr, dc, b) };
  return single(step(s.anchor, dr, dc, b));
}

/** Tab / Shift+Tab: one cell right or left; the first Tab of a run remembers its column. */
export function tab(s: Selection, back: boolean, b: Bounds): Selection {
  const tabStart = s.tabStart ?? s.anchor.col;
  return { ...single(step(s.anchor, 0, back ? -1 : 1, b)), tabStart };
}

/** Enter / Shift+Enter: down or up one row; after a run of Tabs, down into the column where the run began. */
export function enter(s: Selection, up: boolean, b: Bounds): Selection {
  const col = !up && s.tabStart !== undefined ? s.tabStart : s.anchor.col;
  return single(step({ row: s.anchor.row, col }, up ? -1 : 1, 0, b));
}

/**
 * Ctrl+arrow: to the edge of the block of filled cells, as spreadsheets do: from a filled cell whose
 * neighbour is filled, to the last filled cell before a blank; otherwise to the next filled cell, or
 * to the sheet's edge when there is none.
 */
export function jump(p: Pos, dr: number, dc: number, b: Bounds, filled: (p: Pos) => boolean): Pos {
  let cur = p;
  let next = step(cur, dr, dc, b);
  if (next.row === cur.row && next.col === cur.col) return cur;
  if (filled(cur) && filled(next)) {
    while (filled(next)) {
      cur = next;
      next = step(cur, dr, dc, b);
      if (next.row === cur.row && next.col === cur.col) return cur;
    }
    return cur;
  }
  while (!filled(next)) {
    cur = next;
    next = step(cur, dr, dc, b);
    if (next.row === cur.row && next.col === cur.col) return cur;
  }
  return next;
}

/** The selection covering a rectangle, its top-left cell active. */
export function selectRect(r: GridRect): Selection {
  return { anchor: { row: r.top, col: r.left }, focus: { row: r.bottom, col: r.right } };
}

/**
 * The block of filled cells around a cell (Excel's "current region"): grows the rectangle while a
 * filled cell touches any of its sides, diagonals included. A lone cell stays itself.
 */
export function currentRegion(p: Pos, filled: (p: Pos) => boolean, limit: { rows: number; cols: number }): GridRect {
  const r: GridRect = { top: p.row, bottom: p.row, left: p.col, right: p.col };
  const any = (rows: [number, number], cols: [number, number]): boolean => {
    for (let row = Math.max(rows[0], 0); row <= Math.min(rows[1], limit.rows - 1); row++)
      for (let col = Math.max(cols[0], 0); col <= Math.min(cols[1], limit.cols - 1); col++)
        if (filled({ row, col })) return true;
    return false;
  };
  for (let grew = true; grew;) {
    const rows: [number, number] = [r.top - 1, r.bottom + 1];
    const cols: [number, number] = [r.left - 1, r.right + 1];
    const up = r.top > 0 && any([r.top - 1, r.top - 1], cols);
    const down = r.bottom < limit.rows - 1 && any([r.bottom + 1, r.bottom + 1], cols);
    const left = r.left > 0 && any(rows, [r.left - 1, r.left - 1]);
    const right = r.right < limit.cols - 1 && any(rows, [r.right + 1, r.right + 1]);
    r.top -= up ? 1 : 0;
    r.bottom += down ? 1 : 0;
    r.left -= left ? 1 : 0;
    r.right += right ? 1 : 0;
    grew = up || down || left || right;
  }
  return r;
}
