/**
 * Templates through the BUILT bundles (run `npm run build` first), each in a Node vm with the
 * recording fakes as its host globals:
 *  - dist/apps-script/Code.js: listTemplates(), insertTemplate(id, options) for every template
 *    blank and with example, the Insert template / Insert example menus and their handlers;
 *  - dist/apps-script/Sidebar.html's inline script talking to Code.js through a fake google.script.run;
 *  - dist/excel-addin/functions.js + taskpane.js in one shared-runtime vm: the task pane lists the
 *    templates and inserts each one through Excel.run.
 * Values shown in the panel are text, never markup.
 */
import { REQUEST_BUDGET_BYTES } from '../../excel-addin/src/templates/request-budget';
import * as vm from 'vm';
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import { resolvePlan } from '../../shared/plan/resolve';
import { loadSheetsBundle, readDist, type SheetsBundle } from '../harness/bundles';
import { createPage, flush, type FakeDocument, type FakeElement } from '../fakes/dom';
import { FakeExcelHost } from '../fakes/excel';
import { createSheetsFake, type MenuRecord, type SheetsFake } from '../fakes/sheets';
import { checkExcelSheet, checkSheetsSheet } from './plan-checks';
import { fakeScriptRun } from '../fakes/script-run';

function sheetsBundle(userSheets = ['Sheet1']): { fake: SheetsFake; bundle: SheetsBundle } {
  const fake = createSheetsFake(userSheets);
  return { fake, bundle: loadSheetsBundle({ ...fake.globals }) };
}

/** Values crossing google.script.run are plain JSON. */
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('Code.js (built) with the Sheets fakes', () => {
  test('listTemplates() returns the catalogue as plain JSON', () => {
    const { bundle } = sheetsBundle();
    expect(json(bundle.call('listTemplates'))).toEqual(json(TEMPLATES));
  });

  test.each(TEMPLATES.flatMap((t) => [false, true].map((example) => ({ id: t.id, example }))))(
    "insertTemplate('$id', { example: $example }) builds every sheet of the plan and returns what it created",
    ({ id, example }) => {
      const { fake, bundle } = sheetsBundle();
      const report = json(bundle.call('insertTemplate', id, { example })) as { sheets: string[]; message: string };
      const plan = resolvePlan(compileTemplate(id, { example }), { sheets: ['Sheet1'], namedRanges: [] }).plan;
      expect(report.sheets).toEqual(plan.sheets.map((s) => s.name));
      for (const s of plan.sheets) expect(checkSheetsSheet(fake.ss, s, plan)).toEqual([]);
    },
  );

  test("insertTemplate('roadmap', {example: true}) next to a user's Roadmap creates \"Roadmap (2)\" and says so", () => {
    const { fake, bundle } = sheetsBundle(['Roadmap']);
    const before = fake.ss.sheet('Roadmap').snapshot();
    const report = bundle.call('insertTemplate', 'roadmap', { example: true }) as { sheets: string[]; message: string };
    expect(report.sheets).toEqual(['Roadmap (2)']);
    expect(report.message).toMatch(/"Roadmap" already existed/);
    expect(fake.ss.sheet('Roadmap').snapshot()).toEqual(before);
  });

  test('an unknown template id is a readable error, not a crash', () => {
    const { bundle } = sheetsBundle();
    expect(() => bundle.call('insertTemplate', 'nope', {})).toThrow(
      'There is no template "nope". Choose one from the list.',
    );
  });

  test('onOpen builds Insert template and Insert example submenus whose handlers are top-level functions that insert', () => {
    const { fake, bundle } = sheetsBundle();
    bundle.call('onOpen', { authMode: 'LIMITED' });
    const top = fake.ui.menus[0];
    expect(top.addedToUi).toBe(true);
    const sub = (title: string): MenuRecord =>
      top.items.map((i) => ('submenu' in i ? i.submenu : undefined)).find((m) => m?.title === title)!;
    for (const title of ['Insert template', 'Insert example']) {
      const menu = sub(title);
      expect(menu.items.map((i) => ('caption' in i ? i.caption : ''))).toEqual(TEMPLATES.map((t) => t.name));
      for (const i of menu.items) if ('fn' in i) expect(bundle.has(i.fn)).toBe(true);
    }
    const blankRoadmap = sub('Insert template').items.find((i) => 'caption' in i && i.caption === 'Roadmap') as {
      fn: string;
    };
    const exampleRoadmap = sub('Insert example').items.find((i) => 'caption' in i && i.caption === 'Roadmap') as {
      fn: string;
    };
    bundle.call(blankRoadmap.fn);
    bundle.call(exampleRoadmap.fn);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Roadmap', 'Roadmap (2)']);
    // blank: no example initiative in A2; example: filled
    expect(fake.ss.sheet('Roadmap').content('A2')).toBe('');
    expect(fake.ss.sheet('Roadmap (2)').content('A2')).not.toBe('');
    expect(fake.ss.toasts.map((t) => t.msg)).toEqual([
      expect.stringContaining('"Roadmap"'),
      expect.stringContaining('"Roadmap (2)"'),
    ]);
  });

  test('a menu insert that fails shows an alert with the reason and leaves the spreadsheet as it was', () => {
    const { fake, bundle } = sheetsBundle();
    fake.recorder.failure = { method: 'setValues', nth: 1, message: 'Service error: Spreadsheets' };
    bundle.call('insertExample_roadmap');
    expect(fake.ui.alerts).toHaveLength(1);
    expect(fake.ui.alerts[0].join(' ')).toContain(
      'Roadmap was not inserted: writing values and formulas on "Roadmap" failed (Service error: Spreadsheets)',
    );
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

// ---------- panels ----------

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

function loadSidebar(google: unknown): { document: FakeDocument; app: FakeElement } {
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, google, console });
  for (const code of inlineScripts(readDist('apps-script/Sidebar.html')))
    vm.runInContext(code, context, { filename: 'Sidebar.html' });
  return page;
}

const byData = (app: FakeElement, id: string): FakeElement => app.find((e) => e.getAttribute('data-id') === id)!;
const insertButton = (app: FakeElement): FakeElement => app.find((e) => e.id === 'tst-insert')!;
const exampleBox = (app: FakeElement): FakeElement => app.find((e) => e.id === 'tst-example')!;
const status = (app: FakeElement): FakeElement => app.find((e) => e.classList.contains('tst-status'))!;

describe('Sidebar.html (built) → google.script.run → Code.js (built)', () => {
  test('lists the templates, inserts the chosen one with the example choice, and shows the result', async () => {
    const { fake, bundle } = sheetsBundle();
    const { app } = loadSidebar(fakeScriptRun((fn, args) => bundle.call(fn, ...args)));
    await flush();
    expect(app.findAll((e) => e.classList.contains('tst-template')).map((e) => e.getAttribute('data-id'))).toEqual(
      TEMPLATES.map((t) => t.id),
    );
    byData(app, 'roadmap').click();
    exampleBox(app).checked = false;
    insertButton(app).click();
    expect(status(app).textContent).toBe('Inserting Roadmap…');
    await flush();
    expect(status(app).className).toContain('tst-ok');
    expect(status(app).textContent).toBe('Inserted Roadmap as the new sheet "Roadmap".');
    expect(fake.ss.sheet('Roadmap').content('A2')).toBe('');
  });

  test('a server failure is shown as a clear error', async () => {
    const { fake, bundle } = sheetsBundle();
    fake.recorder.failure = { method: 'insertSheet', nth: 1, message: 'Access denied' };
    const { app } = loadSidebar(fakeScriptRun((fn, args) => bundle.call(fn, ...args)));
    await flush();
    byData(app, 'themes').click();
    insertButton(app).click();
    await flush();
    expect(status(app).className).toContain('tst-error');
    expect(status(app).textContent).toMatch(/^Strategic Themes was not inserted: /);
    expect(status(app).textContent).not.toContain('Could not insert');
    expect(status(app).textContent).toContain('Access denied');
  });

  test('a template name, description and error containing markup are shown as text, never parsed', async () => {
    const evil = {
      id: 'evil',
      name: '<script>alert(1)</script>',
      description: '<img src=x onerror=alert(2)>',
      sheets: ['<b>x</b>'],
    };
    const { document, app } = loadSidebar(
      fakeScriptRun((fn) => {
        if (fn === 'listTemplates') return [evil];
        throw new Error('<iframe src="javascript:alert(3)"></iframe>');
      }),
    );
    await flush();
    const item = byData(app, 'evil');
    expect(item.textContent).toContain('<script>alert(1)</script>');
    expect(item.textContent).toContain('<img src=x onerror=alert(2)>');
    item.click();
    insertButton(app).click();
    await flush();
    expect(status(app).textContent).toContain('<iframe src="javascript:alert(3)"></iframe>');
    // Only the panel's own elements exist: no element was created from the text.
    const tags = new Set(document.all().map((e) => e.tagName));
    for (const t of ['script', 'img', 'iframe', 'b']) expect(tags.has(t)).toBe(false);
  });
});

describe('Excel task pane (built functions.js + taskpane.js in one shared runtime)', () => {
  function loadTaskpane(host: FakeExcelHost): { app: FakeElement } {
    const page = createPage();
    const context = vm.createContext({ document: page.document, window: {}, console, setTimeout, ...host.globals() });
    vm.runInContext(readDist('excel-addin/functions.js'), context, { filename: 'functions.js' });
    vm.runInContext(readDist('excel-addin/taskpane.js'), context, { filename: 'taskpane.js' });
    return page;
  }

  test('the task pane lists every template and the functions bundle still associates its functions', async () => {
    const host = new FakeExcelHost();
    const { app } = loadTaskpane(host);
    await flush();
    expect(host.readyCallbacks).toBe(1);
    expect(host.customFunctions.registered.size).toBeGreaterThan(0);
    expect(app.findAll((e) => e.classList.contains('tst-template')).map((e) => e.textContent)).toEqual(
      TEMPLATES.map((t) => `${t.name}${t.description}`),
    );
  });

  test.each(TEMPLATES.flatMap((t) => [false, true].map((example) => ({ id: t.id, example }))))(
    'inserting $id (example: $example) from the task pane builds it in three round trips (the fill split only past 1 MB a request) and reports it',
    async ({ id, example }) => {
      const host = new FakeExcelHost(['Sheet1']);
      const { app } = loadTaskpane(host);
      await flush();
      byData(app, id).click();
      exampleBox(app).checked = example;
      insertButton(app).click();
      await flush(20);
      const plan = resolvePlan(compileTemplate(id, { example }), {
        sheets: ['Sheet1'],
        namedRanges: [],
        tables: [],
      }).plan;
      expect(status(app).textContent).toMatch(/^Inserted /);
      // Three round trips; the fill is split only where one request would pass 1 MB (request-budget.ts).
      expect(host.contexts).toHaveLength(1);
      expect(host.contexts[0].syncs).toBe(host.requestBytes.length);
      expect(Math.max(...host.requestBytes)).toBeLessThan(1_000_000);
      if (host.requestBytes.length > 3)
        expect(host.requestBytes.slice(2).reduce((a, b) => a + b, 0)).toBeGreaterThan(REQUEST_BUDGET_BYTES);
      expect(host.sheetNames()).toEqual(['Sheet1', ...plan.sheets.map((s) => s.name)]);
      for (const s of plan.sheets) expect(checkExcelSheet(host, s)).toEqual([]);
    },
  );

  test('a failed commit shows the error and leaves the workbook as it was', async () => {
    const host = new FakeExcelHost(['Sheet1', 'Roadmap']);
    host.failure = { op: 'conditionalFormats.add', nth: 2, message: 'Out of memory' };
    const { app } = loadTaskpane(host);
    await flush();
    byData(app, 'roadmap').click();
    insertButton(app).click();
    await flush(20);
    expect(status(app).className).toContain('tst-error');
    expect(status(app).textContent).toBe(
      'Roadmap was not inserted: Excel reported "Out of memory". The sheet it had added ("Roadmap (2)") was removed. Nothing else was changed.',
    );
    expect(host.sheetNames()).toEqual(['Sheet1', 'Roadmap']);
  });
});
