/**
 * Copy, cut and paste through the browser's clipboard events (Ctrl/Cmd+C, X, V), as tab-separated text
 * so ranges go to and from other applications. Copy puts the cells' shown texts on the clipboard, as
 * spreadsheets do. A paste of what this grid copied pastes the cells themselves (formulas, with relative
 * references shifted by the engine's copy and paste); anything else is read as typed values. A single
 * value pasted into a larger selection fills it. A cut is moved by the next paste. Each paste is one
 * undo step.
 */
import type { GridRect } from '../../shared/a1/a1';
import { compound, recorded, setCells, type Area, type Command } from '../commands';
import { fromClipboardText, toClipboardText } from '../clipboard-text';
import { rectContains, selectionRect } from '../selection';
import { selectionProblem } from '../selection-budget';
import type { PreviewWorkbook } from '../workbook';
import { copiedRange, NOTHING_TO_PASTE, pasted, STEP } from '../messages';
import type { Clip, ClipboardGrid as Grid } from './grid-control';

const sizeOf = (r: GridRect): { rows: number; cols: number } => ({
  rows: r.bottom - r.top + 1,
  cols: r.right - r.left + 1,
});

function shownBlock(grid: Grid, r: GridRect): string[][] {
  const rows: string[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: string[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(grid.shownText({ row, col }));
    rows.push(line);
  }
  return rows;
}

/** Where a block of `size` lands: at the selection, or filling it when one cell goes into a larger selection. */
function destination(grid: Grid, size: { rows: number; cols: number }): { rect: GridRect; tiles: boolean } {
  const sel = selectionRect(grid.sel);
  if (size.rows === 1 && size.cols === 1 && (sel.bottom > sel.top || sel.right > sel.left))
    return { rect: sel, tiles: true };
  return {
    rect: { top: sel.top, left: sel.left, bottom: sel.top + size.rows - 1, right: sel.left + size.cols - 1 },
    tiles: false,
  };
}

function copy(grid: Grid, e: ClipboardEvent, cut: boolean): void {
  const rect = selectionRect(grid.sel);
  const problem = selectionProblem(cut ? 'This cut' : 'This copy', rect);
  if (problem) return (e.preventDefault(), grid.say(problem, 'error'));
  const text = toClipboardText(shownBlock(grid, rect));
  e.clipboardData?.setData('text/plain', text);
  e.preventDefault();
  grid.remember({ sheet: grid.activeSheet, rect, text, cut });
  grid.say(copiedRange(grid.selectionAddress(), cut));
}

/** The grid's own cells, pasted by the engine (formulas follow, as in a spreadsheet). */
function pasteCells(grid: Grid, clip: Clip): Command {
  const dest = destination(grid, sizeOf(clip.rect));
  const problem = selectionProblem('This paste', dest.rect);
  if (problem) return refused(STEP.paste, problem);
  const target: Area = { sheet: grid.activeSheet, rect: dest.rect };
  const areas = clip.cut ? [target, { sheet: clip.sheet, rect: clip.rect }] : [target];
  return recorded(clip.cut ? STEP.cutAndPaste : STEP.paste, areas, (wb) => {
    const src = wb.sheetId(clip.sheet);
    wb.hf.copy({
      start: { sheet: src, row: clip.rect.top, col: clip.rect.left },
      end: { sheet: src, row: clip.rect.bottom, col: clip.rect.right },
    });
    const at = wb.sheetId(grid.activeSheet);
    const step = sizeOf(clip.rect);
    // The engine's paste reads its clipboard at once: it cannot run inside a suspended batch.
    for (let row = dest.rect.top; row <= dest.rect.bottom; row += step.rows)
      for (let col = dest.rect.left; col <= dest.rect.right; col += step.cols) wb.hf.paste({ sheet: at, row, col });
    if (clip.cut) wb.hf.batch(() => clearOutside(wb, clip, target));
  });
}

/** A cut leaves its source empty, except where the paste landed on it. */
function clearOutside(wb: PreviewWorkbook, clip: Clip, target: Area): void {
  const id = wb.sheetId(clip.sheet);
  for (let row = clip.rect.top; row <= clip.rect.bottom; row++)
    for (let col = clip.rect.left; col <= clip.rect.right; col++)
      if (target.sheet !== clip.sheet || !rectContains(target.rect, { row, col }))
        wb.hf.setCellContents({ sheet: id, row, col }, null);
}

/** A paste that does not happen: running it says why (the grid shows a command's failure in the status line). */
function refused(label: string, problem: string): Command {
  return {
    label,
    apply() {
      throw new Error(problem);
    },
  };
}

/** Text from elsewhere: each cell read as if typed. */
function pasteText(grid: Grid, text: string): Command | undefined {
  const rows = fromClipboardText(text);
  if (rows.length === 0) return undefined;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const block = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  const dest = destination(grid, { rows: block.length, cols: width });
  const problem = selectionProblem('This paste', dest.rect);
  if (problem) return refused(STEP.paste, problem);
  const fill = dest.tiles
    ? Array.from({ length: sizeOf(dest.rect).rows }, () => Array<string>(sizeOf(dest.rect).cols).fill(block[0][0]))
    : block;
  return setCells(STEP.paste, grid.activeSheet, dest.rect.top, dest.rect.left, fill);
}

function paste(grid: Grid, e: ClipboardEvent): void {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  e.preventDefault();
  const clip = grid.copied();
  const own = clip && grid.hasSheet(clip.sheet) && text.replace(/\r\n/g, '\n').replace(/\n$/, '') === clip.text;
  const cmd = own ? pasteCells(grid, clip) : pasteText(grid, text);
  if (!cmd) return grid.say(NOTHING_TO_PASTE);
  if (grid.run(compound(cmd.label, [cmd]))) {
    if (own && clip.cut) grid.forget();
    grid.say(pasted(grid.selectionAddress()), 'ok');
  }
}

export function attachClipboard(grid: Grid): void {
  const mine = (): boolean => grid.hasKeys();
  document.addEventListener('copy', (e) => mine() && copy(grid, e, false));
  document.addEventListener('cut', (e) => mine() && copy(grid, e, true));
  document.addEventListener('paste', (e) => mine() && paste(grid, e));
}
