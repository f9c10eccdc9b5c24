/**
 * The preview's own sentences for a user: formulas it will not compute, undo steps it let go, the
 * workbook kept in this browser and brought back. Cells, the status line and the restore bar take their
 * words from here (test/unit/messages.test.ts keeps the guard, the history and the storage free of inline
 * sentences).
 */
import { groupThousands, listOf } from '../shared/core/messages';

/** A formula whose ranges (the largest named) together cover more cells than the preview computes. */
export function rangeTooLarge(ranges: string[], cells: number, budget: number): string {
  const covers = ranges.length === 1 ? 'covers' : 'cover';
  return `${listOf(ranges)} ${covers} ${groupThousands(cells)} cells: a formula in the preview may read at most ${groupThousands(budget)} cells (narrow the range to the rows and columns that hold data)`;
}

/** PREVIEW_REFUSED typed by hand around a formula the preview would compute. */
export const REFUSED_BY_HAND = 'PREVIEW_REFUSED marks a formula the preview did not compute: type the formula itself';

/** A function whose result would fill more cells than the preview spills. */
export function arrayTooLarge(call: string, cells: number, budget: number): string {
  return `${call} would fill ${groupThousands(cells)} cells: a result in the preview may fill at most ${groupThousands(budget)}`;
}

/** A text result longer than a cell holds. */
export function textTooLong(fn: string, chars: number, budget: number): string {
  return `${fn} would make a text of ${groupThousands(chars)} characters: a cell holds at most ${groupThousands(budget)} (as in Excel)`;
}

/** A formula longer than the preview reads. */
export function formulaTooLong(chars: number, budget: number): string {
  return `This formula is ${groupThousands(chars)} characters long: a formula may be at most ${groupThousands(budget)} (as in Excel)`;
}

/** The undo history is full: the oldest steps go (the last one named). */
export function undoDropped(limit: number, cells: number, label: string): string {
  return `Undo keeps the last ${groupThousands(limit)} steps (and ${groupThousands(cells)} cells of earlier contents): the oldest, "${label}", can no longer be undone.`;
}

/** Undo with nothing left: nothing was done, or the earlier steps were let go. */
export function nothingMoreToUndo(dropped: number, limit: number): string {
  if (dropped === 0) return 'Nothing to undo.';
  const steps = dropped === 1 ? 'the 1 step' : `the ${groupThousands(dropped)} steps`;
  return `Nothing more to undo: ${steps} before these were let go (undo keeps the last ${groupThousands(limit)}).`;
}

/** The page opened with the workbook kept in this browser. */
export function restored(savedAt: Date, sheets: number): string {
  const time = savedAt.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `Your workbook was brought back as it was at ${time} (${sheets === 1 ? '1 sheet' : `${sheets} sheets`}), kept in this browser.`;
}

export const START_FRESH = 'Start fresh';
export const START_FRESH_QUESTION =
  'Start with an empty workbook? The workbook kept in this browser is then forgotten (download it first to keep it).';
export const KEPT_NOTHING =
  'Could not bring back the workbook kept in this browser: it was unreadable, so the page starts empty.';

/** The workbook is too large for the browser's storage: it is not kept. */
export function tooLargeToKeep(bytes: number, budget: number): string {
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  return `The workbook (${mb(bytes)} MB) is too large to keep in this browser (at most ${mb(budget)} MB): download it to keep your changes.`;
}

/** The browser refused to store the workbook (storage full, private mode). */
export function couldNotKeep(reason: string): string {
  return `The browser did not keep the workbook (${reason}): download it to keep your changes.`;
}

/** REPT with a negative count (HyperFormula's own wording, kept where the guard replaces its REPT). */
export const NEGATIVE_COUNT = 'Count cannot be negative.';

export const CLOSE_NOTICE = 'Close this notice';

/** A result larger than the browser can hold (the engine ran out of room for a text or a list). */
export const TOO_BIG =
  'This result is larger than the browser can hold: make the formula read fewer cells or make a shorter text';

/** A copy or fill over more cells than the preview handles at once. */
export function selectionTooLarge(what: string, cells: number, budget: number): string {
  return `${what} covers ${groupThousands(cells)} cells: the preview copies and fills at most ${groupThousands(budget)} at a time (select the rows and columns that hold data)`;
}

/** A formula whose ranges, with those of the formulas before it in the same paste, cost the engine too much. */
export function blockTooLarge(budget: number): string {
  return `Together with the formulas before it in this paste, this formula's ranges cover more than ${groupThousands(budget)} cells, more than the preview computes at once: paste fewer rows of it at a time, or narrow its ranges`;
}

/** Shown while the page opens (a large workbook kept in the browser takes seconds to load). */
export const OPENING = 'Opening the workbook…';

// ---------------------------------------------------------------------------------------------
// The grid's status line and undo steps (preview/page/grid.ts and the modules beside it, clipboard.ts)

/** The first-run hint on the empty sheet: where to start (the formula is shown as code). */
export const START_HINT = {
  title: 'Start here. ',
  text: 'Pick a template in the task pane on the right (Full Strategy Workbook sets up everything) and press Insert — or click a cell and type, for example ',
  example: '=PRIORITY_SCORE(9,8,5,6)',
};

/** What a cell says about itself, or why what was typed there is refused: "B3: …". */
export function atCell(address: string, text: string): string {
  return `${address}: ${text}`;
}

/** A change that failed: its undo label and why. */
export function changeFailed(label: string, reason: string): string {
  return `${label}: ${reason}`;
}

export const KEEP_ONE_SHEET = 'A workbook keeps at least one sheet.';
export const NOTHING_TO_REDO = 'Nothing to redo.';
export const NOTHING_TO_PASTE = 'The clipboard holds nothing to paste.';

export const renamedSheet = (from: string, to: string): string => `Renamed "${from}" to "${to}". Ctrl+Z undoes it.`;
export const deletedSheet = (name: string): string => `Deleted the sheet "${name}". Ctrl+Z brings it back.`;
export const undid = (label: string): string => `Undid: ${label}.`;
export const redid = (label: string): string => `Redid: ${label}.`;
export const keepsFormula = (address: string): string => `${address} keeps its formula.`;
export const pasted = (where: string): string => `Pasted into ${where}. Ctrl+Z undoes it.`;

/** After a copy or a cut: what comes next. */
export function copiedRange(where: string, cut: boolean): string {
  return `${cut ? 'Cut' : 'Copied'} ${where}: select where it goes and press Ctrl+V (Esc forgets it).`;
}

/** The names of the grid's undo steps ("Undid: Edit B3."). */
export const STEP = {
  addSheet: 'Add sheet',
  renameSheet: (from: string): string => `Rename sheet ${from}`,
  deleteSheet: (name: string): string => `Delete sheet ${name}`,
  edit: (address: string): string => `Edit ${address}`,
  clear: (address: string): string => `Clear ${address}`,
  clearCells: 'Clear cells',
  paste: 'Paste',
  cutAndPaste: 'Cut and paste',
};

/** A column without a header or a label, as a refusal names it ("column D"). */
export const columnCalled = (letter: string): string => `column ${letter}`;

/** What a screen reader hears on the grid, and the delete dialog's button. */
export const GRID_LABELS = { sheet: 'Spreadsheet', cells: 'Sheet cells', deleteSheet: 'Delete' };

/** What a screen reader hears on the open editor. */
export function editorLabel(list: boolean, address: string): string {
  return `${list ? 'Choose a value for' : 'Edit'} ${address}`;
}

/** The answer that leaves things as they are, on every question the preview asks. */
export const CANCEL = 'Cancel';

/** The question asked before a computed cell's formula is replaced. */
export function overwriteQuestion(cell: string, column: string): { title: string; text: string; confirm: string } {
  return {
    title: `Replace the formula in ${cell}?`,
    text: `${column ? `"${column}" is` : 'This cell is'} calculated by the template. What you typed would replace its formula (Undo, Ctrl+Z, brings it back). Keep the formula to leave the cell as it is.`,
    confirm: 'Replace',
  };
}

/** Who would lose something if a sheet went: what the delete question names. */
export interface SheetUsers {
  /** Other sheets with a formula that reads the sheet or one of its names, in tab order. */
  sheets: string[];
  /** Workbook names whose range lies on the sheet. */
  names: string[];
}

const quote = (s: string): string => `"${s}"`;

/** The delete dialog's question and what will happen. */
export function deleteSheetQuestion(sheet: string, users: SheetUsers): { title: string; text: string } {
  const parts = ['Its cells and charts go with it.'];
  if (users.names.length > 0)
    parts.push(
      `So ${users.names.length === 1 ? 'does the name' : 'do the names'} ${listOf(users.names)} (drop-down lists that use ${users.names.length === 1 ? 'it' : 'them'} will be empty).`,
    );
  if (users.sheets.length > 0)
    parts.push(
      `Formulas on ${listOf(users.sheets.map(quote))} read this sheet: they will show #REF!, as in Excel and Google Sheets.`,
    );
  parts.push('Undo (Ctrl+Z) brings it all back.');
  return { title: `Delete the sheet "${sheet}"?`, text: parts.join(' ') };
}
