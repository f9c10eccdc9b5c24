/**
 * The add-in panel: one UI for the Sheets sidebar, the Excel task pane and the local preview.
 * It talks to its host only through a `PanelBackend`, so the same code runs in all three.
 */
import type { FunctionDoc } from '../shared/docs/reference';
import { CHART_CATALOG, type ChartCatalogEntry } from '../shared/chart-from-selection/chart-from-selection';
import type { TemplateInfo } from '../shared/templates/index';
import type { InsertOptions } from '../shared/panel/panel-api';
import { hostErrorText as errorText, type InsertResult } from '../shared/plan/report';
import { VERSION } from '../shared/core/version';
import { append, clear, h } from './dom';
import { renderProgress } from './progress-view';
import type { PanelBackend } from './backend';
import { renderSelfCheck } from './self-check-view';

export type { PanelBackend, PanelPages } from './backend';

export type { InsertOptions, InsertResult, TemplateInfo };

export type View = 'templates' | 'charts' | 'progress' | 'functions' | 'about';

const HOST_NAMES = { sheets: 'Google Sheets', excel: 'Excel', preview: 'the local preview' } as const;

/** Adds the host's namespace to our function names in a formula: `=PRIORITY_SCORE(` → `=STRATEGY.PRIORITY_SCORE(`. */
export function withPrefix(formula: string, prefix: string, names: readonly string[]): string {
  if (!prefix) return formula;
  const ours = new Set(names);
  return formula.replace(/(^|[^.\w])([A-Z][A-Z0-9_]*)\(/g, (m, before: string, name: string) =>
    ours.has(name) ? `${before}${prefix}${name}(` : m,
  );
}

const VIEW_LABELS: Record<View, string> = {
  templates: 'Templates',
  charts: 'Charts',
  progress: 'Progress',
  functions: 'Functions',
  about: 'About',
};

export interface MountOptions {
  /** Run the self-check as soon as the panel is shown (Sheets menu "Check this add-in"). */
  startSelfCheck?: boolean;
}

export function mountPanel(
  root: HTMLElement,
  backend: PanelBackend,
  initial: View = 'templates',
  options: MountOptions = {},
): { show(view: View): void } {
  clear(root);
  root.classList.add('tst-panel', `host-${backend.host}`);
  // A tab for each part the host offers, in this order.
  const views: View[] = [
    ...(backend.listTemplates ? ['templates' as const] : []),
    'functions',
    ...(backend.insertChartFromSelection ? ['charts' as const] : []),
    ...(backend.recordSnapshot || backend.strategyMarkdown ? ['progress' as const] : []),
    'about',
  ];
  const tabs = createTabs(views);
  root.appendChild(
    h(
      'header',
      { class: 'tst-header' },
      h('h1', {}, 'Tech Strategy'),
      h('p', { class: 'tst-sub' }, 'Prioritise, plan and track your technical strategy'),
    ),
  );
  root.appendChild(tabs.tabList);
  for (const p of tabs.panels.values()) root.appendChild(p);

  if (backend.listTemplates) renderTemplates(tabs.panels.get('templates')!, backend);
  if (backend.insertChartFromSelection) renderCharts(tabs.panels.get('charts')!, backend);
  if (tabs.panels.has('progress')) renderProgress(tabs.panels.get('progress')!, backend);
  renderFunctions(tabs.panels.get('functions')!, backend);
  renderAbout(tabs.panels.get('about')!, backend);
  // The self-check, where the host offers it (Sheets and Excel; not the local preview).
  if (backend.runSelfCheck && backend.ping) {
    const check = renderSelfCheck(tabs.panels.get('about')!, backend);
    if (options.startSelfCheck) void check.start();
  }
  tabs.show(initial);
  return { show: tabs.show };
}

/** A tab list (arrow keys move between tabs) and one tab panel per view; `show` selects one. */
function createTabs(views: View[]): {
  tabList: HTMLElement;
  panels: Map<View, HTMLElement>;
  show(view: View): void;
} {
  const tabList = h('div', { role: 'tablist', class: 'tst-tabs', 'aria-label': 'Tech Strategy' });
  const panels = new Map<View, HTMLElement>();
  const tabs = new Map<View, HTMLButtonElement>();
  const show = (view: View): void => {
    const v = views.includes(view) ? view : views[0];
    for (const [name, tab] of tabs) {
      const selected = name === v;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels.get(name)!.hidden = !selected;
    }
  };
  views.forEach((v, i) => {
    const attrs = { role: 'tab', id: `tab-${v}`, 'aria-controls': `view-${v}`, class: 'tst-tab', type: 'button' };
    const tab = h('button', { ...attrs, onclick: () => show(v) }, VIEW_LABELS[v]);
    tab.addEventListener('keydown', (ev) => {
      const k = (ev as KeyboardEvent).key;
      if (k !== 'ArrowRight' && k !== 'ArrowLeft') return;
      const next = views[(i + (k === 'ArrowRight' ? 1 : views.length - 1)) % views.length];
      show(next);
      tabs.get(next)!.focus();
    });
    tabs.set(v, tab);
    tabList.appendChild(tab);
    panels.set(
      v,
      h('section', { role: 'tabpanel', id: `view-${v}`, 'aria-labelledby': `tab-${v}`, class: 'tst-view' }),
    );
  });
  return { tabList, panels, show };
}

type StatusKind = 'info' | 'ok' | 'error' | 'busy';

/** Shows a message in a live region; an error gets a bold lead ("Could not insert Roadmap:") before the host's explanation. */
function showStatus(status: HTMLElement, baseClass: string, kind: StatusKind, text: string, lead?: string): void {
  status.className = `${baseClass} tst-${kind}`;
  clear(status);
  if (lead) status.appendChild(h('strong', { class: 'tst-status-lead' }, lead));
  if (text) status.appendChild(h('span', {}, lead ? ` ${text}` : text));
}

/** The Templates tab's parts and state. */
interface TemplatesView {
  panel: HTMLElement;
  status: HTMLElement;
  list: HTMLElement;
  example: HTMLInputElement;
  selection: HTMLElement;
  insert: HTMLButtonElement;
  footer: HTMLElement;
  selected?: TemplateInfo;
  busy: boolean;
}

/** Templates: the list (a radio group), the example option, Insert, and a status line. */
function renderTemplates(panel: HTMLElement, backend: PanelBackend): void {
  const v = templatesView(panel);
  v.insert.addEventListener('click', () => insertSelected(v, backend));
  setTemplatesStatus(v, 'busy', 'Loading templates…');
  backend.listTemplates!().then(
    (templates) => {
      setTemplatesStatus(v, 'info', '');
      const items: HTMLElement[] = [];
      templates.forEach((t, i) => {
        const item = templateItem(v, t, i, items);
        items.push(item);
        v.list.appendChild(item);
      });
    },
    (e) => setTemplatesStatus(v, 'error', errorText(e), 'Could not load the templates:'),
  );
}

function templatesView(panel: HTMLElement): TemplatesView {
  const status = h('div', { class: 'tst-status', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { class: 'tst-template-list', role: 'radiogroup', 'aria-label': 'Templates' });
  const example = h('input', { type: 'checkbox', id: 'tst-example', checked: true });
  const selection = h('div', { class: 'tst-selection', id: 'tst-selection' }, 'Choose a template above.');
  const insert = h(
    'button',
    { type: 'button', class: 'tst-primary', id: 'tst-insert', disabled: true, 'aria-describedby': 'tst-selection' },
    'Insert',
  );
  const footer = h(
    'div',
    { class: 'tst-footer' },
    h('div', { class: 'tst-progress', 'aria-hidden': 'true' }),
    selection,
    h('div', { class: 'tst-options' }, example, h('label', { for: 'tst-example' }, 'Fill with example data')),
    h('div', { class: 'tst-actions' }, insert),
    status,
  );
  panel.appendChild(
    h('p', { class: 'tst-help' }, 'Pick a template. It is added as new sheets; nothing you have is changed.'),
  );
  panel.appendChild(list);
  panel.appendChild(footer);
  return { panel, status, list, example, selection, insert, footer, busy: false };
}

const setTemplatesStatus = (v: TemplatesView, kind: StatusKind, text: string, lead?: string): void =>
  showStatus(v.status, 'tst-status', kind, text, lead);

function setTemplatesBusy(v: TemplatesView, on: boolean): void {
  v.busy = on;
  if (on) {
    v.footer.classList.add('is-busy');
    v.panel.setAttribute('aria-busy', 'true');
  } else {
    v.footer.classList.remove('is-busy');
    v.panel.removeAttribute('aria-busy');
  }
  v.insert.disabled = on || !v.selected;
}

/** Inserts the chosen template; the host's answer (or its explanation of a failure) goes to the status line. */
async function insertSelected(v: TemplatesView, backend: PanelBackend): Promise<void> {
  const t = v.selected;
  if (!t || v.busy || !backend.insertTemplate) return;
  setTemplatesBusy(v, true);
  setTemplatesStatus(v, 'busy', `Inserting ${t.name}…`);
  try {
    const r = await backend.insertTemplate(t.id, { example: v.example.checked });
    setTemplatesStatus(v, 'ok', r.message);
  } catch (e) {
    // Executors explain failures as "<title> was not inserted: <why>"; that first clause becomes the bold lead.
    const text = errorText(e);
    const own = /^(.{1,120}? was not inserted:)\s*([\s\S]*)$/.exec(text);
    if (own) setTemplatesStatus(v, 'error', own[2], own[1]);
    else setTemplatesStatus(v, 'error', text, `Could not insert ${t.name}:`);
  } finally {
    setTemplatesBusy(v, false);
  }
}

/** One template of the radio group: click, Space or Enter chooses it; arrows, Home and End move (and choose). */
function templateItem(v: TemplatesView, t: TemplateInfo, i: number, items: HTMLElement[]): HTMLElement {
  const item = h(
    'div',
    { class: 'tst-template', role: 'radio', 'aria-checked': 'false', tabindex: i === 0 ? 0 : -1, 'data-id': t.id },
    h('div', { class: 'tst-template-name' }, t.name),
    h('div', { class: 'tst-template-desc' }, t.description),
  );
  item.addEventListener('click', () => chooseTemplate(v, t, item, items));
  item.addEventListener('keydown', (ev) => {
    const k = (ev as KeyboardEvent).key;
    if (k === ' ' || k === 'Enter') {
      ev.preventDefault();
      chooseTemplate(v, t, item, items);
    } else if (k === 'ArrowDown' || k === 'ArrowUp' || k === 'Home' || k === 'End') {
      ev.preventDefault();
      const j =
        k === 'Home'
          ? 0
          : k === 'End'
            ? items.length - 1
            : (i + (k === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      const next = items[j];
      next.focus();
      next.click();
    }
  });
  return item;
}

function chooseTemplate(v: TemplatesView, t: TemplateInfo, item: HTMLElement, items: HTMLElement[]): void {
  v.selected = t;
  for (const other of items) {
    const on = other === item;
    other.setAttribute('aria-checked', String(on));
    other.tabIndex = on ? 0 : -1;
  }
  v.insert.disabled = v.busy;
  clear(v.selection);
  const n = t.sheets.length;
  append(v.selection, [
    h('strong', {}, t.name),
    h('span', { class: 'tst-selection-sheets' }, n === 1 ? ' · 1 sheet' : ` · ${n} sheets`),
  ]);
}

/** Charts on demand: one row per chart with what to select and an Insert button; the host reads the selection. */
function renderCharts(panel: HTMLElement, backend: PanelBackend): void {
  // The live region exists from the start (so it is announced); it takes the status look once it has something to say.
  const status = h('div', { class: 'tst-chart-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'tst-chart-list', 'aria-label': 'Charts' });
  const buttons: HTMLButtonElement[] = [];
  const state = { busy: false };
  panel.appendChild(
    h(
      'p',
      { class: 'tst-help' },
      'Select a table in the sheet, header row included, then insert a chart. It reads your cells, so it follows them when they change, and it goes to the right of your data.',
    ),
  );
  panel.appendChild(list);
  panel.appendChild(status);
  const setStatus = (kind: StatusKind, text: string, lead?: string): void =>
    showStatus(status, 'tst-chart-status tst-status', kind, text, lead);
  for (const c of CHART_CATALOG) {
    const hintId = `tst-chart-hint-${c.kind}`;
    const button = h(
      'button',
      {
        type: 'button',
        class: 'tst-secondary',
        'data-kind': c.kind,
        'aria-label': `Insert ${c.name}`,
        'aria-describedby': hintId,
      },
      'Insert',
    );
    buttons.push(button);
    button.addEventListener('click', async () => {
      if (state.busy || !backend.insertChartFromSelection) return;
      const setBusy = (on: boolean): void => {
        state.busy = on;
        if (on) panel.setAttribute('aria-busy', 'true');
        else panel.removeAttribute('aria-busy');
        for (const b of buttons) b.disabled = on;
      };
      setBusy(true);
      setStatus('busy', `Inserting the ${c.name}…`);
      try {
        const r = await backend.insertChartFromSelection(c.kind);
        setStatus('ok', r.message);
      } catch (e) {
        setStatus('error', errorText(e), `Could not insert the ${c.name}:`);
      } finally {
        setBusy(false);
      }
    });
    list.appendChild(chartRow(c, hintId, button));
  }
}

function chartRow(c: ChartCatalogEntry, hintId: string, button: HTMLButtonElement): HTMLElement {
  return h(
    'li',
    { class: 'tst-chart', 'data-kind': c.kind },
    h(
      'div',
      { class: 'tst-chart-text' },
      h('div', { class: 'tst-chart-name' }, c.name),
      h('div', { class: 'tst-chart-hint', id: hintId }, c.hint),
    ),
    button,
  );
}

function renderFunctions(panel: HTMLElement, backend: PanelBackend): void {
  const search = h('input', {
    type: 'search',
    class: 'tst-search',
    placeholder: 'Search functions',
    'aria-label': 'Search functions',
  });
  const list = h('div', { class: 'tst-fn-list' });
  const names = backend.functions.map((f) => f.name);
  panel.appendChild(
    h(
      'p',
      { class: 'tst-help' },
      backend.functionPrefix
        ? `Type the functions in any cell with the ${backend.functionPrefix.replace(/\.$/, '')} prefix, e.g. `
        : 'Type the functions in any cell, e.g. ',
      h('code', {}, withPrefix('=PRIORITY_SCORE(C2:C20, D2:D20, E2:E20, F2:F20)', backend.functionPrefix, names)),
    ),
  );
  panel.appendChild(search);
  panel.appendChild(list);
  const render = (): void => {
    clear(list);
    const q = search.value.trim().toLowerCase();
    const shown = backend.functions.filter(
      (f) =>
        !q ||
        f.name.toLowerCase().includes(q) ||
        f.summary.toLowerCase().includes(q) ||
        f.category.toLowerCase().includes(q),
    );
    if (shown.length === 0) list.appendChild(h('p', { class: 'tst-empty' }, 'No function matches that search.'));
    for (const cat of [...new Set(shown.map((f) => f.category))]) {
      list.appendChild(h('h2', { class: 'tst-cat' }, cat));
      for (const f of shown.filter((x) => x.category === cat))
        list.appendChild(functionCard(f, backend.functionPrefix, names));
    }
  };
  search.addEventListener('input', render);
  render();
}

function functionCard(f: FunctionDoc, prefix: string, names: readonly string[]): HTMLElement {
  const params = h('dl', { class: 'tst-params' });
  for (const p of f.params) {
    params.appendChild(
      h(
        'dt',
        {},
        p.name,
        p.optional
          ? h('span', { class: 'tst-opt' }, p.defaultText ? ` optional, default ${p.defaultText}` : ' optional')
          : null,
      ),
    );
    params.appendChild(h('dd', {}, p.description, h('span', { class: 'tst-valid' }, ` Valid: ${p.expects}.`)));
  }
  const examples = h('ul', { class: 'tst-examples' });
  for (const e of f.examples)
    examples.appendChild(
      h(
        'li',
        {},
        h('code', {}, withPrefix(e.formula, prefix, names)),
        ` → ${e.result}`,
        e.note ? h('span', { class: 'tst-note' }, ` (${e.note})`) : null,
      ),
    );
  return h(
    'details',
    { class: 'tst-fn', id: `fn-${f.name}` },
    h(
      'summary',
      {},
      h('span', { class: 'tst-fn-name' }, prefix + f.name),
      h('span', { class: 'tst-fn-summary' }, f.summary),
    ),
    h('code', { class: 'tst-sig' }, prefix + f.signature),
    params,
    h('p', { class: 'tst-returns' }, h('strong', {}, 'Returns: '), f.result),
    h('div', { class: 'tst-ex-title' }, 'Examples'),
    examples,
    // The background (sources, edge cases) after what is needed to type the formula.
    f.details.length
      ? h('div', { class: 'tst-details' }, ...f.details.map((d) => h('p', {}, d.replace(/`/g, ''))))
      : null,
  );
}

function renderAbout(panel: HTMLElement, backend: PanelBackend): void {
  panel.appendChild(
    h(
      'p',
      {},
      `Tech Strategy Toolkit in ${HOST_NAMES[backend.host]}: custom functions, one-click templates and charts for engineering strategy — priority scores, capacity plans, health scorecards, metrics and DORA levels.`,
    ),
  );
  panel.appendChild(
    h(
      'p',
      {},
      "Templates write the spreadsheet's own formulas, so a workbook keeps calculating for people who do not have the add-in.",
    ),
  );
  panel.appendChild(h('p', {}, 'Permissions: only the open document is read and written. Nothing is sent anywhere.'));
  if (backend.pages) panel.appendChild(pageLinks(backend.pages));
  panel.appendChild(h('p', { class: 'tst-note', id: 'tst-version' }, `Version ${VERSION} · MIT licence.`));
}

/** Links to the support page and the privacy statement; they open outside the panel (a new browser tab or window). */
function pageLinks(pages: { support: string; privacy: string }): HTMLElement {
  const link = (href: string, text: string, id: string): HTMLAnchorElement =>
    h('a', { href, id, target: '_blank', rel: 'noopener noreferrer' }, text);
  return h(
    'p',
    { class: 'tst-pages' },
    link(pages.support, 'Help and support', 'tst-support-link'),
    ' · ',
    link(pages.privacy, 'Privacy statement', 'tst-privacy-link'),
  );
}
