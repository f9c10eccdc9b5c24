/**
 * Which rows and columns of a sheet the grid draws: those on screen plus a margin, so a sheet of 40,000
 * rows keeps a table of a hundred (the paste drew every row: 0.7 s an arrow key). Positions are
 * the nominal sizes (rows grown by wrapped text are measured where drawn); frozen rows and columns are
 * always drawn. Pure arithmetic, no DOM: sheet-view.ts draws, tests check the numbers.
 */

/** Offsets of items of known sizes (row heights, column widths): prefix sums, searched by halving. */
export class Offsets {
  private readonly starts: Float64Array;

  constructor(
    sizes: ArrayLike<number>,
    /** Where the first item starts (the column headers above row 1, the row headers left of column A). */
    readonly base = 0,
  ) {
    this.starts = new Float64Array(sizes.length + 1);
    for (let i = 0; i < sizes.length; i++) this.starts[i + 1] = this.starts[i] + sizes[i];
  }

  get count(): number {
    return this.starts.length - 1;
  }

  /** Where item i starts; i = count is where the last one ends. */
  at(i: number): number {
    return this.base + this.starts[Math.max(0, Math.min(i, this.count))];
  }

  /** Pixels between the start of item `from` and the start of item `to`. */
  between(from: number, to: number): number {
    return this.at(to) - this.at(from);
  }

  /** The item at a position (the last one past the end). */
  indexAt(px: number): number {
    let lo = 0;
    let hi = this.count - 1;
    const p = px - this.base;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }
}

/** Items drawn after the frozen ones: [from, to). */
export interface Span {
  from: number;
  to: number;
}

/** Items always drawn whole when there are no more than this many (small sheets keep every cell in the page). */
export const DRAW_ALL_ROWS = 300;
export const DRAW_ALL_COLS = 60;
/** Items drawn beyond each edge of the screen. */
export const ROW_MARGIN = 40;
export const COL_MARGIN = 8;

/**
 * The items on screen, after the frozen ones: what is scrolled past `scroll` (the frozen items stick over
 * the first `frozenPx` of the screen) within `screen` pixels.
 */
export function visibleSpan(o: Offsets, frozen: number, scroll: number, screen: number): Span {
  const frozenPx = o.between(0, frozen);
  const first = Math.max(frozen, o.indexAt(o.base + frozenPx + scroll));
  const last = Math.max(first, o.indexAt(scroll + Math.max(screen, 1)));
  return { from: first, to: Math.min(o.count, last + 1) };
}

/** The span to draw: everything when few, else the visible items and a margin each side. */
export function drawnSpan(o: Offsets, frozen: number, visible: Span, allUpTo: number, margin: number): Span {
  if (o.count <= allUpTo) return { from: frozen, to: o.count };
  return { from: Math.max(frozen, visible.from - margin), to: Math.min(o.count, visible.to + margin) };
}

/** Whether a drawn span still holds everything visible (no need to draw again). */
export function holds(drawn: Span, visible: Span): boolean {
  return drawn.from <= visible.from && visible.to <= drawn.to;
}

/**
 * Scrolling by whole columns and rows, as both hosts scroll (issue #18, item 7: a frozen column never clips the
 * next one). `starts` are the scroll offsets at which an item begins exactly at the frozen edge, ascending; the
 * result is the one nearest `scroll` (`'nearest'`, after a wheel or drag), or the first at or after it (`'after'`,
 * when the grid scrolls to show a cell at the bottom or right edge: the item half hidden at the frozen edge goes).
 */
export function snapScroll(starts: readonly number[], scroll: number, mode: 'nearest' | 'after' = 'nearest'): number {
  if (starts.length === 0) return scroll;
  let lo = 0;
  let hi = starts.length - 1;
  // The first start at or after the scroll (the last one when the scroll is past every start).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] >= scroll) hi = mid;
    else lo = mid + 1;
  }
  const after = starts[lo];
  if (mode === 'after' || lo === 0 || after < scroll) return after < scroll ? scroll : after;
  const before = starts[lo - 1];
  return scroll - before < after - scroll ? before : after;
}
