/**
 * Runs the self-check from the BUILT panels in a Node vm (the Sheets sidebar through google.script.run to Code.js,
 * the Excel task pane with functions.js), against fakes with host engines, and hands back the About view: for the
 * self-check tests and for scripts/render-self-check.ts (the report images in docs/images).
 */
import * as vm from 'vm';
import { createPage, flush, type FakeElement } from '../fakes/dom';
import { FakeExcelHost } from '../fakes/excel';
import { attachExcelEngine } from '../fakes/excel-engine';
import '../fakes/excel-selection';
import { fakeScriptRun } from '../fakes/script-run';
import { createSheetsFake, type SheetsFake, type SheetsFakeOptions } from '../fakes/sheets';
import type { HostEngineOptions } from '../fakes/host-engine';
import { loadSheetsBundle, readDist, type SheetsBundle } from './bundles';

/** The Priority Score computed with 0.6 × Effort instead of 0.5: a host engine that computes one column differently. */
export const tamperScore = (f: string): string => f.replace(/\*0([.,])5-/, (_m, sep: string) => `*0${sep}6-`);

/** A spreadsheet with the user's own sheets, cells, a named range, and another sheet active. */
export function sheetsWithUserData(options: SheetsFakeOptions = {}): { fake: SheetsFake; bundle: SheetsBundle } {
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

/** A workbook with the user's own sheets, cells, a name, and another sheet active. */
export function excelWithUserData(engine: Pick<HostEngineOptions, 'tamper'> = {}): FakeExcelHost {
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
  attachExcelEngine(host, engine);
  return host;
}

export function loadSidebar(bundle: SheetsBundle): FakeElement {
  const google = fakeScriptRun((fn, args) => bundle.call(fn, ...args));
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, google, console });
  const html = readDist('apps-script/Sidebar.html');
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g))
    vm.runInContext(m[1], context, { filename: 'Sidebar.html' });
  return page.app;
}

export function loadTaskpane(host: FakeExcelHost): FakeElement {
  const page = createPage();
  const context = vm.createContext({ document: page.document, window: {}, console, setTimeout, ...host.globals() });
  vm.runInContext(readDist('excel-addin/functions.js'), context, { filename: 'functions.js' });
  vm.runInContext(readDist('excel-addin/taskpane.js'), context, { filename: 'taskpane.js' });
  return page.app;
}

/** Clicks About ▸ Check this add-in in a loaded panel and waits for the report; returns the About view. */
export async function runFromPanel(app: FakeElement): Promise<FakeElement> {
  await flush();
  app.find((e) => e.getAttribute('role') === 'tab' && e.textContent === 'About')!.click();
  app.find((e) => e.id === 'tst-self-check')!.click();
  const about = app.find((e) => e.id === 'view-about')!;
  const status = (): FakeElement => about.find((e) => e.classList.contains('tst-status'))!;
  for (let i = 0; i < 20000 && !/tst-(ok|error)/.test(status().className); i++) await flush(2);
  return about;
}

export interface ShownCheck {
  ok: boolean;
  name: string;
  detail: string;
}

/** The checks as the About view shows them, top to bottom. */
export function shownChecks(about: FakeElement): ShownCheck[] {
  return about
    .findAll((e) => e.classList.contains('tst-check'))
    .map((e) => ({
      ok: e.classList.contains('tst-check-ok'),
      name: e.find((x) => x.classList.contains('tst-check-name'))!.textContent,
      detail: e.find((x) => x.classList.contains('tst-check-detail'))!.textContent,
    }));
}
