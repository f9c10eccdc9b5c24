/**
 * What deleting a sheet breaks, said before it happens: the other sheets whose formulas read it (directly
 * or through a workbook name on it) will show #REF! — as in Excel and Google Sheets, which also turn such
 * references into #REF! — and the names on it go with it. The preview's delete dialog says so; Undo puts
 * the sheet, its names and those formulas' values back. No DOM here.
 */
import { listOf } from '../shared/core/messages';
import type { PreviewWorkbook } from './workbook';

export interface SheetUsers {
  /** Other sheets with a formula that reads the sheet or one of its names, in tab order. */
  sheets: string[];
  /** Workbook names whose range lies on the sheet. */
  names: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A test for a formula that mentions the sheet (`Roadmap!`, `'Strategic Themes'!`) or one of the names. */
function mentions(sheet: string, names: readonly string[]): RegExp {
  const quoted = `'${escapeRegExp(sheet.replace(/'/g, "''"))}'!`;
  const bare = `(?<![\\w.'])${escapeRegExp(sheet)}!`;
  const named = names.map((n) => `(?<![\\w.'!])${escapeRegExp(n)}(?![\\w.(])`);
  return new RegExp([quoted, bare, ...named].join('|'), 'i');
}

/** Who uses a sheet: other sheets' formulas and the workbook names on it. */
export function usersOf(wb: PreviewWorkbook, sheet: string): SheetUsers {
  const names = wb.namesOn([sheet]);
  const test = mentions(sheet, names);
  const sheets = wb
    .sheetNames()
    .filter(
      (other) =>
        other !== sheet &&
        wb.hf
          .getSheetSerialized(wb.sheetId(other))
          .some((row) => row.some((v) => typeof v === 'string' && v.startsWith('=') && test.test(v))),
    );
  return { sheets, names };
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
