/**
 * The one A1 module: cells and ranges (1-based, as the hosts count), sheet-qualified references
 * (`'Roadmap (2)'!A2:A9`), 0-based grid rectangles for array loops, and runs of columns (one host
 * call per run of equal widths or hidden columns, never one per column). Pure: no host calls.
 */
import { maxOf, minOf } from '../core/extremes';

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

/** Splits `'Roadmap (2)'!A2:A9` into the unquoted sheet name and the local address. */
export function splitSheetRef(ref: string): { sheet?: string; local: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { local: ref.trim() };
  let sheet = ref.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: ref.slice(bang + 1).trim() };
}

/** A rectangle (1-based, inclusive) with its sheet when the reference names one. */
export function parseSheetRange(ref: string): RangeRef & { sheet?: string } {
  const { sheet, local } = splitSheetRef(ref);
  return { ...parseRange(local.replace(/^=/, '')), sheet };
}

/** Consecutive entries with the same value: [100,100,80] → [{start:0,count:2,value:100},{start:2,count:1,value:80}]. */
export function runs<T>(values: readonly T[]): Array<{ start: number; count: number; value: T }> {
  const out: Array<{ start: number; count: number; value: T }> = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && last.value === v) last.count++;
    else out.push({ start: i, count: 1, value: v });
  });
  return out;
}

/** Indexes → runs of consecutive indexes: [2,3,5] → [{start:2,count:2},{start:5,count:1}]. */
export function indexRuns(indexes: readonly number[]): Array<{ start: number; count: number }> {
  const out: Array<{ start: number; count: number }> = [];
  for (const i of [...new Set(indexes)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last.start + last.count === i) last.count++;
    else out.push({ start: i, count: 1 });
  }
  return out;
}

/** The smallest rectangle holding all of them (undefined for none). */
export function boundingBox(ranges: readonly RangeRef[]): RangeRef | undefined {
  if (ranges.length === 0) return undefined;
  return {
    top: minOf(ranges.map((r) => r.top)),
    left: minOf(ranges.map((r) => r.left)),
    bottom: maxOf(ranges.map((r) => r.bottom)),
    right: maxOf(ranges.map((r) => r.right)),
  };
}

/** A rectangle counted from 0, as array loops (the preview grid, ExcelJS row/column loops) count. */
export type GridRect = RangeRef;

/** "B2:D51" (or "B2", "$B$2:$D$51", "'Sheet'!B2") → 0-based corners: "A1" is { top: 0, left: 0, … }. */
export function gridRect(a1: string): GridRect {
  const r = parseSheetRange(a1.trim());
  return { top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 };
}
