/** The Sheets sidebar: the shared panel, talking to the server through a typed google.script.run client. */
import { functionDocs } from '../../shared/docs/reference';
import { mountPanel, type PanelBackend, type PanelPages, type View } from '../../ui/panel';
import css from '../../ui/panel.css';
import type { SidebarFunctions } from '../src/sidebar-functions';
import { serverClient, type GoogleScriptRun } from './server-client';

declare const google: { script: { run: GoogleScriptRun } } | undefined;

/** The server functions (apps-script/src/sidebar-functions.ts), called by name; types checked against them. */
export const server = serverClient<SidebarFunctions>(() =>
  typeof google === 'undefined' ? undefined : google.script.run,
);

/**
 * The hosted support page and privacy statement: `npm run release` writes the release's address into the
 * data-pages attribute of the page's #app element (scripts/release/assemble.ts); a development build leaves it
 * empty, and the About tab then shows no links. Only an https address ending in "/" is used.
 */
export function sheetsPages(app: HTMLElement | null): PanelPages | undefined {
  const base = app?.getAttribute('data-pages') ?? '';
  if (!/^https:\/\/[^\s"'<>]+\/$/.test(base)) return undefined;
  return { support: `${base}support.html`, privacy: `${base}privacy.html` };
}

export function sheetsBackend(pages?: PanelPages): PanelBackend {
  return {
    host: 'sheets',
    functionPrefix: '',
    functions: functionDocs(),
    pages,
    // They run on the server (apps-script/src/templates/server.ts, chart-server.ts) and return plain JSON.
    listTemplates: () => server.listTemplates(),
    insertTemplate: (id, options) => server.insertTemplate(id, { example: !!options.example }),
    // Reads the active range on the server.
    insertChartFromSelection: (kind) => server.insertChartFromSelection(kind),
    // apps-script/src/strategy/server.ts: appends to the Progress History sheet; the document as Markdown.
    recordSnapshot: () => server.recordSnapshot(),
    strategyMarkdown: () => server.strategyMarkdown(),
    // The self-check runs on the server (apps-script/src/self-check.ts); ping first proves the round trip works.
    ping: () => server.ping(),
    runSelfCheck: (options) => server.runSelfCheck(options),
  };
}

function start(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const w = window as unknown as { TST_INITIAL_VIEW?: View; TST_RUN_SELF_CHECK?: boolean };
  const app = document.getElementById('app')!;
  mountPanel(app, sheetsBackend(sheetsPages(app)), w.TST_INITIAL_VIEW ?? 'templates', {
    startSelfCheck: w.TST_RUN_SELF_CHECK === true,
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
