/**
 * The self-check owns exactly what it creates, in both hosts' fakes (shared/self-check/ownership.ts):
 *  - a co-author (or another execution) adding a sheet, a name and rows while it runs keeps all of it, and the
 *    report says so truthfully;
 *  - a run stopped at its time budget leaves nothing and says what it skipped;
 *  - what a killed run left is recognised at the next check by its mark (developer metadata in Sheets, a mark
 *    name in Excel), never by its name, and removed only when asked ("Remove the leftovers");
 *  - Excel recalculates only the check's own worksheets (Worksheet.calculate), never every open workbook.
 * Sheets runs through the built Code.js; Excel through the built task pane, or its source with the fake's globals.
 */
import * as vm from 'vm';
import type { SelfCheckReport } from '../../shared/self-check/report';
import {
  CLEAN_UP_NAME,
  EMPTY_CELLS_BLANK,
  EMPTY_CELLS_ZERO,
  LEFTOVERS_NAME,
  SELF_CHECK_BUDGET_NAME,
} from '../../shared/core/messages';
import { emptyCellsCheck } from '../../shared/self-check/plan';
import { SELF_CHECK_METADATA_KEY } from '../../shared/self-check/ownership';
import { installExcelGlobals, type FakeExcelHost } from '../fakes/excel';
import type { SheetsFake } from '../fakes/sheets';
import { loadSheetsBundle } from '../harness/bundles';
import {
  excelWithUserData,
  loadTaskpane,
  runFromPanel,
  sheetsWithUserData,
  shownChecks,
} from '../harness/self-check-panels';

const THEMES = { templates: ['themes'] };

function sheetsState(fake: SheetsFake): unknown {
  return {
    sheets: fake.ss.sheets.map((s) => s.snapshot()),
    names: [...fake.ss.named.entries()].map(([n, r]) => [n, r.range.sheet.name, r.range.a1()]),
  };
}

function excelState(host: FakeExcelHost): unknown {
  return {
    sheets: host.state.sheets.map((s) => [s.id, s.name, [...s.cells.entries()]]),
    names: host.state.names.map((n) => [n.name, n.reference]),
  };
}

const byName = (r: SelfCheckReport, name: string) => r.checks.find((c) => c.name === name);

describe('Google Sheets (built Code.js)', () => {
  test('a co-author adds a sheet, a named range and rows while the check runs: all kept, and the report says so', () => {
    const { fake, bundle } = sheetsWithUserData();
    fake.recorder.before('insertSheet', 2, () => {
      const theirs = fake.ss.insertSheet('Their notes');
      theirs.getRange('A1').setValue('written by a co-author');
      fake.ss.setNamedRange('TheirRange', fake.ss.sheet('Budget').getRange('A4:B4'));
      fake.ss
        .sheet('Budget')
        .getRange('A4:B4')
        .setValues([['Monitors', 450]]);
    });
    const report = bundle.call('runSelfCheck', THEMES) as SelfCheckReport;
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Budget', 'Notes', 'Their notes']);
    expect(fake.ss.sheet('Their notes').content('A1')).toBe('written by a co-author');
    expect(fake.ss.sheet('Budget').content('A4')).toBe('Monitors');
    expect([...fake.ss.named.keys()].sort()).toEqual(['Rates', 'TheirRange']);
    expect(byName(report, CLEAN_UP_NAME)!.detail).toContain(
      'kept what someone else added meanwhile: sheet "Their notes", name "TheirRange"',
    );
  });

  test('the same without a document lock (getDocumentLock() returns null): the marks still keep theirs apart', () => {
    const { fake, bundle } = sheetsWithUserData({ documentLock: 'none' });
    fake.recorder.before('insertSheet', 1, () => void fake.ss.insertSheet('Their notes'));
    const report = bundle.call('runSelfCheck', THEMES) as SelfCheckReport;
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(fake.ss.sheets.map((s) => s.name)).toEqual(['Budget', 'Notes', 'Their notes']);
  });

  test('another self-check holding the document lock: refused at once, nothing changed', () => {
    const { fake, bundle } = sheetsWithUserData();
    const before = sheetsState(fake);
    const other = fake.globals.LockService.getDocumentLock();
    expect(other.tryLock(0)).toBe(true);
    const report = bundle.call('runSelfCheck', THEMES) as SelfCheckReport;
    expect(report.checks).toHaveLength(1);
    expect(report.checks[0].detail).toMatch(/^Another self-check or insert is running in this spreadsheet/);
    expect(sheetsState(fake)).toEqual(before);
  });

  test('stopped at its time budget mid-run: the rest is skipped and named, and nothing is left behind', () => {
    const { fake } = sheetsWithUserData();
    // The clock jumps 5 minutes while the first template is inserted (Code.js reads Date from its context).
    let offset = 0;
    const RealDate = Date;
    class ShiftedDate extends RealDate {
      constructor(...a: unknown[]) {
        if (a.length === 0) super(RealDate.now() + offset);
        else super(...(a as [number]));
      }
      static now(): number {
        return RealDate.now() + offset;
      }
    }
    const bundle = loadSheetsBundle({ ...fake.globals, Date: ShiftedDate });
    const before = sheetsState(fake);
    fake.recorder.before('insertSheet', 1, () => (offset += 5 * 60 * 1000));
    const report = bundle.call('runSelfCheck', {
      templates: ['business-context', 'themes', 'principles'],
    }) as SelfCheckReport;
    const budget = byName(report, SELF_CHECK_BUDGET_NAME)!;
    expect(budget.ok).toBe(false);
    expect(budget.detail).toContain('not checked: Strategic Themes, Technical Principles, the custom functions');
    expect(report.checks.filter((c) => c.group === 'Templates').map((c) => c.name)).toEqual(['Business Context']);
    expect(byName(report, CLEAN_UP_NAME)!.ok).toBe(true);
    expect(sheetsState(fake)).toEqual(before);
  });

  test('killed mid-run (its `finally` never runs): the next check names what it left by its mark and removes it when asked', () => {
    const { fake, bundle } = sheetsWithUserData();
    const before = sheetsState(fake);
    // Once its first sheet exists (and is marked), the execution is stopped the way Apps Script stops one at its time
    // limit: terminated where it stands, no catch or `finally` of the code runs (the vm's timeout terminates the
    // script; V8's termination cannot be caught).
    fake.recorder.before('setValues', 1, () => {
      for (;;) Math.random();
    });
    bundle.context.killedArgs = THEMES;
    expect(() => vm.runInContext('runSelfCheck(killedArgs)', bundle.context, { timeout: 300 })).toThrow(/timed out/);
    fake.endKilledExecution();
    const left = fake.ss.sheets.map((s) => s.name).filter((n) => !['Budget', 'Notes'].includes(n));
    expect(left).toHaveLength(1);
    const next = bundle.call('runSelfCheck', THEMES) as SelfCheckReport;
    expect(byName(next, LEFTOVERS_NAME)!.detail).toContain(`"${left[0]}" carries the self-check's own mark`);
    const removed = bundle.call('runSelfCheck', { templates: [], removeLeftovers: true }) as SelfCheckReport;
    expect(removed.checks.filter((c) => !c.ok)).toEqual([]);
    expect(sheetsState(fake)).toEqual(before);
  });

  test('leftovers of a killed run: the next check names them by their mark, removes them only when asked, and never a sheet by its name', () => {
    const { fake, bundle } = sheetsWithUserData();
    // The user's own sheet whose name looks like the check's: never taken for a leftover.
    fake.ss.insertSheet('✓abcd Notes');
    const before = sheetsState(fake);
    // What a run killed before its clean-up leaves (Apps Script ends an execution at 6 minutes without running
    // `finally`): its sheet, marked when it was created, and the named range on it.
    const left = fake.ss.insertSheet('✓zz9q Strategic Themes');
    left.addDeveloperMetadata(SELF_CHECK_METADATA_KEY, '✓zz9q ');
    fake.ss.setNamedRange('TSTzz9q_ThemeNames', left.getRange('A2:A5'));
    const next = bundle.call('runSelfCheck', THEMES) as SelfCheckReport;
    const found = byName(next, LEFTOVERS_NAME)!;
    expect(found).toMatchObject({ ok: false });
    expect(found.detail).toMatch(/^"✓zz9q Strategic Themes" carries the self-check's own mark/);
    expect(fake.ss.sheets.map((s) => s.name)).toContain('✓zz9q Strategic Themes');
    const removed = bundle.call('runSelfCheck', { templates: [], removeLeftovers: true }) as SelfCheckReport;
    expect(byName(removed, LEFTOVERS_NAME)).toMatchObject({ ok: true });
    expect(removed.checks.filter((c) => !c.ok)).toEqual([]);
    expect(sheetsState(fake)).toEqual(before);
  });
});

describe('Excel (built task pane; the self-check source with the fake globals)', () => {
  test('a co-author adds sheets and a name between its round trips: all kept, the report true; only its own worksheets recalculated', async () => {
    const host = excelWithUserData();
    for (const sync of [3, 4, 5, 6, 7])
      host.coAuthor(sync, (co) => {
        co.addSheet(`Theirs ${sync}`, { A1: `added before sync ${sync}` });
        if (sync === 4) co.addName('TheirName', 'Budget', '$A$1');
      });
    const restore = installExcelGlobals(host);
    try {
      const { runSelfCheckExcel } = await import('../../excel-addin/src/self-check');
      const report = await runSelfCheckExcel(THEMES);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(host.state.sheets.map((s) => s.name)).toEqual([
        'Budget',
        'Notes',
        'Theirs 3',
        'Theirs 4',
        'Theirs 5',
        'Theirs 6',
        'Theirs 7',
      ]);
      expect(host.state.names.map((n) => n.name).sort()).toEqual(['Rates', 'TheirName']);
      // Theirs 3 came before the check read the workbook (its third round trip); the others while it ran.
      expect(byName(report, CLEAN_UP_NAME)!.detail).toContain(
        'kept what someone else added meanwhile: sheet "Theirs 4", sheet "Theirs 5", sheet "Theirs 6", sheet "Theirs 7", name "TheirName"',
      );
      // How this Excel passes empty cells of a range (the fake's engine: as blanks, like Excel on the web).
      expect(byName(report, 'Empty cells in a range')).toMatchObject({ ok: true, detail: EMPTY_CELLS_BLANK });
      // Recalculation: the check's own worksheets, never Application.calculate (every open workbook).
      expect(host.state.wholeApplication).toBe(0);
      expect(host.state.calculated.length).toBeGreaterThan(0);
      const theirs = host.state.sheets.map((s) => s.id);
      expect(host.state.calculated.filter((id) => theirs.includes(id))).toEqual([]);
    } finally {
      restore();
    }
  });

  test('stopped at its time budget: nothing left, and it says what it skipped', async () => {
    const host = excelWithUserData();
    const before = excelState(host);
    const restore = installExcelGlobals(host);
    try {
      const { runSelfCheckExcel } = await import('../../excel-addin/src/self-check');
      const report = await runSelfCheckExcel({ templates: ['business-context', 'themes'], budgetMs: 0 });
      expect(byName(report, SELF_CHECK_BUDGET_NAME)!.detail).toContain(
        'not checked: Business Context, Strategic Themes, the custom functions',
      );
      expect(byName(report, CLEAN_UP_NAME)!.ok).toBe(true);
      expect(excelState(host)).toEqual(before);
    } finally {
      restore();
    }
  });

  test('the pane closed mid-run (its `finally` never runs): the next check names what it left by its mark and removes it when asked', async () => {
    const host = excelWithUserData();
    const before = excelState(host);
    const restore = installExcelGlobals(host);
    try {
      const { runSelfCheckExcel } = await import('../../excel-addin/src/self-check');
      // Closed at its sixth round trip, once its first sheet was created and marked: never answered, never resumed.
      host.closePane(6);
      void runSelfCheckExcel(THEMES);
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
      const left = host.state.sheets.filter((s) => !s.deleted).map((s) => s.name);
      expect(left.length).toBeGreaterThan(2);
      host.paneClosedAt = undefined; // the pane opened again
      const next = await runSelfCheckExcel(THEMES);
      const found = byName(next, LEFTOVERS_NAME)!.detail;
      expect(found).toContain("the self-check's own mark");
      for (const name of left.slice(2)) expect(found).toContain(`"${name}"`);
      const removed = await runSelfCheckExcel({ templates: [], removeLeftovers: true });
      expect(removed.checks.filter((c) => !c.ok)).toEqual([]);
      expect(excelState(host)).toEqual(before);
    } finally {
      restore();
    }
  });

  test('leftovers of a killed run: named by their mark at the next check (About tab), removed with "Remove the leftovers"; a sheet merely named like them stays', async () => {
    const host = excelWithUserData();
    const ctx = host.context();
    const mine = ctx.workbook.worksheets.add('✓abcd Notes'); // the user's, unmarked
    void mine;
    // What a run killed before its clean-up leaves: its sheets, each with its mark name, and its other names.
    const left = ctx.workbook.worksheets.add('✓zz9q Strategic Themes');
    ctx.workbook.names.add('TST_SelfCheck_zz9q_0', left.getRange('$A$1'));
    ctx.workbook.names.add('TSTzz9q_ThemeNames', left.getRange('$A$2:$A$5'));
    await ctx.sync();
    const app = loadTaskpane(host);
    const about = await runFromPanel(app);
    const found = shownChecks(about).find((c) => c.name === LEFTOVERS_NAME)!;
    expect(found.ok).toBe(false);
    expect(found.detail).toContain('"✓zz9q Strategic Themes"');
    expect(found.detail).not.toContain('✓abcd Notes');
    expect(host.state.sheets.map((s) => s.name)).toContain('✓zz9q Strategic Themes');
    about.find((e) => e.id === 'tst-remove-leftovers')!.click();
    const status = () => about.find((e) => e.classList.contains('tst-status'))!;
    for (let i = 0; i < 2000 && !/Removing|tst-busy/.test(status().className + status().textContent); i++)
      await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 20000 && /tst-busy/.test(status().className); i++) await new Promise((r) => setImmediate(r));
    expect(shownChecks(about).find((c) => c.name === LEFTOVERS_NAME)).toMatchObject({ ok: true });
    expect(host.state.sheets.map((s) => s.name)).toEqual(['Budget', 'Notes', '✓abcd Notes']);
    expect(host.state.names.map((n) => n.name)).toEqual(['Rates']);
  });
});

test('the empty-cell probe tells the two Excel behaviours apart: 4 (blank) or #VALUE! (0); anything else is a failed check', () => {
  expect(emptyCellsCheck(4)).toMatchObject({ ok: true, detail: EMPTY_CELLS_BLANK });
  expect(emptyCellsCheck('#VALUE!')).toMatchObject({ ok: true, detail: EMPTY_CELLS_ZERO });
  expect(emptyCellsCheck('#NAME?')).toMatchObject({ ok: false });
});
