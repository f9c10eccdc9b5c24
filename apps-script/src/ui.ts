/** Menu, sidebar and dialogs for Google Sheets. */
import { TEMPLATES } from '../../shared/templates/index';
import { CHART_CATALOG } from '../../shared/chart-from-selection/chart-from-selection';
import { chartMenuHandlerName, menuHandlerName } from './menu-names';

export const PRODUCT = 'Tech Strategy';
const SIDEBAR_FILE = 'Sidebar';

export type SidebarView = 'templates' | 'functions' | 'about';

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  // One submenu per variant: "Insert template ▸ Roadmap" inserts it blank, "Insert example ▸ Roadmap"
  // fills it with the strategy guide's example. Each item calls a generated top-level handler.
  const blank = ui.createMenu('Insert template');
  const example = ui.createMenu('Insert example');
  for (const t of TEMPLATES) {
    blank.addItem(t.name, menuHandlerName(t.id, false));
    example.addItem(t.name, menuHandlerName(t.id, true));
  }
  // "Insert chart ▸ Impact / Effort matrix" charts the selected range (see templates/chart-server.ts).
  const charts = ui.createMenu('Insert chart');
  for (const c of CHART_CATALOG) charts.addItem(c.name, chartMenuHandlerName(c.kind));
  // createAddonMenu works both as an installed add-on and as a bound script (menu "Extensions ▸ Tech Strategy").
  ui.createAddonMenu()
    .addItem('Open sidebar', 'showSidebar')
    .addSubMenu(blank)
    .addSubMenu(example)
    .addSubMenu(charts)
    .addItem('Record snapshot', 'recordSnapshotFromMenu')
    .addItem('Add planned projects to the roadmap', 'addPlannedToRoadmapFromMenu')
    .addItem('Refresh charts', 'refreshChartsFromMenu')
    .addSeparator()
    .addItem('Function reference', 'showFunctionReference')
    .addSeparator()
    .addItem('Check this add-in', 'showSelfCheck')
    .addItem('About', 'showAbout')
    .addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function openSidebar(view: SidebarView, runSelfCheck = false): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(PRODUCT);
  // The view name is one of our constants, never user text.
  html.append(
    `<script>window.TST_INITIAL_VIEW = ${JSON.stringify(view)}; window.TST_RUN_SELF_CHECK = ${runSelfCheck};</script>`,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}

/**
 * Menu "Check this add-in": the sidebar opens on About and runs the self-check from there, so the report also
 * says whether the sidebar could reach the server (google.script.run), and can be copied.
 */
export function showSelfCheck(): void {
  openSidebar('about', true);
}

export function showSidebar(): void {
  openSidebar('templates');
}

export function showFunctionReference(): void {
  openSidebar('functions');
}

export function showAbout(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(
    `About ${PRODUCT}`,
    'Custom functions, templates and charts for technical strategy: priority scores, capacity plans, ' +
      'health scorecards, metrics and DORA levels.\n\n' +
      'Permissions: this add-on reads and writes only the spreadsheet it is opened in, and shows its own menu and sidebar. ' +
      'It sends nothing anywhere.',
    ui.ButtonSet.OK,
  );
}
