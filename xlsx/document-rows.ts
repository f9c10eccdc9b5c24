/**
 * Row heights of the Strategy Document sheet in a written .xlsx. Its lines are formulas, and the file holds
 * no cached results, so no spreadsheet program knows their text when it opens the file: LibreOffice keeps
 * such rows one line tall and prints the wrapped lines over each other. The writer knows the workbook's
 * data, so it sizes each row to the text the core computes for that line (documentLineTexts: the same text
 * the sheet's formulas show, proven by test/strategy/document-sheet.test.ts).
 */
import type { SheetPlan } from '../shared/plan/plan';
import type { ReadSheet } from '../shared/strategy/read';
import { readStrategy } from '../shared/strategy/read';
import { strategyDocument } from '../shared/strategy/model';
import { documentLineTexts } from '../shared/strategy/document-lines';
import { ymdToSerial } from '../shared/core/args';
import { layoutSheet } from '../shared/compiler/compile';
import { DOCUMENT_SHEET } from '../shared/templates/document';
import { LINE_PT, wrappedLines } from './text-fit';

/** At most this many text lines per row (the longest list, the review's findings, stays readable). */
const MAX_LINES = 12;

/** The workbook's sheets as a reader of the written file sees them before any recalculation. */
function asRead(sheets: SheetPlan[]): ReadSheet[] {
  return sheets.map((s) => ({
    name: s.name,
    rows: s.cells.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? undefined : v))),
  }));
}

/** Height in points (1-based row → pt) of each Strategy Document line whose text wraps; empty for other sheets. */
export function documentRowHeights(s: SheetPlan, sheets: SheetPlan[], now: Date): Map<number, number> {
  const heights = new Map<number, number>();
  if (s.key !== DOCUMENT_SHEET.key) return heights;
  const { data, missingRequired } = readStrategy(asRead(sheets), now);
  if (missingRequired.length > 0) return heights;
  const today = ymdToSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
  const texts = documentLineTexts(data, strategyDocument(data, today));
  const layout = layoutSheet(DOCUMENT_SHEET);
  const col = layout.index.content;
  const width = s.columnWidths[col] ?? 64;
  texts.forEach((text, i) => {
    const lines = Math.min(MAX_LINES, wrappedLines(text, width));
    if (lines > 1) heights.set(layout.firstRow + i, lines * LINE_PT + 3);
  });
  return heights;
}
