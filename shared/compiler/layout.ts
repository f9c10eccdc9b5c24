/**
 * The layout phase of the compiler: where each column, side-block value and hidden helper of a sheet goes
 * (see spec.ts for the block's shape). Formulas, other sheets and charts address cells through a SheetLayout.
 */
import { colLetter } from '../a1/a1';
import type { SheetSpec } from '../spec/spec';

/** Where everything of a sheet ended up: used by formulas, by other sheets and by chart compilation. */
export interface SheetLayout {
  key: string;
  rows: number;
  /** 1-based sheet row of the first and last data row. */
  firstRow: number;
  lastRow: number;
  /** Column letter of each column key. */
  letters: Record<string, string>;
  /** Absolute data range of each column key, e.g. "$C$2:$C$51". */
  dataRange: Record<string, string>;
  /** Absolute reference of each side-block value, e.g. "$P$2". */
  side: Record<string, string>;
  /** Side block label and value column letters (when there is a side block). */
  sideLabelLetter?: string;
  sideValueLetter?: string;
  /** 1-based sheet row of the side block's first item (its header is the row above). */
  sideFirstRow: number;
  /** Number of visible table columns (A.. up to the last visible column). */
  visibleCount: number;
  /** Total width of the block in columns. */
  width: number;
  /** 0-based index of each column key. */
  index: Record<string, number>;
  /** 0-based indexes of hidden helper columns. */
  hidden: number[];
  /** 0-based indexes of the visible columns beside the side block (ColumnSpec.beside), outside the table. */
  beside: number[];
}

/** Places `columns` from `next` on (after one spacer column); returns the next free column. */
function place(columns: readonly { key: string }[], next: number, index: Record<string, number>, at: number[]): number {
  if (columns.length === 0) return next;
  let n = next + 1;
  for (const c of columns) {
    index[c.key] = n;
    at.push(n);
    n += 1;
  }
  return n;
}

export function layoutSheet(s: SheetSpec): SheetLayout {
  const visible = s.columns.filter((c) => !c.hidden && !c.beside);
  const besides = s.columns.filter((c) => !c.hidden && c.beside);
  const helpers = s.columns.filter((c) => c.hidden);
  const index: Record<string, number> = {};
  visible.forEach((c, i) => (index[c.key] = i));
  let next = visible.length;
  let sideLabel: number | undefined;
  let sideValue: number | undefined;
  const below = s.sidePlacement === 'below';
  if (s.side && s.side.length > 0) {
    // Right of the table (one spacer column), or under its first two columns after one blank row.
    sideLabel = below ? 0 : next + 1;
    sideValue = below ? 1 : next + 2;
    if (!below) next += 3;
  }
  const beside: number[] = [];
  next = place(besides, next, index, beside);
  const hidden: number[] = [];
  next = place(helpers, next, index, hidden);
  const firstRow = 2;
  const lastRow = 1 + s.rows;
  const letters: Record<string, string> = {};
  const dataRange: Record<string, string> = {};
  for (const c of s.columns) {
    const L = colLetter(index[c.key]);
    letters[c.key] = L;
    dataRange[c.key] = `$${L}$${firstRow}:$${L}$${lastRow}`;
  }
  const sideFirstRow = below ? lastRow + 3 : 2;
  const side: Record<string, string> = {};
  (s.side ?? []).forEach((item, i) => {
    side[item.key] = `$${colLetter(sideValue!)}$${sideFirstRow + i}`;
  });
  return {
    key: s.key,
    rows: s.rows,
    firstRow,
    lastRow,
    letters,
    dataRange,
    side,
    sideLabelLetter: sideLabel === undefined ? undefined : colLetter(sideLabel),
    sideValueLetter: sideValue === undefined ? undefined : colLetter(sideValue),
    sideFirstRow,
    visibleCount: visible.length,
    width: next,
    index,
    hidden,
    beside,
  };
}
