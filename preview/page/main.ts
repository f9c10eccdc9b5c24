/**
 * The local preview page: a workbook on HyperFormula (registry functions included) in a spreadsheet
 * grid, and the add-in's real panel (ui/panel.ts) beside it with a preview backend. "Download .xlsx"
 * writes the workbook as it is now, in the browser.
 */
import { mountPanel } from '../../ui/panel';
import panelCss from '../../ui/panel.css';
import { h } from '../../ui/dom';
import { PreviewWorkbook } from '../workbook';
import { KEPT_NOTHING, OPENING, restored } from '../messages';
import { previewBackend } from './backend';
import { attachClipboard } from './clipboard';
import { Autosave, keptWorkbook, restoredBar } from './autosave';
import { download } from './download';
import { printDocument } from './print';
import { Grid } from './grid';
import { attachKeyboard } from './keyboard';
import { attachMouse } from './mouse';
import { attachRegions, focusFirst } from './regions';
import previewCss from './preview.css';

/** The third-party notices written beside the bundle (build/webpack-common.js thirdPartyNotices('preview')). */
const NOTICES = 'third-party-notices.preview.txt';

function toolbar(wb: PreviewWorkbook, grid: Grid, keeper: Autosave): HTMLElement {
  const note = h('span', { class: 'pv-toolbar-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'pv-download', id: 'pv-download' }, 'Download .xlsx');
  button.addEventListener('click', () => {
    void download(wb, button, note, (text) => grid.say(text, 'ok')).then((ok) => ok && keeper.downloaded());
  });
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

/** The workbook kept in this browser (autosave.ts), or a new one; and what to tell about it. */
async function openWorkbook(): Promise<{ wb: PreviewWorkbook; notice?: string; failed?: boolean }> {
  const kept = await keptWorkbook();
  if (kept.wb && kept.savedAt) return { wb: kept.wb, notice: restored(kept.savedAt, kept.wb.sheetNames().length) };
  return { wb: new PreviewWorkbook({ firstSheet: 'Sheet1' }), failed: kept.failed };
}

async function start(): Promise<void> {
  const style = h('style');
  style.textContent = `${panelCss}\n${previewCss}`;
  document.head.appendChild(style);
  const waiting = h('p', { class: 'pv-opening', role: 'status' }, OPENING);
  document.body.appendChild(waiting);
  const { wb, notice, failed } = await openWorkbook();
  waiting.remove();
  const first = wb.sheetNames()[0];
  const grid = new Grid(wb, first);
  const keeper = new Autosave(wb, (text, kind) => grid.say(text, kind));
  attachKeyboard(grid);
  attachMouse(grid);
  attachClipboard(grid);
  const pane = h('aside', { class: 'pv-pane', 'aria-label': 'Tech Strategy task pane' });
  const bar = notice ? restoredBar(notice, () => void keeper.startFresh()) : undefined;
  const tools = toolbar(wb, grid, keeper);
  document.body.appendChild(h('div', { class: 'pv-app' }, tools, bar, h('div', { class: 'pv-main' }, grid.root, pane)));
  mountPanel(pane, previewBackend(grid));
  const tabs = grid.root.querySelector<HTMLElement>('.pv-tabs')!;
  attachRegions([
    { root: grid.scroller, focus: () => (grid.focusGrid(), true) },
    { root: tabs, focus: () => focusFirst(tabs, '.pv-tab[aria-selected="true"]') },
    { root: pane, focus: () => focusFirst(pane, '[role="tab"][aria-selected="true"]') },
    { root: tools, focus: () => focusFirst(tools, 'a[href], button:not([disabled])') },
  ]);
  grid.show(first);
  grid.focusGrid();
  if (failed) grid.say(KEPT_NOTHING, 'error');
  // For tests and the curious: the workbook is reachable from the console.
  (window as unknown as { tstPreview: unknown }).tstPreview = { wb, grid, keeper };
}

void start();
