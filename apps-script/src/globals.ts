/**
 * The top-level functions Apps Script must see besides the custom functions: triggers, menu
 * handlers and the functions the sidebar calls through google.script.run. The build generates
 * one `function NAME(params) { return TechStrategy.NAME(params); }` stub per entry (or, with
 * `call`, a stub delegating to another export with fixed arguments).
 */
import { TEMPLATES } from '../../shared/templates/index';
import { CHART_CATALOG } from '../../shared/chart-from-selection/chart-from-selection';
import { chartMenuHandlerName, menuHandlerName } from './menu-names';
import type { SidebarFunctions } from './sidebar-functions';

export { chartMenuHandlerName, menuHandlerName };

export interface ServerGlobal {
  name: string;
  params: string[];
  doc: string;
  /** Delegate to `TechStrategy.fn(...args)` instead of `TechStrategy.name(...params)`. */
  call?: { fn: string; args: Array<string | number | boolean> };
}

export const TEMPLATE_MENU_GLOBALS: ServerGlobal[] = TEMPLATES.flatMap((t) =>
  [false, true].map((example) => ({
    name: menuHandlerName(t.id, example),
    params: [],
    doc: `Menu: inserts the ${t.name} template${example ? ' filled with the strategy guide example' : ' (blank)'}.`,
    call: { fn: 'insertFromMenu', args: [t.id, example] },
  })),
);

export const CHART_MENU_GLOBALS: ServerGlobal[] = CHART_CATALOG.map((c) => ({
  name: chartMenuHandlerName(c.kind),
  params: [],
  doc: `Menu: inserts the ${c.name} chart for the selected range.`,
  call: { fn: 'insertChartFromMenu', args: [c.kind] },
}));

/**
 * The stubs of the functions the sidebar calls, keyed by their names in sidebar-functions.ts: a sidebar function
 * without a stub, a stub without a function, or a parameter list of another length does not compile.
 */
type ParamNames<Args extends readonly unknown[]> = { [K in keyof Args]-?: string };
const SIDEBAR_GLOBALS: {
  [N in keyof SidebarFunctions]: { params: ParamNames<Parameters<SidebarFunctions[N]>>; doc: string };
} = {
  listTemplates: { params: [], doc: 'Sidebar: the templates (id, name, description, sheets) as plain JSON.' },
  insertTemplate: {
    params: ['id', 'options'],
    doc: 'Sidebar: inserts a template ({ example: boolean }) and returns what was created.',
  },
  listCharts: { params: [], doc: 'Sidebar: the charts that can be inserted for a selected range (kind, name, hint).' },
  insertChartFromSelection: {
    params: ['kind'],
    doc: 'Sidebar: inserts the chart of this kind for the selected range and returns what was created.',
  },
  recordSnapshot: {
    params: [],
    doc: "Sidebar: appends today's metrics, theme progress and health score to the Progress History sheet.",
  },
  addPlannedToRoadmap: {
    params: [],
    doc: 'Sidebar: appends each planned project not yet on the Roadmap (theme, owner, dates of its planned quarter).',
  },
  refreshCharts: {
    params: [],
    doc: "Sidebar: brings the roadmap chart's quarters and legend up to date with the Roadmap's rows.",
  },
  strategyMarkdown: { params: [], doc: 'Sidebar: the strategy document of this spreadsheet as Markdown.' },
  ping: { params: [], doc: 'Sidebar: answers at once (the self-check shows the sidebar reached the server).' },
  runSelfCheck: {
    params: ['options'],
    doc: 'Sidebar and menu: the self-check; inserts every template, compares, removes what it added, returns the report.',
  },
};

const sidebarGlobal = (name: keyof SidebarFunctions): ServerGlobal => ({
  name,
  params: [...SIDEBAR_GLOBALS[name].params],
  doc: SIDEBAR_GLOBALS[name].doc,
});

export const SERVER_GLOBALS: ServerGlobal[] = [
  { name: 'onOpen', params: ['e'], doc: 'Adds the Tech Strategy menu when the spreadsheet opens.' },
  { name: 'onInstall', params: ['e'], doc: 'Runs onOpen when the add-on is installed.' },
  { name: 'showSidebar', params: [], doc: 'Opens the Tech Strategy sidebar.' },
  { name: 'showFunctionReference', params: [], doc: 'Opens the sidebar on the function reference.' },
  { name: 'showAbout', params: [], doc: 'Shows what the add-on does and which permissions it uses.' },
  sidebarGlobal('listTemplates'),
  sidebarGlobal('insertTemplate'),
  ...TEMPLATE_MENU_GLOBALS,
  sidebarGlobal('listCharts'),
  sidebarGlobal('insertChartFromSelection'),
  ...CHART_MENU_GLOBALS,
  sidebarGlobal('recordSnapshot'),
  sidebarGlobal('strategyMarkdown'),
  { name: 'recordSnapshotFromMenu', params: [], doc: 'Menu: records a progress snapshot and shows the result.' },
  sidebarGlobal('addPlannedToRoadmap'),
  {
    name: 'addPlannedToRoadmapFromMenu',
    params: [],
    doc: 'Menu: adds the planned projects not yet on the Roadmap and shows the result.',
  },
  sidebarGlobal('refreshCharts'),
  { name: 'refreshChartsFromMenu', params: [], doc: 'Menu: refreshes the charts and shows the result.' },
  sidebarGlobal('ping'),
  sidebarGlobal('runSelfCheck'),
  { name: 'showSelfCheck', params: [], doc: 'Menu: opens the sidebar on About and runs the self-check there.' },
];
