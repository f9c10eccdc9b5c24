/**
 * The panel's Progress tab: "Record snapshot" (appends today's values to the Progress History sheet) and the
 * strategy document as Markdown (copy it, or download strategy.md). Host-neutral like the rest of the panel:
 * it calls the backend's recordSnapshot / strategyMarkdown and shows every result as text.
 */
import { hostErrorText as errorText } from '../shared/plan/report';
import type { Async, PanelApi } from '../shared/panel/panel-api';
import { clear, h } from './dom';
import type { PanelBackend } from './backend';
import * as msg from './messages';

/** The part of the panel's backend this tab uses (shared/panel/panel-api.ts). */
export type ProgressBackend = Partial<
  Pick<Async<PanelApi>, 'recordSnapshot' | 'strategyMarkdown' | 'addPlannedToRoadmap' | 'refreshCharts'>
> &
  Pick<PanelBackend, 'canDownload'>;

/** Shows the text selected, for the user to copy. */
function showSelected(text: string, area: HTMLTextAreaElement): void {
  area.value = text;
  area.hidden = false;
  area.focus();
  area.select();
}

/**
 * Copies text: the Clipboard API where the frame may use it, else a selected textarea and execCommand. True only
 * when one of them reports the copy done (Office on the web blocks the Clipboard API: office-js#1991, #2513).
 */
async function copyText(text: string, fallback: HTMLTextAreaElement): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Blocked in this frame (no clipboard-write permission): fall back below.
  }
  showSelected(text, fallback);
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/** Offers the text as a strategy.md download (an object URL, revoked right after). */
function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const a = h('a', { href: url, download: 'strategy.md', hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Say = (kind: 'ok' | 'error' | 'busy', text: string, lead?: string) => void;

/** The status line of the tab (a live region) and how to show a message in it. */
function statusLine(): { status: HTMLElement; say: Say } {
  const status = h('div', {
    class: 'tst-progress-status',
    role: 'status',
    'aria-live': 'polite',
    id: 'tst-progress-status',
  });
  const say: Say = (kind, text, lead) => {
    status.className = `tst-progress-status tst-status tst-${kind}`;
    clear(status);
    if (lead) status.appendChild(h('strong', { class: 'tst-status-lead' }, lead));
    status.appendChild(h('span', {}, lead ? ` ${text}` : text));
  };
  return { status, say };
}

/** A button that runs an action, showing progress, then its result or its error. */
function actionButton(
  id: string,
  label: string,
  primary: boolean,
  say: Say,
  busy: string,
  failLead: string,
  act: () => Promise<string>,
): HTMLButtonElement {
  const b = h('button', { type: 'button', class: primary ? 'tst-primary' : 'tst-secondary', id }, label);
  b.addEventListener('click', async () => {
    say('busy', busy);
    try {
      say('ok', await act());
    } catch (e) {
      say('error', errorText(e), failLead);
    }
  });
  return b;
}

/** "Add planned projects to the roadmap": its help line and button. */
function roadmapSection(panel: HTMLElement, add: NonNullable<ProgressBackend['addPlannedToRoadmap']>, say: Say): void {
  const roadmap = actionButton(
    'tst-plan-to-roadmap',
    'Add planned projects to the roadmap',
    false,
    say,
    'Adding planned projects to the roadmap…',
    'No project was added:',
    async () => (await add()).message,
  );
  panel.appendChild(
    h(
      'p',
      { class: 'tst-help' },
      'The roadmap from the plan: each planned project not on the Roadmap yet is added below its last row, with its theme, owner and the dates of its planned quarter.',
    ),
  );
  panel.appendChild(h('div', { class: 'tst-actions' }, roadmap));
}

/** "Refresh charts": its help line and button (the live hosts fix a chart's axis and legend when it is made). */
function refreshSection(panel: HTMLElement, refresh: NonNullable<ProgressBackend['refreshCharts']>, say: Say): void {
  const button = actionButton(
    'tst-refresh-charts',
    'Refresh charts',
    false,
    say,
    'Refreshing the charts…',
    'The charts were not refreshed:',
    async () => (await refresh()).message,
  );
  panel.appendChild(h('p', { class: 'tst-help' }, msg.REFRESH_CHARTS_HELP));
  panel.appendChild(h('div', { class: 'tst-actions' }, button));
}

/** The roadmap's actions the backend offers: add the planned projects, refresh the charts. */
function roadmapSections(panel: HTMLElement, backend: ProgressBackend, say: Say): void {
  if (backend.addPlannedToRoadmap) roadmapSection(panel, backend.addPlannedToRoadmap, say);
  if (backend.refreshCharts) refreshSection(panel, backend.refreshCharts, say);
}

// Download .md asks canDownload at the click: where the host does nothing with a download link, say so and leave the text to copy.
export function renderProgress(panel: HTMLElement, backend: ProgressBackend): void {
  const { status, say } = statusLine();
  const text = h('textarea', {
    class: 'tst-markdown',
    id: 'tst-markdown',
    readonly: true,
    rows: 8,
    hidden: true,
    'aria-label': 'The strategy document as Markdown',
  });
  const markdown = async (): Promise<string> => {
    const md = await backend.strategyMarkdown!();
    text.value = md;
    text.hidden = false;
    return md;
  };
  const writing = ['Writing the strategy document…', 'Could not write the strategy document:'] as const;
  const snapshot = actionButton(
    'tst-snapshot',
    'Record snapshot',
    true,
    say,
    'Recording a snapshot…',
    'The snapshot was not recorded:',
    async () => (await backend.recordSnapshot!()).message,
  );
  const copy = actionButton('tst-copy-md', 'Copy strategy as Markdown', false, say, ...writing, async () =>
    (await copyText(await markdown(), text)) ? msg.COPIED_MARKDOWN : msg.COPY_BY_HAND,
  );
  const save = actionButton('tst-download-md', 'Download .md', false, say, ...writing, async () => {
    const md = await markdown();
    if (backend.canDownload && !backend.canDownload()) {
      showSelected(md, text);
      return msg.NO_DOWNLOAD_HERE;
    }
    download(md);
    return msg.DOWNLOADED_MARKDOWN;
  });
  panel.appendChild(
    h(
      'p',
      { class: 'tst-help' },
      'Monthly strategy review: record a snapshot of every metric, theme progress and the health score on the Progress History sheet (rows are only ever added).',
    ),
  );
  if (backend.recordSnapshot) panel.appendChild(h('div', { class: 'tst-actions' }, snapshot));
  roadmapSections(panel, backend, say);
  if (backend.strategyMarkdown) {
    panel.appendChild(
      h(
        'p',
        { class: 'tst-help' },
        "The strategy document in the guide's structure, filled from this workbook, with the Strategy Review's open findings.",
      ),
    );
    panel.appendChild(h('div', { class: 'tst-actions tst-progress-actions' }, copy, save));
  }
  panel.appendChild(status);
  panel.appendChild(text);
}
