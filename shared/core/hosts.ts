/**
 * What each host does with a core result, kept pure so tests and the parity check can use it.
 * Sheets has no per-cell error object: a single-cell result that is an error is thrown as an
 * Error (the cell shows #ERROR! with the message); in a multi-cell result the bad cell gets
 * the error text ("#VALUE! Impact must be …") and the other rows keep their values.
 */
import { isCellError, type CellError, type Result } from './values';

export type SheetsValue = number | string;

/** Converts a result grid for Apps Script: a scalar for one cell, a 2-D array otherwise. Throws for a one-cell error. */
export function toSheets(grid: Result[][]): SheetsValue | SheetsValue[][] {
  if (grid.length === 1 && grid[0].length === 1) {
    const only = grid[0][0];
    if (isCellError(only)) throw new Error(only.message);
    return only;
  }
  return grid.map((row) => row.map((r) => (isCellError(r) ? errorText(r) : r)));
}

/** The visible text for an error inside a spilled Sheets result. */
export function errorText(e: CellError): string {
  return `${e.code} ${e.message}`;
}
