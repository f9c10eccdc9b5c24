/**
 * The server functions the sidebar calls through google.script.run, in one object (after enuchi's
 * React-Google-Apps-Script `src/server/index.ts`). `satisfies` checks them against the panel's API
 * (shared/panel/panel-api.ts); the sidebar's client takes `typeof SIDEBAR_FUNCTIONS`
 * (apps-script/sidebar/server-client.ts), so a call with a wrong name, argument or result type does not compile;
 * and globals.ts must give each one a top-level stub (its table is keyed by these names).
 */
import type { PanelApi } from '../../shared/panel/panel-api';
import type { ChartCatalogEntry } from '../../shared/chart-from-selection/chart-from-selection';
import { insertChartFromSelection, listCharts } from './templates/chart-server';
import { insertTemplate, listTemplates } from './templates/server';
import { addPlannedToRoadmap, recordSnapshot, refreshCharts, strategyMarkdown } from './strategy/server';
import { ping, runSelfCheck } from './self-check';

/** The panel's operations, plus the chart catalogue as JSON (for a client that does not bundle the core). */
export interface SheetsServerApi extends PanelApi {
  listCharts(): ChartCatalogEntry[];
}

export const SIDEBAR_FUNCTIONS = {
  listTemplates,
  insertTemplate,
  insertChartFromSelection,
  listCharts,
  recordSnapshot,
  addPlannedToRoadmap,
  refreshCharts,
  strategyMarkdown,
  ping,
  runSelfCheck,
} satisfies SheetsServerApi;

export type SidebarFunctions = typeof SIDEBAR_FUNCTIONS;

export {
  listTemplates,
  insertTemplate,
  insertChartFromSelection,
  listCharts,
  recordSnapshot,
  addPlannedToRoadmap,
  refreshCharts,
  strategyMarkdown,
  ping,
  runSelfCheck,
};
