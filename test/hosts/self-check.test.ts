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
import type { SelfCheckReport } from '../../shared/self-check/report';
import { version as PACKAGE_VERSION } from '../../package.json';
import { toHtml } from '../fakes/dom';
import { FakeExcelHost, snapshotSheet } from '../fakes/excel';
import type { MenuRecord, SheetsFake } from '../fakes/sheets';
import {
  excelWithUserData,
  loadSidebar,
  loadTaskpane,
  runFromPanel,
  sheetsWithUserData,
  shownChecks as checks,
  tamperScore,
} from '../harness/self-check-panels';

function sheetsState(fake: SheetsFake): unknown {
  return {
    sheets: fake.ss.sheets.map((s) => s.snapshot()),
    names: [...fake.ss.named.entries()].map(([n, r]) => [n, r.range.sheet.name, r.range.a1()]),
    active: fake.ss.active?.name,
  };
}

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
    const app = loadSidebar(bundle);
    const about = await runFromPanel(app);
    const found = checks(about);
    expect(found.filter((c) => !c.ok)).toEqual([]);
    const groups = about.findAll((e) => e.classList.contains('tst-check-group')).map((e) => e.textContent);
    for (const g of ['Panel', 'Templates', 'Computed columns', 'Charts', 'Custom functions', 'Clean-up'])
      expect(groups.some((x) => x.startsWith(`${g}:`))).toBe(true);
    expect(found[0]).toMatchObject({ ok: true, name: 'The panel reached its host' });
    expect(found[0].detail).toMatch(/^Google Sheets answered through google\.script\.run in \d+ ms$/);
    expect(found.filter((c) => / on "✓/.test(c.name)).length).toBeGreaterThanOrEqual(13); // every chart
    expect(found.some((c) => c.name === 'PRIORITY_PLAN' && c.detail.endsWith('→ Q1 2027; Q2 2027; Q3 2027'))).toBe(
      true,
    );
    const text = about.find((e) => e.tagName === 'textarea')!.value;
    expect(text).toMatch(/^Tech Strategy Toolkit \S+: self-check\nAll \d+ checks passed\./);
    // The version the report names is package.json's (the build carries shared/core/version.ts).
    expect(text.split('\n')[0]).toBe(`Tech Strategy Toolkit ${PACKAGE_VERSION}: self-check`);
    expect(text).toContain('Locale: en_US');
    expect(sheetsState(fake)).toEqual(before);
    expect(toHtml(about)).toContain('Check this add-in');
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

function excelState(host: FakeExcelHost): unknown {
  return {
    sheets: host.state.sheets.map((s) => [s.id, snapshotSheet(s)]),
    names: host.state.names.map((n) => [n.name, n.reference]),
    tables: host.state.tables.map((t) => t.name),
    active: host.state.active?.name,
  };
}

describe('Excel (functions.js and taskpane.js, built)', () => {
  test('About ▸ Check this add-in: every check passes, and only what it made is gone', async () => {
    const host = excelWithUserData();
    const before = excelState(host);
    const app = loadTaskpane(host);
    const about = await runFromPanel(app);
    const found = checks(about);
    expect(found.filter((c) => !c.ok)).toEqual([]);
    expect(found[0].detail).toMatch(/^Excel \(active sheet "Notes"\) answered through Excel\.run in \d+ ms$/);
    expect(found.filter((c) => / on "✓/.test(c.name)).length).toBeGreaterThanOrEqual(13);
    expect(about.find((e) => e.tagName === 'textarea')!.value).toContain('API: Office 16.0.18000.20000; ExcelApi');
    expect(excelState(host)).toEqual(before);
  });

  test('a host whose engine computes the Priority Score differently: the report shows that check failing', async () => {
    const host = excelWithUserData({ tamper: tamperScore });
    const before = excelState(host);
    const app = loadTaskpane(host);
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
  });
});
