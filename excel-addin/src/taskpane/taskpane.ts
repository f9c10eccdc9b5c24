/** The Excel task pane: the shared panel with an Excel backend. Runs in the shared runtime with the functions. */
import { functionDocs } from '../../../shared/docs/reference';
import { compileTemplate, TEMPLATES } from '../../../shared/templates/index';
import type { Async, InsertOptions, PanelApi } from '../../../shared/panel/panel-api';
import type { InsertReport } from '../../../shared/plan/report';
import { mountPanel, type PanelBackend } from '../../../ui/panel';
import { applyPlanExcel } from '../templates/executor';
import { insertChartFromSelectionExcel } from '../templates/chart-selection';
import {
  addPlannedToRoadmapExcel,
  recordSnapshotExcel,
  refreshChartsExcel,
  strategyMarkdownExcel,
} from '../strategy/snapshot';
import { pingExcel, runSelfCheckExcel } from '../self-check';
import { officeSavesDownloads } from '../environment';
import css from '../../../ui/panel.css';

export const EXCEL_NAMESPACE = 'STRATEGY';

/** The panel's API (shared/panel/panel-api.ts) in the task pane's own runtime: the same interface the Sheets server implements. */
export const EXCEL_API: Async<PanelApi> = {
  listTemplates: async () => TEMPLATES.map((t) => ({ ...t, sheets: [...t.sheets] })),
  insertTemplate: (id, options) => insertTemplateExcel(id, options),
  insertChartFromSelection: (kind) => Excel.run((context) => insertChartFromSelectionExcel(context, kind)),
  recordSnapshot: () => Excel.run((context) => recordSnapshotExcel(context)),
  addPlannedToRoadmap: () => Excel.run((context) => addPlannedToRoadmapExcel(context)),
  refreshCharts: () => Excel.run((context) => refreshChartsExcel(context)),
  strategyMarkdown: () => Excel.run((context) => strategyMarkdownExcel(context)),
  ping: () => pingExcel(),
  runSelfCheck: (options) => runSelfCheckExcel(options),
};

/** The support page and privacy statement, served beside taskpane.html (excel-addin/pages/, any release address). */
export const EXCEL_PAGES = { support: 'support.html', privacy: 'privacy.html' } as const;

export function excelBackend(): PanelBackend {
  return {
    host: 'excel',
    functionPrefix: `${EXCEL_NAMESPACE}.`,
    functions: functionDocs(),
    canDownload: officeSavesDownloads,
    pages: EXCEL_PAGES,
    ...EXCEL_API,
  };
}

/** Compiles the template and applies it in one Excel.run (three round trips; removes only what it created on failure). */
export function insertTemplateExcel(id: string, options: InsertOptions): Promise<InsertReport> {
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
