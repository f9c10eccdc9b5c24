/**
 * Row heights for wrapped text. Spreadsheet programs do not grow a row for wrapped text when they
 * open a file (LibreOffice 7.4 and Excel keep the default height, so a three-line ADR context spills
 * over the rows below it, on screen and on paper): the writer sets the height each row with wrapped
 * text needs, measured with Arial's advance widths (the sheets' font). Pure.
 */
import type { SheetPlan } from '../shared/plan/plan';
import { gridRect } from '../shared/a1/a1';

/** Arial advance widths in thousandths of an em (regular weight), for the printable ASCII range. */
// prettier-ignore
const ARIAL: Record<string, number> = {
  ' ': 278, '!': 278, '"': 355, '#': 556, $: 556, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333, '*': 389,
  '+': 584, ',': 278, '-': 333, '.': 278, '/': 278, ':': 278, ';': 278, '<': 584, '=': 584, '>': 584, '?': 556,
  '@': 1015, A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556,
  M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  '[': 278, '\\': 278, ']': 278, '^': 469, _: 556, '`': 333, a: 556, b: 556, c: 500, d: 556, e: 556, f: 278,
  g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278,
  u: 556, v: 500, w: 722, x: 500, y: 500, z: 500, '{': 334, '|': 260, '}': 334, '~': 584,
};
/** Digits all advance the same. */
const DIGIT = 556;
/** Characters outside the table (accents, dashes, arrows): a typical lowercase width. */
const OTHER = 556;
/** Bold Arial is about 8% wider. */
const BOLD = 1.08;
/** Arial 10 pt at 96 dpi: 13.33 px to the em. */
const EM_PX = (10 * 96) / 72;
/** Excel's cell padding, both sides together. */
const PADDING_PX = 7;
/** Line height of Arial 10 in points (Excel's row height for that font). */
export const LINE_PT = 12.75;
/** The default row height of the workbook (Arial 10 default style), in points. */
export const DEFAULT_ROW_PT = LINE_PT;

/** Width of a text in Arial 10, in pixels. */
export function textPx(s: string, bold = false): number {
  let units = 0;
  for (const ch of s) units += ch >= '0' && ch <= '9' ? DIGIT : (ARIAL[ch] ?? OTHER);
  return ((units / 1000) * EM_PX * (bold ? BOLD : 1)) | 0;
}

/** Lines a text needs in a column of `widthPx` when wrapped at spaces (line breaks kept). */
export function wrappedLines(value: string, widthPx: number, bold = false): number {
  const room = Math.max(widthPx - PADDING_PX, 1);
  const space = textPx(' ', bold);
  let total = 0;
  for (const paragraph of value.split('\n')) {
    let lines = 0;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = textPx(word, bold);
      if (lines > 0 && used + space + w <= room) used += space + w;
      else {
        // A new line; a word wider than the column breaks over several.
        const n = Math.max(1, Math.ceil(w / room));
        lines += n;
        used = w - (n - 1) * room;
      }
    }
    total += Math.max(lines, 1);
  }
  return total;
}

const toggle = (set: Set<string>, key: string, on: boolean): void => {
  if (on) set.add(key);
  else set.delete(key);
};

/** Cells whose text wraps, and which of them are bold, from the sheet's formats (later formats win). */
function wrapGrid(s: SheetPlan): { wrap: Set<string>; bold: Set<string> } {
  const wrap = new Set<string>();
  const bold = new Set<string>();
  for (const f of s.formats) {
    if (f.style.wrap === undefined && f.style.bold === undefined) continue;
    const r = gridRect(f.range);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const key = `${row},${col}`;
        if (f.style.wrap !== undefined) toggle(wrap, key, f.style.wrap);
        if (f.style.bold !== undefined) toggle(bold, key, f.style.bold);
      }
  }
  return { wrap, bold };
}

/**
 * Height in points (1-based row → pt) of every row whose typed, wrapped text needs more than one
 * line; formulas are left to the program (their text is not known when the file is written).
 */
export function wrappedRowHeights(s: SheetPlan, maxLines = 8): Map<number, number> {
  const { wrap, bold } = wrapGrid(s);
  const hidden = new Set(s.hiddenColumns ?? []);
  const heights = new Map<number, number>();
  s.cells.forEach((row, r) => {
    let lines = 1;
    row.forEach((v, c) => {
      const key = `${r},${c}`;
      if (typeof v !== 'string' || v.startsWith('=') || hidden.has(c) || !wrap.has(key)) return;
      lines = Math.max(lines, wrappedLines(v, s.columnWidths[c] ?? 64, bold.has(key)));
    });
    if (lines > 1) heights.set(r + 1, Math.max(DEFAULT_ROW_PT, Math.min(lines, maxLines) * LINE_PT + 3));
  });
  return heights;
}
