/**
 * Charts on demand through the BUILT bundles (run `npm run build` first):
 *  - Code.js: the "Insert chart" submenu lists the five charts, each handler is a top-level function
 *    that charts the selected range (toast) or explains what to select (alert);
 *  - Sidebar.html: the Charts tab inserts through google.script.run → insertChartFromSelection;
 *  - the task pane (functions.js + taskpane.js): the Charts tab inserts in one Excel.run with two syncs.
 */
import * as vm from 'vm';
import { CHART_CATALOG } from '../../shared/chart-from-selection/chart-from-selection';
import { loadSheetsBundle, readDist, type SheetsBundle } from '../harness/bundles';
import { createPage, flush, type FakeElement } from '../fakes/dom';
import { FakeExcelHost } from '../fakes/excel';
import { selectExcel } from '../fakes/excel-selection';
import { createSheetsFake, type MenuRecord, type SheetsFake } from '../fakes/sheets';
import { fakeScriptRun } from '../fakes/script-run';

function sheetsBundle(): { fake: SheetsFake; bundle: SheetsBundle } {
  const fake = createSheetsFake(['Sheet1']);
  return { fake, bundle: loadSheetsBundle({ ...fake.globals }) };
}
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('Code.js (built): Insert chart menu', () => {
  test('onOpen has an "Insert chart" submenu with the five charts; every handler is a top-level function', () => {
    const { fake, bundle } = sheetsBundle();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    const top = fake.ui.menus[0];
    const charts = top.items
      .map((i) => ('submenu' in i ? i.submenu : undefined))
      .find((m) => m?.title === 'Insert chart') as MenuRecord;
    expect(charts.items.map((i) => ('caption' in i ? i.caption : ''))).toEqual(CHART_CATALOG.map((c) => c.name));
    for (const i of charts.items) expect('fn' in i && bundle.has(i.fn)).toBe(true);
    expect(bundle.has('insertChartFromSelection')).toBe(true);
    expect(json(bundle.call('listCharts'))).toEqual(json(CHART_CATALOG));
  });

  test('the Impact / Effort handler charts the selected example table (toast); a selection without Effort gets an alert and no chart', () => {
    const { fake, bundle } = sheetsBundle();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    const charts = fake.ui.menus[0].items
      .map((i) => ('submenu' in i ? i.submenu : undefined))
      .find((m) => m?.title === 'Insert chart') as MenuRecord;
    const handler = (
      charts.items.find((i) => 'caption' in i && i.caption === 'Impact / Effort matrix') as { fn: string }
    ).fn;
    bundle.call('insertExample_prioritization');
    const sheet = fake.ss.sheet('Prioritization');
    // The template's own charts: the Impact / Effort matrix and the weights' tornado; the new chart comes third.
    expect(sheet.charts).toHaveLength(2);

    fake.ss.select('Prioritization', 'A1:K4');
    bundle.call(handler);
    expect(sheet.charts).toHaveLength(3);
    const ranges = sheet.charts[2].calls
      .filter((c) => c.method === 'addRange')
      .map((c) => (c.args[0] as { a1(): string }).a1());
    expect(ranges).toEqual(['E2:E4', 'C2:C4']);
    expect(fake.ss.toasts[fake.ss.toasts.length - 1].msg).toMatch(
      /^Inserted the Impact \/ Effort matrix chart for A1:K4 on "Prioritization"/,
    );

    fake.ss.select('Prioritization', 'A1:B4');
    bundle.call(handler);
    expect(sheet.charts).toHaveLength(3);
    expect(fake.ui.alerts[fake.ui.alerts.length - 1].join(' ')).toContain(
      'Select a range whose header row has Effort and Impact columns (found: Project, Theme).',
    );
  });
});

// ---------- panels ----------

function loadSidebar(google: unknown): FakeElement {
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, google, console });
  const html = readDist('apps-script/Sidebar.html');
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    vm.runInContext(m[1], context, { filename: 'Sidebar.html' });
  return page.app;
}

function loadTaskpane(host: FakeExcelHost): FakeElement {
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, console, setTimeout, ...host.globals() });
  vm.runInContext(readDist('excel-addin/functions.js'), context, { filename: 'functions.js' });
  vm.runInContext(readDist('excel-addin/taskpane.js'), context, { filename: 'taskpane.js' });
  return page.app;
}

const tab = (app: FakeElement, name: string): FakeElement =>
  app.find((e) => e.getAttribute('role') === 'tab' && e.textContent === name)!;
const chartButton = (app: FakeElement, kind: string): FakeElement =>
  app.find((e) => e.tagName === 'button' && e.getAttribute('data-kind') === kind)!;
const chartStatus = (app: FakeElement): FakeElement =>
  app.find((e) => e.id === 'view-charts')!.find((e) => e.classList.contains('tst-status'))!;

describe('Sidebar.html (built): Charts tab → google.script.run → Code.js', () => {
  test('lists the five charts with their hints; Insert charts the selection and shows the result; a bad selection shows why', async () => {
    const { fake, bundle } = sheetsBundle();
    bundle.call('insertExample_prioritization');
    const app = loadSidebar(fakeScriptRun((fn, args) => bundle.call(fn, ...args)));
    await flush();
    tab(app, 'Charts').click();
    expect(app.findAll((e) => e.classList.contains('tst-chart')).map((e) => e.getAttribute('data-kind'))).toEqual(
      CHART_CATALOG.map((c) => c.kind),
    );
    expect(app.find((e) => e.id === 'tst-chart-hint-impactEffortMatrix')!.textContent).toBe(
      'Select your projects table with Effort and Impact columns.',
    );

    fake.ss.select('Prioritization', 'A1:K4');
    chartButton(app, 'impactEffortMatrix').click();
    expect(chartStatus(app).textContent).toBe('Inserting the Impact / Effort matrix…');
    await flush();
    expect(chartStatus(app).className).toContain('tst-ok');
    expect(chartStatus(app).textContent).toMatch(/^Inserted the Impact \/ Effort matrix chart for A1:K4/);
    expect(fake.ss.sheet('Prioritization').charts).toHaveLength(3);

    fake.ss.select('Prioritization', 'A1:B4');
    chartButton(app, 'impactEffortMatrix').click();
    await flush();
    expect(chartStatus(app).className).toContain('tst-error');
    expect(chartStatus(app).textContent).toBe(
      'Could not insert the Impact / Effort matrix: Select a range whose header row has Effort and Impact columns (found: Project, Theme).',
    );
    expect(fake.ss.sheet('Prioritization').charts).toHaveLength(3);
  });
});

describe('Excel task pane (built): Charts tab', () => {
  test('inserts the matrix for the selected example table in two syncs; a bad selection shows why and adds nothing', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const app = loadTaskpane(host);
    await flush();
    // The example Prioritization sheet, through the Templates tab.
    app.find((e) => e.getAttribute('data-id') === 'prioritization')!.click();
    app.find((e) => e.id === 'tst-insert')!.click();
    await flush(20);
    expect(host.sheet('Prioritization').charts).toHaveLength(2);

    tab(app, 'Charts').click();
    selectExcel(host, 'Prioritization', 'A1:K4');
    chartButton(app, 'impactEffortMatrix').click();
    await flush(20);
    expect(chartStatus(app).textContent).toMatch(
      /^Inserted the Impact \/ Effort matrix chart for A1:K4 on "Prioritization"/,
    );
    expect(host.contexts[host.contexts.length - 1].syncs).toBe(2);
    const c = host.sheet('Prioritization').charts[2];
    expect(c.type).toBe('XYScatter');
    expect(c.source).toBe('C2:C4');

    selectExcel(host, 'Prioritization', 'A1:B4');
    chartButton(app, 'impactEffortMatrix').click();
    await flush(20);
    expect(chartStatus(app).className).toContain('tst-error');
    expect(chartStatus(app).textContent).toContain(
      'Select a range whose header row has Effort and Impact columns (found: Project, Theme).',
    );
    expect(host.sheet('Prioritization').charts).toHaveLength(3);
  });
});
