/**
 * How many cells an operation on the selection may touch. The grid selects anything up to XFD40000 (the
 * corner, a header, the name box), but copying, filling or clearing 655 million cells would take the tab
 * down: a clear touches only the used part of the selection, and copy and fill refuse more than
 * SELECTION_BUDGET cells, saying so. No DOM here.
 */
import type { GridRect } from '../shared/a1/a1';
import { selectionTooLarge } from './messages';

/** Cells a copy or a fill may cover (a 40,000 × 14 table is 560,000). */
export const SELECTION_BUDGET = 1_000_000;

export function cellsIn(r: GridRect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The part of a rectangle inside a sheet's used area (rows and columns from A1), or undefined when none. */
export function withinUsed(r: GridRect, used: { rows: number; cols: number }): GridRect | undefined {
  const bottom = Math.min(r.bottom, used.rows - 1);
  const right = Math.min(r.right, used.cols - 1);
  return bottom < r.top || right < r.left ? undefined : { ...r, bottom, right };
}

/** Why an operation may not cover this rectangle, or undefined when it may. */
export function selectionProblem(what: string, r: GridRect): string | undefined {
  const cells = cellsIn(r);
  return cells > SELECTION_BUDGET ? selectionTooLarge(what, cells, SELECTION_BUDGET) : undefined;
}
