/** The Excel task pane: the shared panel with an Excel backend. Runs in the shared runtime with the functions. */
import { functionDocs } from '../../../shared/docs/reference';
import { mountPanel, type PanelBackend } from '../../../ui/panel';
import css from '../../../ui/panel.css';

export const EXCEL_NAMESPACE = 'STRATEGY';

export function excelBackend(): PanelBackend {
  return { host: 'excel', functionPrefix: `${EXCEL_NAMESPACE}.`, functions: functionDocs() };
}

function start(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  mountPanel(document.getElementById('app')!, excelBackend());
}

Office.onReady(() => start());
