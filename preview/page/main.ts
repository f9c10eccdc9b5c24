/**
 * The local preview page: a workbook on HyperFormula (registry functions included) in a spreadsheet
 * grid, and the add-in's real panel (ui/panel.ts) beside it with a preview backend. "Download .xlsx"
 * writes the workbook as it is now, in the browser.
 */
import { mountPanel } from '../../ui/panel';
import panelCss from '../../ui/panel.css';
import { h } from '../../ui/dom';
import { PreviewWorkbook } from '../executor';
import { previewBackend } from './backend';
import { attachClipboard } from './clipboard';
import { download } from './download';
import { printDocument } from './print';
import { Grid } from './grid';
import { attachKeyboard } from './keyboard';
import { attachMouse } from './mouse';
import previewCss from './preview.css';

/** The third-party notices written beside the bundle (build/webpack-common.js thirdPartyNotices('preview')). */
const NOTICES = 'third-party-notices.preview.txt';

function toolbar(wb: PreviewWorkbook, grid: Grid): HTMLElement {
  const note = h('span', { class: 'pv-toolbar-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'pv-download', id: 'pv-download' }, 'Download .xlsx');
  button.addEventListener('click', () => void download(wb, button, note, (text) => grid.say(text, 'ok')));
  // "Print document": the Strategy Document sheet through the browser's print (print.ts).
  const print = h('button', { type: 'button', class: 'pv-download', id: 'pv-print-document' }, 'Print document');
  print.addEventListener('click', () => {
    try {
      note.textContent = printDocument(wb);
    } catch (e) {
      grid.say(e instanceof Error ? e.message : String(e), 'error');
    }
  });
  return h(
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
    print,
    button,
  );
}

function start(): void {
  const style = h('style');
  style.textContent = `${panelCss}\n${previewCss}`;
  document.head.appendChild(style);
  const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
  const grid = new Grid(wb, 'Sheet1');
  attachKeyboard(grid);
  attachMouse(grid);
  attachClipboard(grid);
  const pane = h('aside', { class: 'pv-pane', 'aria-label': 'Tech Strategy task pane' });
  document.body.appendChild(
    h('div', { class: 'pv-app' }, toolbar(wb, grid), h('div', { class: 'pv-main' }, grid.root, pane)),
  );
  mountPanel(pane, previewBackend(grid));
  grid.show('Sheet1');
  grid.focusGrid();
  // For tests and the curious: the workbook is reachable from the console.
  (window as unknown as { tstPreview: unknown }).tstPreview = { wb, grid };
}

start();
