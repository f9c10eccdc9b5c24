/** A1 notation helpers shared by the chart compiler and the host chart executors. Pure. */

/** 0-based column index → letters: 0 → "A", 25 → "Z", 26 → "AA". */
export function colLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index: "A" → 0, "AA" → 26. */
export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell, 1-based row and column as the hosts count them. */
export interface CellRef {
  row: number;
  col: number;
}

/** A rectangle, 1-based, inclusive. */
export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/;

/** "H2" or "$H$2" → { row: 2, col: 8 }. Throws on anything else (plans are compiled, not typed by users). */
export function parseCell(a1: string): CellRef {
  const m = CELL.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 cell reference: "${a1}"`);
  return { row: Number(m[2]), col: colIndex(m[1]) + 1 };
}

/** "C2:C51" (or a single cell) → its rectangle. */
export function parseRange(a1: string): RangeRef {
  const [a, b] = a1.split(':');
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** 1-based row/col → "H2". */
export function cellA1(row: number, col: number): string {
  return `${colLetter(col - 1)}${row}`;
}

/** A rectangle → "C2:C51". */
export function rangeA1(r: RangeRef): string {
  const a = cellA1(r.top, r.left);
  const b = cellA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

export function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
