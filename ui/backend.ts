/** What a panel needs from its host (Sheets sidebar, Excel task pane, preview). */
import type { FunctionDoc } from '../shared/docs/reference';
import type { Async, PanelApi } from '../shared/panel/panel-api';

/**
 * How the panel reaches its host: the panel's API (shared/panel/panel-api.ts) as promises, each operation
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
  /**
   * The support page and privacy statement, where the host has them: the task pane's are served beside it
   * (excel-addin/pages/); the Sheets sidebar's are the release's hosted pages (scripts/release/assemble.ts).
   */
  pages?: PanelPages;
}

/** Addresses of the pages a listing needs (absolute, or relative to the panel's own page). */
export interface PanelPages {
  support: string;
  privacy: string;
}
