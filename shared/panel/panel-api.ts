/**
 * What the panel (ui/panel.ts) asks of its host, declared once. Each host provides these operations:
 * - Google Sheets: server functions (apps-script/src/sidebar-functions.ts) that the sidebar calls through a typed
 *   google.script.run client (apps-script/sidebar/server-client.ts), so the compiler checks every call's name,
 *   arguments and result against the functions themselves;
 * - Excel: the task pane's own runtime (excel-addin/src/taskpane/taskpane.ts) implements the same interface;
 * - the local preview implements the template part.
 * Everything crossing this boundary is plain JSON (Apps Script serialises arguments and results).
 */
import type { SelectionChartKind as ChartKind } from '../compiler/charts';
import type { TemplateInfo } from '../templates';
import type { ChartInsertReport, InsertResult } from '../plan/report';
import type { PingReply, SelfCheckOptions, SelfCheckReport } from '../self-check/report';

export interface InsertOptions {
  /** Fill the template with the strategy guide's example. */
  example: boolean;
}

export interface PanelApi {
  /** The template catalogue (id, name, description, sheets). */
  listTemplates(): TemplateInfo[];
  /** Inserts a template as new sheets; never changes what exists. Throws an Error with a readable message. */
  insertTemplate(id: string, options: InsertOptions): InsertResult;
  /** Inserts a chart of this kind for the range selected in the sheet. Throws an Error saying what to select. */
  insertChartFromSelection(kind: ChartKind): ChartInsertReport;
  /**
   * Appends today's value of every metric, each theme's % complete and the health score to the Progress History
   * sheet (inserting it when missing); nothing else is written. Throws an Error with a readable message.
   */
  recordSnapshot(): SnapshotReport;
  /**
   * Appends each planned project of the Prioritization sheet that is not on the Roadmap yet, with its theme, owner
   * and the dates of its planned quarter, below the Roadmap's last row; nothing else is written. Throws an Error
   * with a readable message when the workbook has no Roadmap sheet.
   */
  addPlannedToRoadmap(): SnapshotReport;
  /**
   * Brings the roadmap chart (its quarters and legend) and, in Excel, the impact/effort matrix's labels up to date
   * with the cells (shared/templates/chart-refresh.ts); no cell is written.
   */
  refreshCharts(): SnapshotReport;
  /** The workbook's strategy document as Markdown. Throws an Error when the Strategic Themes sheet is missing. */
  strategyMarkdown(): string;
  /** Answers at once, so the panel knows it reaches its host (the self-check's first line). */
  ping(): PingReply;
  /**
   * The self-check (shared/self-check): inserts every template with the example under a unique prefix, lets the
   * host calculate, compares with the core, checks charts and custom functions, removes exactly what it added.
   */
  runSelfCheck(options?: SelfCheckOptions): SelfCheckReport;
}

/** What "Record snapshot" did. */
export interface SnapshotReport {
  /** The History sheet written to. */
  sheets: string[];
  message: string;
}

/** The same operations as seen from the panel: each returns a promise (a server round trip, or Excel.run). */
export type Async<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
