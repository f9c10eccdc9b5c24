/**
 * The `document` command's read of a workbook file, bounded whatever the file holds: a regular file of limited
 * size (cli/input-file.ts), then part by part (cli/xlsx-read.ts): every sheet's header rows first, then in full
 * only the sheets the strategy reader will use (shared/strategy/read.ts `sheetsToRead`).
 */
import { HEADER_ROWS, sheetsToRead, type ReadSheet } from '../shared/strategy/read';
import { readRegularFile } from './input-file';
import { readLimit } from './messages';
import { LimitExceeded, openWorkbook } from './xlsx-read';
import { readSheetCells, type CellBudget } from './xlsx-sheet';

/** The most worksheets a workbook may have for `document` to read it. */
export const MAX_SHEETS = 1000;

/** Every worksheet of the file as rows of values: the used sheets whole, the others by their header rows. */
export async function readWorkbookFile(file: string, shown = file): Promise<ReadSheet[]> {
  const { zip, sheets, styles } = await openWorkbook(readRegularFile(file, shown));
  if (sheets.length > MAX_SHEETS) throw new LimitExceeded(readLimit('sheets', MAX_SHEETS, 'the workbook'));
  const budget: CellBudget = { cells: 0 };
  const heads: ReadSheet[] = [];
  for (const s of sheets)
    heads.push({ name: s.name, rows: await readSheetCells(zip, s.name, s.part, styles, budget, HEADER_ROWS) });
  const used = sheetsToRead(heads);
  const out: ReadSheet[] = [];
  for (const [i, s] of sheets.entries())
    out.push(
      used.has(s.name) ? { name: s.name, rows: await readSheetCells(zip, s.name, s.part, styles, budget) } : heads[i],
    );
  return out;
}
