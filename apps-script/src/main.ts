/**
 * Entry point of the Apps Script bundle. Webpack exposes these exports as the global
 * `TechStrategy`; generated top-level stubs (see build/stubs.ts) delegate to them so that
 * Sheets sees real `function NAME(…)` declarations with JSDoc.
 */
export { runCustomFunction } from './custom-functions';
export { onOpen, onInstall, showSidebar, showFunctionReference, showAbout, showSelfCheck } from './ui';
// What the sidebar calls (typed against the panel's API there), then the menu handlers.
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
} from './sidebar-functions';
export { insertFromMenu } from './templates/server';
export { insertChartFromMenu } from './templates/chart-server';
export { recordSnapshotFromMenu, addPlannedToRoadmapFromMenu, refreshChartsFromMenu } from './strategy/server';
