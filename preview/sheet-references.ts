/**
 * What deleting a sheet breaks, said before it happens: the other sheets whose formulas read it (directly
 * or through a workbook name on it) will show #REF! — as in Excel and Google Sheets, which also turn such
 * references into #REF! — and the names on it go with it. The preview's delete dialog says so; Undo puts
 * the sheet, its names and those formulas' values back. No DOM here.
 */
import type { SheetUsers } from './messages';
import type { PreviewWorkbook } from './workbook';

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
