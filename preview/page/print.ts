/**
 * "Print document" in the preview: the Strategy Document sheet as the .xlsx prints it (portrait, one column of
 * text fit to the page's width, every line whole), through the browser's own print (window.print: the user
 * picks a printer or "Save as PDF"). The sheet's computed lines are copied, as text, into a print-only block;
 * the print style sheet (preview.css, @media print) hides the app and shows that block alone.
 */
import { h, clear } from '../../ui/dom';
import { DOCUMENT_SHEET } from '../../shared/templates/document';
import type { PreviewWorkbook } from '../workbook';

export const PRINT_BLOCK_ID = 'pv-print';
export const PRINT_NEEDS_DOCUMENT = `Print document needs the "${DOCUMENT_SHEET.name}" sheet: insert the Full Strategy Workbook first.`;

/** The Strategy Document sheet of the workbook ("Strategy Document", or "Strategy Document (2)"…), first one. */
function documentSheet(wb: PreviewWorkbook): string | undefined {
  const base = DOCUMENT_SHEET.name.toLowerCase();
  return wb.sheetNames().find((n) => n.toLowerCase() === base || n.toLowerCase().startsWith(`${base} (`));
}

const text = (v: unknown): string => (v === null || v === undefined || typeof v === 'object' ? '' : String(v));

/** The print block for the sheet's rows: its title, then each line (section, label, text) with any text. */
export function printBlock(wb: PreviewWorkbook, sheet: string): HTMLElement {
  const rows = wb.hf.getSheetValues(wb.sheetId(sheet));
  const [head = [], ...lines] = rows.map((r) => [0, 1, 2].map((c) => text(r[c])));
  const table = h('table', { class: 'pv-print-lines' });
  for (const [section, label, content] of lines) {
    if (section === '' && label === '' && content === '') continue;
    table.appendChild(
      h(
        'tr',
        {},
        h('th', { class: 'pv-print-section', scope: 'row' }, section),
        h('td', { class: 'pv-print-label' }, label.trim()),
        h('td', { class: 'pv-print-text' }, content),
      ),
    );
  }
  return h('section', { class: 'pv-print', id: PRINT_BLOCK_ID }, h('h1', {}, head[0] ?? ''), table);
}

/** Fills the print block and opens the browser's print dialog; returns what the status line says. */
export function printDocument(wb: PreviewWorkbook, print: () => void = () => window.print()): string {
  const sheet = documentSheet(wb);
  if (!sheet) throw new Error(PRINT_NEEDS_DOCUMENT);
  const old = document.getElementById(PRINT_BLOCK_ID);
  if (old) {
    clear(old);
    old.remove();
  }
  document.body.appendChild(printBlock(wb, sheet));
  print();
  return `Printing "${sheet}" (portrait).`;
}
