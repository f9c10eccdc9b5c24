/**
 * "Download .xlsx": the workbook as it is now, written in the browser with the CLI's ExcelJS writer
 * (loaded when first used). Cells typed with the add-in's functions are converted first so the file
 * works without the add-in (../convert.ts), and the page says what was converted.
 */
import { h } from '../../ui/dom';
import { conversionSummary, convertForDownload } from '../convert';
import type { PreviewWorkbook } from '../workbook';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function save(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Writes and saves the file; resolves whether it was saved. `status` is the toolbar's short line; `tell` gets the full sentence about
 * converted cells (the grid's status line, which has room for it).
 */
export async function download(
  wb: PreviewWorkbook,
  button: HTMLButtonElement,
  status: HTMLElement,
  tell: (text: string) => void,
): Promise<boolean> {
  button.disabled = true;
  status.textContent = 'Writing the workbook…';
  try {
    const [{ writeXlsx }, excel] = await Promise.all([import('../../xlsx/writer'), import('exceljs')]);
    const ExcelJS = ((excel as { default?: unknown }).default ?? excel) as typeof import('exceljs');
    const conversion = convertForDownload(wb);
    const bytes = await writeXlsx(ExcelJS, conversion.model, { title: 'Technical strategy' });
    save(bytes, 'strategy.xlsx');
    const n = conversion.converted.length;
    const kb = Math.round(bytes.length / 1024);
    status.textContent = `Downloaded strategy.xlsx (${kb} KB)${n ? `: ${n} cell${n > 1 ? 's' : ''} converted` : ''}.`;
    status.title = conversion.converted.map((c) => `${c.sheet}!${c.range}: ${c.formula} → ${c.written}`).join('\n');
    if (n) tell(conversionSummary(conversion));
    return true;
  } catch (e) {
    status.textContent = `Could not write the workbook: ${e instanceof Error ? e.message : String(e)}`;
    return false;
  } finally {
    button.disabled = false;
  }
}
