/**
 * The self-check through the BUILT bundles (run `npm run build` first), against host fakes whose engines
 * calculate the formulas (test/fakes/host-engine.ts):
 *  - Sheets: the sidebar's About tab runs it through google.script.run → Code.js (ping, then runSelfCheck) and
 *    shows the report; the menu has "Check this add-in"; a host whose engine computes the Priority Score
 *    differently gets that check failing; a de_DE spreadsheet in Auckland passes;
 *  - Excel: the task pane's About tab runs it in the task pane's runtime; a tampered engine fails the check;
 *    an ExcelApi 1.8 host runs it without any newer member.
 * Each run removes exactly what it created: the user's sheets, cells, named ranges and charts, the sheet order
 * and the active sheet are as before.
 */
import * as vm from 'vm';
import type { SelfCheckReport } from '../../shared/self-check/report';
import { createPage, flush, toHtml, type FakeElement } from '../fakes/dom';
import { FakeExcelHost, snapshotSheet } from '../fakes/excel';
import { attachExcelEngine } from '../fakes/excel-engine';
import '../fakes/excel-selection';
import { fakeScriptRun } from '../fakes/script-run';
import { createSheetsFake, type MenuRecord, type SheetsFake, type SheetsFakeOptions } from '../fakes/sheets';
import { loadSheetsBundle, readDist, type SheetsBundle } from '../harness/bundles';

/** Pages the report of each host was rendered in, for scripts/render-self-check.ts. */
export const RENDERED: Record<string, string> = {};

/** The Priority Score computed with 0.6 × Effort instead of 0.5 (a host engine that computes one column differently). */
const tamperScore = (f: string): string => f.replace(/\*0[.,]5-/, '*0.6-').replace(/\*0,6-/, '*0,6-');

// ---------- Google Sheets ----------

function sheetsWithUserData(options: SheetsFakeOptions = {}): { fake: SheetsFake; bundle: SheetsBundle } {
  const fake = createSheetsFake(['Budget', 'Notes'], undefined, { engine: true, ...options });
  const budget = fake.ss.sheet('Budget');
  budget.getRange('A1:C3').setValues([
    ['Item', 'Cost', 'Total'],
    ['Laptops', 1200, '=SUM(B2:B3)'],
    ['Licences', 300, ''],
  ]);
  fake.ss.setNamedRange('Rates', budget.getRange('B2:B3'));
  fake.ss.setActiveSheet(fake.ss.sheet('Notes').real());
  return { fake, bundle: loadSheetsBundle({ ...fake.globals }) };
}

function sheetsState(fake: SheetsFake): unknown {
  return {
    sheets: fake.ss.sheets.map((s) => s.snapshot()),
    names: [...fake.ss.named.entries()].map(([n, r]) => [n, r.range.sheet.name, r.range.a1()]),
    active: fake.ss.active?.name,
  };
}

function loadSidebar(google: unknown): FakeElement {
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, google, console });
  const html = readDist('apps-script/Sidebar.html');
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    vm.runInContext(m[1], context, { filename: 'Sidebar.html' });
  return page.app;
}

/** Clicks About ▸ Check this add-in and waits for the report. */
async function runFromPanel(app: FakeElement): Promise<FakeElement> {
  app.find((e) => e.getAttribute('role') === 'tab' && e.textContent === 'About')!.click();
  app.find((e) => e.id === 'tst-self-check')!.click();
  const status = (): FakeElement =>
    app.find((e) => e.id === 'view-about')!.find((e) => e.classList.contains('tst-status'))!;
  for (let i = 0; i < 4000 && !/tst-(ok|error)/.test(status().className); i++) await flush(2);
  return app.find((e) => e.id === 'view-about')!;
}

const checks = (about: FakeElement): Array<{ ok: boolean; name: string; detail: string }> =>
  about
    .findAll((e) => e.classList.contains('tst-check'))
    .map((e) => ({
      ok: e.classList.contains('tst-check-ok'),
      name: e.find((x) => x.classList.contains('tst-check-name'))!.textContent,
      detail: e.find((x) => x.classList.contains('tst-check-detail'))!.textContent,
    }));

describe('Google Sheets (Code.js and Sidebar.html, built)', () => {
  test('the menu has Extensions ▸ Tech Strategy ▸ Check this add-in, a top-level function that opens the sidebar on the check', () => {
    const { fake, bundle } = sheetsWithUserData();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    const items = fake.ui.menus[0].items as MenuRecord['items'];
    const item = items.find((i) => 'caption' in i && i.caption === 'Check this add-in') as { fn: string };
    expect(bundle.has(item.fn)).toBe(true);
    bundle.call(item.fn);
    expect(fake.ui.sidebars[0].content).toContain('window.TST_RUN_SELF_CHECK = true');
    expect(fake.ui.sidebars[0].content).toContain('window.TST_INITIAL_VIEW = "about"');
  });

  test('About ▸ Check this add-in: every check passes, the sidebar reached the server, and only what it made is gone', async () => {
    const { fake, bundle } = sheetsWithUserData();
    const before = sheetsState(fake);
    const app = loadSidebar(fakeScriptRun((fn, args) => bundle.call(fn, ...args)));
    await flush();
    const about = await runFromPanel(app);
    const found = checks(about);
    expect(found.filter((c) => !c.ok)).toEqual([]);
    const groups = about.findAll((e) => e.classList.contains('tst-check-group')).map((e) => e.textContent);
    for (const g of ['Panel', 'Templates', 'Computed columns', 'Charts', 'Custom functions', 'Clean-up'])
      expect(groups.some((x) => x.startsWith(`${g}:`))).toBe(true);
    expect(found[0]).toMatchObject({ ok: true, name: 'The panel reached its host' });
    expect(found[0].detail).toMatch(/^Google Sheets answered through google\.script\.run in \d+ ms$/);
    expect(found.filter((c) => / on "✓/.test(c.name)).length).toBeGreaterThanOrEqual(13); // every chart
    expect(found.some((c) => c.name === 'PRIORITY_PLAN' && c.detail.endsWith('→ Q1; Q2; Q3'))).toBe(true);
    const text = about.find((e) => e.tagName === 'textarea')!.value;
    expect(text).toMatch(/^Tech Strategy Toolkit: self-check\nAll \d+ checks passed\./);
    expect(text).toContain('Locale: en_US');
    expect(sheetsState(fake)).toEqual(before);
    RENDERED.sheetsPass = toHtml(about);
  });

  test('a host whose engine computes the Priority Score differently: that check fails with the values', () => {
    const { fake, bundle } = sheetsWithUserData({ engine: { tamper: tamperScore } });
    const before = sheetsState(fake);
    const report = bundle.call('runSelfCheck', { templates: ['prioritization'] }) as SelfCheckReport;
    const failed = report.checks.filter((c) => !c.ok);
    const score = failed.find((c) => c.name.endsWith(': Priority Score'))!;
    expect(score.detail).toContain('row 1: sheet 17, PRIORITY_SCORE 17.5');
    expect(report.checks.find((c) => c.name.endsWith(': Quadrant'))!.ok).toBe(true);
    expect(sheetsState(fake)).toEqual(before);
  });

  test('a de_DE spreadsheet in Pacific/Auckland: formulas in its syntax, dates in its zone, every check passes', () => {
    const { fake, bundle } = sheetsWithUserData({ locale: 'de_DE', timeZone: 'Pacific/Auckland' });
    const before = sheetsState(fake);
    const report = bundle.call('runSelfCheck', {
      templates: ['prioritization', 'metrics', 'velocity', 'health-scorecard', 'roadmap'],
    }) as SelfCheckReport;
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.environment).toMatchObject({
      locale: 'de_DE',
      numbers: 'decimal comma; formulas written with ";" between arguments',
      timeZone: 'Pacific/Auckland (script: Etc/UTC)',
    });
    expect(sheetsState(fake)).toEqual(before);
  });
});

// ---------- Excel ----------

function excelWithUserData(): FakeExcelHost {
  const host = new FakeExcelHost(['Budget', 'Notes']);
  const ctx = host.context();
  const budget = ctx.workbook.worksheets.getItem('Budget');
  budget.getRange('A1:C3').formulas = [
    ['Item', 'Cost', 'Total'],
    ['Laptops', 1200, '=SUM(B2:B3)'],
    ['Licences', 300, ''],
  ];
  ctx.workbook.names.add('Rates', budget.getRange('B2:B3'));
  ctx.workbook.worksheets.getItem('Notes').activate();
  void ctx.sync();
  return host;
}

function excelState(host: FakeExcelHost): unknown {
  return {
    sheets: host.state.sheets.map((s) => [s.id, snapshotSheet(s)]),
    names: host.state.names.map((n) => [n.name, n.reference]),
    tables: host.state.tables.map((t) => t.name),
    active: host.state.active?.name,
  };
}

function loadTaskpane(host: FakeExcelHost): FakeElement {
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, console, setTimeout, ...host.globals() });
  vm.runInContext(readDist('excel-addin/functions.js'), context, { filename: 'functions.js' });
  vm.runInContext(readDist('excel-addin/taskpane.js'), context, { filename: 'taskpane.js' });
  return page.app;
}

describe('Excel (functions.js and taskpane.js, built)', () => {
  test('About ▸ Check this add-in: every check passes, and only what it made is gone', async () => {
    const host = excelWithUserData();
    attachExcelEngine(host);
    const before = excelState(host);
    const app = loadTaskpane(host);
    await flush();
    const about = await runFromPanel(app);
    const found = checks(about);
    expect(found.filter((c) => !c.ok)).toEqual([]);
    expect(found[0].detail).toMatch(/^Excel \(active sheet "Notes"\) answered through Excel\.run in \d+ ms$/);
    expect(found.filter((c) => / on "✓/.test(c.name)).length).toBeGreaterThanOrEqual(13);
    expect(about.find((e) => e.tagName === 'textarea')!.value).toContain('API: Office 16.0.18000.20000; ExcelApi');
    expect(excelState(host)).toEqual(before);
    RENDERED.excelPass = toHtml(about);
  });

  test('a host whose engine computes the Priority Score differently: the report shows that check failing', async () => {
    const host = excelWithUserData();
    attachExcelEngine(host, { tamper: tamperScore });
    const before = excelState(host);
    const app = loadTaskpane(host);
    await flush();
    const about = await runFromPanel(app);
    const failed = checks(about).filter((c) => !c.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((c) => /Prioritization( \(\d\))?: (Priority Score|Rank|Planned Quarter)$/.test(c.name))).toBe(
      true,
    );
    expect(failed.find((c) => c.name.endsWith('Priority Score'))!.detail).toContain(
      'row 1: sheet 17, PRIORITY_SCORE 17.5',
    );
    const status = about.find((e) => e.classList.contains('tst-status'))!;
    expect(status.className).toContain('tst-error');
    expect(status.textContent).toMatch(/^\d+ of \d+ checks failed\.$/);
    expect(excelState(host)).toEqual(before);
    RENDERED.excelFail = toHtml(about);
  });
});
