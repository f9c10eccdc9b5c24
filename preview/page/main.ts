/**
 * The local preview page: a workbook on HyperFormula (registry functions included) in a
 * spreadsheet grid, and the add-in's real panel (ui/panel.ts) beside it with a preview backend
 * inserting templates through the preview executor. "Download .xlsx" writes the workbook as it
 * is now with the CLI's ExcelJS writer, in the browser.
 */
import { functionDocs } from '../../shared/docs/reference';
import { TEMPLATES, compileTemplate } from '../../shared/templates';
import { mountPanel, type PanelBackend } from '../../ui/panel';
import panelCss from '../../ui/panel.css';
import { h } from '../../ui/dom';
import { PreviewWorkbook } from '../executor';
import { Grid } from './grid';
import previewCss from './preview.css';

export function previewBackend(wb: PreviewWorkbook, grid: Grid): PanelBackend {
  return {
    host: 'preview',
    functionPrefix: '',
    functions: functionDocs(),
    listTemplates: async () => TEMPLATES.map((t) => ({ ...t })),
    insertTemplate: async (id, options) => {
      const started = performance.now();
      const outcome = wb.insertPlan(compileTemplate(id, options));
      grid.show(outcome.activate);
      const ms = Math.round(performance.now() - started);
      return {
        sheets: outcome.sheets,
        message: `Added ${outcome.sheets.length === 1 ? 'sheet' : 'sheets'} ${outcome.sheets.join(', ')} in ${ms} ms.${outcome.notes.length ? ` ${outcome.notes[0]}` : ''}`,
      };
    },
  };
}

async function download(wb: PreviewWorkbook, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
  button.disabled = true;
  status.textContent = 'Writing the workbook…';
  try {
    const [{ writeXlsx }, excel] = await Promise.all([import('../../xlsx/writer'), import('exceljs')]);
    const ExcelJS = ((excel as { default?: unknown }).default ?? excel) as typeof import('exceljs');
    const bytes = await writeXlsx(ExcelJS, wb.toModel(), { title: 'Technical strategy' });
    const url = URL.createObjectURL(
      new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    );
    const a = h('a', { href: url, download: 'strategy.xlsx' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status.textContent = `Downloaded strategy.xlsx (${Math.round(bytes.length / 1024)} KB).`;
  } catch (e) {
    status.textContent = `Could not write the workbook: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    button.disabled = false;
  }
}

/** The third-party notices written beside the bundle (build/webpack-common.js thirdPartyNotices('preview')). */
const NOTICES = 'third-party-notices.preview.txt';

function start(): void {
  const style = h('style');
  style.textContent = `${panelCss}\n${previewCss}`;
  document.head.appendChild(style);
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  const grid = new Grid(wb, 'Sheet1');
  const pane = h('aside', { class: 'pv-pane', 'aria-label': 'Tech Strategy task pane' });
  const note = h('span', { class: 'pv-toolbar-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'pv-download', id: 'pv-download' }, 'Download .xlsx');
  button.addEventListener('click', () => void download(wb, button, note));
  const app = h(
    'div',
    { class: 'pv-app' },
    h(
      'header',
      { class: 'pv-toolbar' },
      h('span', { class: 'pv-title' }, 'Tech Strategy Toolkit'),
      h(
        'span',
        { class: 'pv-subtitle' },
        'local preview · formulas by HyperFormula, functions and templates from the add-in core',
      ),
      // HyperFormula is GPLv3: the page says so and links the notices generated beside the bundle.
      h(
        'a',
        { class: 'pv-licence', href: NOTICES, target: '_blank', rel: 'noopener' },
        'Contains GPLv3 code (HyperFormula) · third-party notices',
      ),
      note,
      button,
    ),
    h('div', { class: 'pv-main' }, grid.root, pane),
  );
  document.body.appendChild(app);
  mountPanel(pane, previewBackend(wb, grid));
  // For tests and the curious: the workbook is reachable from the console.
  (window as unknown as { tstPreview: unknown }).tstPreview = { wb, grid };
}

start();
