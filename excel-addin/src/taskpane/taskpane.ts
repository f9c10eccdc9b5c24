/** The Excel task pane: the shared panel with an Excel backend. Runs in the shared runtime with the functions. */
import { functionDocs } from '../../../shared/docs/reference';
import { compileTemplate, TEMPLATES } from '../../../shared/templates/index';
import { mountPanel, type InsertOptions, type InsertResult, type PanelBackend } from '../../../ui/panel';
import { applyPlanExcel } from '../templates/executor';
import { insertChartFromSelectionExcel } from '../templates/chart-selection';
import css from '../../../ui/panel.css';

export const EXCEL_NAMESPACE = 'STRATEGY';

export function excelBackend(): PanelBackend {
  return {
    host: 'excel',
    functionPrefix: `${EXCEL_NAMESPACE}.`,
    functions: functionDocs(),
    listTemplates: async () => TEMPLATES.map((t) => ({ ...t, sheets: [...t.sheets] })),
    insertTemplate: (id: string, options: InsertOptions) => insertTemplateExcel(id, options),
    insertChart: (kind) => Excel.run((context) => insertChartFromSelectionExcel(context, kind)),
  };
}

/** Compiles the template and applies it in one Excel.run (two syncs; cleans up after itself on failure). */
export function insertTemplateExcel(id: string, options: InsertOptions): Promise<InsertResult> {
  const plan = compileTemplate(id, { example: !!options.example });
  return Excel.run((context) => applyPlanExcel(context, plan));
}

function start(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  mountPanel(document.getElementById('app')!, excelBackend());
}

Office.onReady(() => start());
