/** The Sheets sidebar: the shared panel, talking to the server through google.script.run. */
import { functionDocs } from '../../shared/docs/reference';
import {
  mountPanel,
  type InsertOptions,
  type InsertResult,
  type PanelBackend,
  type TemplateInfo,
  type View,
} from '../../ui/panel';
import css from '../../ui/panel.css';

declare const google: { script: { run: GoogleScriptRun } } | undefined;
interface GoogleScriptRun {
  withSuccessHandler(f: (v: unknown) => void): GoogleScriptRun;
  withFailureHandler(f: (e: Error) => void): GoogleScriptRun;
  [fn: string]: unknown;
}

/** Calls a server function and resolves with its result. */
export function callServer<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (typeof google === 'undefined') return reject(new Error('Not running inside Google Sheets'));
    const runner = google.script.run.withSuccessHandler((v) => resolve(v as T)).withFailureHandler(reject);
    (runner[fn] as (...a: unknown[]) => void)(...args);
  });
}

export function sheetsBackend(): PanelBackend {
  return {
    host: 'sheets',
    functionPrefix: '',
    functions: functionDocs(),
    // Both run on the server (apps-script/src/templates/server.ts) and return plain JSON.
    listTemplates: () => callServer<TemplateInfo[]>('listTemplates'),
    insertTemplate: (id: string, options: InsertOptions) =>
      callServer<InsertResult>('insertTemplate', id, { example: !!options.example }),
    // Reads the active range on the server (apps-script/src/templates/chart-server.ts).
    insertChart: (kind) => callServer<InsertResult>('insertChartFromSelection', kind),
  };
}

function start(): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const initial = (window as unknown as { TST_INITIAL_VIEW?: View }).TST_INITIAL_VIEW;
  mountPanel(document.getElementById('app')!, sheetsBackend(), initial ?? 'templates');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
