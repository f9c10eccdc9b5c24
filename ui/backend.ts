/** What a panel needs from its host (Sheets sidebar, Excel task pane, preview). */
import type { FunctionDoc } from '../shared/docs/reference';
import type { Async, PanelApi } from '../shared/templates/panel-api';

/**
 * How the panel reaches its host: the panel's API (shared/templates/panel-api.ts) as promises, each operation
 * optional (a tab appears only for what the host offers), plus what the panel shows about the host.
 */
export interface PanelBackend extends Partial<Async<PanelApi>> {
  host: 'sheets' | 'excel' | 'preview';
  /** Typed before function names in examples: "" in Sheets, "STRATEGY." in Excel. */
  functionPrefix: string;
  functions: FunctionDoc[];
  /**
   * Does a download link in this panel save the file? Absent: yes (the Sheets sidebar's sandbox allows downloads,
   * the preview is a browser page). The Excel task pane asks Office's platform (excel-addin/src/environment.ts).
   */
  canDownload?: () => boolean;
}
