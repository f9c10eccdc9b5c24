/**
 * What the name box understands, as in Excel and Google Sheets: a cell ("A2", "$C$5"), a range
 * ("B2:D5"), either on another sheet ("Roadmap!C5", "'Q1 plan'!A1"), or a workbook name
 * ("ThemeNames"). Returns the sheet and 0-based rectangle to select, or a sentence saying what is wrong.
 */
import { colIndex, type GridRect } from '../shared/a1/a1';

/**
 * The largest cell the preview's grid goes to: the engine's sheet rows (HyperFormula's maxRows) and
 * Excel's last column, XFD (the grid draws only what is on screen, so any of them is quick to show).
 */
export const MAX_ROWS = 40000;
export const MAX_COLS = 16384; // XFD

export type GotoTarget = { ok: true; sheet: string; rect: GridRect } | { ok: false; error: string };

export interface GotoContext {
  /** The sheet shown now (a reference without a sheet is on it). */
  sheet: string;
  sheetNames: readonly string[];
  /** The formula of a workbook name (`='Strategic Themes'!$A$2:$A$51`), undefined when there is no such name. */
  nameFormula: (name: string) => string | undefined;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function cell(text: string): { row: number; col: number } | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
}

function rect(local: string): GridRect | undefined {
  const [a, b = a, extra] = local.split(':');
  if (extra !== undefined) return undefined;
  const p = cell(a.trim());
  const q = cell(b.trim());
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col),
    right: Math.max(p.col, q.col),
  };
}

/** Splits "'Q1 plan'!A1" into its sheet and local parts (sheet undefined without "!"). */
function split(text: string): { sheet?: string; local: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { local: text };
  let sheet = text.slice(0, bang).trim();
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: text.slice(bang + 1).trim() };
}

const HOW = 'type a cell like A2, a range like B2:D5, or a sheet and cell like Roadmap!C5';

function within(r: GridRect): boolean {
  return r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLS;
}

/** Where the name box text points. */
export function gotoTarget(text: string, ctx: GotoContext): GotoTarget {
  const typed = text.trim().replace(/^=/, '');
  if (typed === '') return { ok: false, error: `The name box is empty: ${HOW}.` };
  const named = /^[A-Za-z_][\w.]*$/.test(typed) && !CELL.test(typed) ? ctx.nameFormula(typed) : undefined;
  const { sheet, local } = split(named ? named.replace(/^=/, '') : typed);
  const sheetName =
    sheet === undefined ? ctx.sheet : ctx.sheetNames.find((n) => n.toLowerCase() === sheet.toLowerCase());
  if (sheetName === undefined) return { ok: false, error: `There is no sheet called "${sheet}" in this workbook.` };
  const r = rect(local);
  if (!r) return { ok: false, error: `"${typed}" is not a cell, a range or a name here: ${HOW}.` };
  if (!within(r))
    return { ok: false, error: `"${typed}" is outside the preview's grid (rows 1 to ${MAX_ROWS}, columns A to XFD).` };
  return { ok: true, sheet: sheetName, rect: r };
}

/**
 * Where a link in this workbook goes: `=HYPERLINK("#'Roadmap'!A1", "Roadmap")` → `'Roadmap'!A1` (Start Here's
 * links, as Excel follows them). Undefined for any other cell, and for links out of the workbook.
 */
export function linkLocation(input: string): string | undefined {
  const m = /^=HYPERLINK\(\s*"#((?:[^"]|"")+)"/i.exec(input.trim());
  return m ? m[1].replace(/""/g, '"') : undefined;
}
