/**
 * "Download .xlsx": the workbook as it is now, written in the browser with the CLI's ExcelJS writer
 * (loaded when first used).
 */
import { h } from '../../ui/dom';
import type { PreviewWorkbook } from '../executor';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function save(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = h('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function download(wb: PreviewWorkbook, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  button.disabled = true;
  status.textContent = 'Writing the workbook…';
  try {
    const [{ writeXlsx }, excel] = await Promise.all([import('../../xlsx/writer'), import('exceljs')]);
    const ExcelJS = ((excel as { default?: unknown }).default ?? excel) as typeof import('exceljs');
    const bytes = await writeXlsx(ExcelJS, wb.toModel(), { title: 'Technical strategy' });
    save(bytes, 'strategy.xlsx');
    status.textContent = `Downloaded strategy.xlsx (${Math.round(bytes.length / 1024)} KB).`;
  } catch (e) {
    status.textContent = `Could not write the workbook: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    button.disabled = false;
  }
}
