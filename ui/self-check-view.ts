/**
 * The self-check in the panel's About tab (Sheets sidebar, Excel task pane): a button runs it through the host
 * (backend.ping, then backend.runSelfCheck), and the report is shown check by check with the values, plus the
 * same report as text to copy. The first line says whether the panel reached its host at all: in Sheets a
 * google.script.run round trip, the one thing a security policy that blocked Google's client would break.
 * Every value is shown as text (ui/dom.ts).
 */
import {
  environmentLines,
  failedChecks,
  groupsOf,
  reportSummary,
  reportText,
  type CheckResult,
  type SelfCheckOptions,
  type SelfCheckReport,
} from '../shared/self-check/report';
import { LEFTOVERS_NAME } from '../shared/core/messages';
import { hostErrorText as errorText } from '../shared/plan/report';
import { VERSION } from '../shared/core/version';
import { append, clear, h } from './dom';
import type { PanelBackend } from './backend';

const CHANNEL = { sheets: 'google.script.run', excel: 'Excel.run', preview: 'the preview' } as const;

/** The About tab's section; `start()` runs the check as the button does. */
export function renderSelfCheck(panel: HTMLElement, backend: PanelBackend): { start(): Promise<void> } {
  const button = h('button', { type: 'button', class: 'tst-primary', id: 'tst-self-check' }, 'Check this add-in');
  const status = h('div', { class: 'tst-status', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'tst-self-check-report', id: 'tst-self-check-report' });
  const leftovers = h('div', { class: 'tst-actions' });
  append(panel, [
    h('h2', { class: 'tst-section-title' }, 'Check this add-in'),
    h(
      'p',
      {},
      'Inserts every template with its example into new sheets whose names start with ✓, lets the spreadsheet calculate, compares every computed column with the add-in’s own functions, checks each chart and calls each custom function once, then removes exactly the sheets and names it added. It takes a minute or two; leave the workbook alone meanwhile.',
    ),
    button,
    status,
    leftovers,
    result,
  ]);
  const start = async (options?: SelfCheckOptions): Promise<void> => {
    button.disabled = true;
    clear(result);
    clear(leftovers);
    status.className = 'tst-status tst-busy';
    status.textContent = options?.removeLeftovers
      ? 'Removing the leftovers of an earlier check…'
      : 'Checking… the new ✓ sheets come and go while it runs.';
    const report = await runChecks(backend, options);
    status.className = `tst-status ${failedChecks(report).length === 0 ? 'tst-ok' : 'tst-error'}`;
    status.textContent = reportSummary(report);
    showReport(result, report);
    // Leftovers of an interrupted check (found by the check's own mark) are removed only when the user asks.
    if (report.checks.some((c) => c.name === LEFTOVERS_NAME && !c.ok && !options?.removeLeftovers)) {
      const remove = h(
        'button',
        { type: 'button', class: 'tst-secondary', id: 'tst-remove-leftovers' },
        'Remove the leftovers',
      );
      remove.addEventListener('click', () => void start({ templates: [], removeLeftovers: true }));
      leftovers.appendChild(remove);
    }
    button.disabled = false;
  };
  button.addEventListener('click', () => void start());
  return { start: () => start() };
}

/** Pings the host, then runs the check; a failure to reach the host is the report's first (failed) check. */
async function runChecks(backend: PanelBackend, options?: SelfCheckOptions): Promise<SelfCheckReport> {
  const channel = CHANNEL[backend.host];
  const t0 = Date.now();
  let panel: CheckResult;
  try {
    const reply = await backend.ping!();
    panel = {
      group: 'Panel',
      name: 'The panel reached its host',
      ok: true,
      detail: `${reply.host} answered through ${channel} in ${Date.now() - t0} ms`,
    };
  } catch (e) {
    const detail = `${channel} failed: ${errorText(e)}. If this persists, the panel cannot talk to the spreadsheet: reload it, and report this line.`;
    return {
      environment: unknownEnvironment(backend),
      startedAt: new Date(t0).toISOString(),
      durationMs: Date.now() - t0,
      checks: [{ group: 'Panel', name: 'The panel reached its host', ok: false, detail }],
    };
  }
  try {
    const report = await backend.runSelfCheck!(options);
    return { ...report, checks: [panel, ...report.checks] };
  } catch (e) {
    const failed: CheckResult = { group: 'Templates', name: 'Self-check', ok: false, detail: errorText(e) };
    return {
      environment: unknownEnvironment(backend),
      startedAt: new Date(t0).toISOString(),
      durationMs: Date.now() - t0,
      checks: [panel, failed],
    };
  }
}

function unknownEnvironment(backend: PanelBackend): SelfCheckReport['environment'] {
  const host = backend.host === 'sheets' ? 'Google Sheets' : backend.host === 'excel' ? 'Excel' : 'Preview';
  return { host, platform: 'unknown', api: 'unknown', locale: 'unknown', numbers: 'unknown', timeZone: 'unknown' };
}

/** The report: where it ran, each group's checks (failed ones first in their group), and the text to copy. */
export function showReport(el: HTMLElement, report: SelfCheckReport): void {
  clear(el);
  const env = h('dl', { class: 'tst-env' });
  append(env, [h('dt', {}, 'Add-in version'), h('dd', {}, VERSION)]);
  for (const [label, value] of environmentLines(report.environment))
    append(env, [h('dt', {}, label), h('dd', {}, value)]);
  el.appendChild(env);
  for (const group of groupsOf(report)) {
    const checks = report.checks.filter((c) => c.group === group);
    const failed = checks.filter((c) => !c.ok);
    // A group that passed stays folded (one line); a group with a failure opens, its failures first.
    const list = h('ul', { class: 'tst-checks' });
    for (const c of [...failed, ...checks.filter((x) => x.ok)]) list.appendChild(checkItem(c));
    const label = `${group}: ${failed.length === 0 ? `${checks.length} passed` : `${failed.length} of ${checks.length} failed`}`;
    el.appendChild(
      h(
        'details',
        { class: `tst-check-group${failed.length > 0 ? ' tst-check-group-failed' : ''}`, open: failed.length > 0 },
        h('summary', {}, label),
        list,
      ),
    );
  }
  appendCopyBox(el, report);
}

function checkItem(c: CheckResult): HTMLLIElement {
  return h(
    'li',
    { class: `tst-check ${c.ok ? 'tst-check-ok' : 'tst-check-fail'}` },
    h('span', { class: 'tst-check-mark', 'aria-label': c.ok ? 'passed' : 'failed' }, c.ok ? '✓' : '✗'),
    h('span', { class: 'tst-check-name' }, c.name),
    h('span', { class: 'tst-check-detail' }, c.detail),
  );
}

function appendCopyBox(el: HTMLElement, report: SelfCheckReport): void {
  const text = reportText(report);
  const box = h('textarea', { class: 'tst-report-text', readonly: true, rows: 6, 'aria-label': 'The report as text' });
  box.value = text;
  const copied = h('span', { class: 'tst-note', role: 'status' });
  const copy = h('button', { type: 'button', class: 'tst-secondary', id: 'tst-copy-report' }, 'Copy report');
  copy.addEventListener('click', () => {
    box.select();
    const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    const done = (ok: boolean): void => void (copied.textContent = ok ? ' Copied.' : ' Select the text and copy it.');
    if (clip)
      clip.writeText(text).then(
        () => done(true),
        () => done(document.execCommand?.('copy') === true),
      );
    else done(document.execCommand?.('copy') === true);
  });
  append(el, [h('h3', { class: 'tst-report-title' }, 'Report to copy'), box, h('div', {}, copy, copied)]);
}
