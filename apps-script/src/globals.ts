/**
 * The top-level functions Apps Script must see besides the custom functions: triggers, menu
 * handlers and the functions the sidebar calls through google.script.run. The build generates
 * one `function NAME(params) { return TechStrategy.NAME(params); }` stub per entry.
 */
export interface ServerGlobal {
  name: string;
  params: string[];
  doc: string;
}

export const SERVER_GLOBALS: ServerGlobal[] = [
  { name: 'onOpen', params: ['e'], doc: 'Adds the Tech Strategy menu when the spreadsheet opens.' },
  { name: 'onInstall', params: ['e'], doc: 'Runs onOpen when the add-on is installed.' },
  { name: 'showSidebar', params: [], doc: 'Opens the Tech Strategy sidebar.' },
  { name: 'showFunctionReference', params: [], doc: 'Opens the sidebar on the function reference.' },
  { name: 'showAbout', params: [], doc: 'Shows what the add-on does and which permissions it uses.' },
];
