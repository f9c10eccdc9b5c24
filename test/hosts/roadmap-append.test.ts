/**
 * "Add planned projects to the roadmap" in Google Sheets, Excel (the hosts' fakes) and the preview: each
 * planned project not yet on the Roadmap is appended below its last row with its theme, owner, planned quarter,
 * that quarter's first and last day and "Not started"; "Don't Do" projects are not; every other cell of every
 * sheet is as before (append-only: only the new rows' input cells are written, the Duration formula between
 * them stays); a second run adds nothing; the strategy document then lists the new items on the roadmap.
 */
import { applyPlanSheets } from '../../apps-script/src/templates/executor';
import { addPlannedToRoadmap, strategyMarkdown } from '../../apps-script/src/strategy/server';
import { compileTemplate } from '../../shared/templates/index';
import { ymdToSerial } from '../../shared/core/args';
import { ROADMAP_NEEDED } from '../../shared/core/messages';
import { createSheetsFake, withSheetsGlobals, type SheetsFake } from '../fakes/sheets';
import { FakeExcelHost } from '../fakes/excel';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { addPlannedToRoadmapExcel, strategyMarkdownExcel } from '../../excel-addin/src/strategy/snapshot';
import { PreviewWorkbook } from '../../preview/workbook';
import { addPlannedToRoadmapPreview, previewStrategyMarkdown } from '../../preview/snapshot';

const NOW = new Date(2026, 11, 1, 12);
// The plan's quarter 1 is its First quarter setting, which the example sets to its own plan quarter 1 with its
// year (the quarter before NOW's: Q3 2026, example-dates.ts insertionDays), so its Q2 is Q4 2026.
const Q1 = [ymdToSerial(2026, 7, 1), ymdToSerial(2026, 9, 30)];
const Q2 = [ymdToSerial(2026, 10, 1), ymdToSerial(2026, 12, 31)];
/** The rows the example's plan adds (SSO planned Q1, Analytics Q2; Refactor is "Don't Do"), columns A–G. */
const ADDED = [
  ['SSO', 'Enterprise-Ready Platform', 'Q1', 'Dana Okafor (example)', ...Q1, 'Not started'],
  ['Analytics', 'Data-Driven Product', 'Q2', 'Sam Whitfield (example)', ...Q2, 'Not started'],
];
const MESSAGE = 'Added 2 planned projects to "Roadmap": SSO and Analytics; Refactor is "Don\'t Do" (not added).';
const AGAIN = 'No planned project to add; 2 projects already on the roadmap; Refactor is "Don\'t Do" (not added).';
const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

function changedCells(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** The cells the action may write: rows 18–19 (below the 16 example items), columns A–G. */
const expectedChanges = (key: (row: number, col: number) => string): string[] =>
  [18, 19].flatMap((r) => COLUMNS.map((_, c) => key(r, c + 1))).sort();

describe('Google Sheets', () => {
  function sheetsState(fake: SheetsFake): Map<string, string> {
    const out = new Map<string, string>();
    for (const s of fake.ss.sheets)
      for (const [k, c] of s.cells) if (c.value !== null || c.formula) out.set(`${s.name}!${k}`, JSON.stringify(c));
    return out;
  }

  test('appends the planned projects below the roadmap and touches nothing else', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
      const before = sheetsState(fake);
      const r = addPlannedToRoadmap();
      expect(r).toEqual({ sheets: ['Roadmap'], message: MESSAGE });
      expect(changedCells(before, sheetsState(fake))).toEqual(expectedChanges((row, c) => `Roadmap!${row},${c}`));
      const roadmap = fake.ss.sheets.find((s) => s.name === 'Roadmap')!;
      const rows = [18, 19].map((row) => COLUMNS.map((_, c) => roadmap.cells.get(`${row},${c + 1}`)?.value));
      expect(rows).toEqual(ADDED);
      expect(roadmap.cells.get('18,5')?.numberFormat).toBe('yyyy-mm-dd');
      // The new rows' Duration formula (column H) was there before and is left as it was.
      expect(before.get('Roadmap!18,8')).toContain('"formula":"=IF(');
      const once = sheetsState(fake);
      expect(addPlannedToRoadmap().message).toBe(AGAIN);
      expect(changedCells(once, sheetsState(fake))).toEqual([]);
      expect(strategyMarkdown()).toContain(
        '| SSO | Enterprise-Ready Platform | Dana Okafor (example) | Not started |   |',
      );
    });
  });

  test('a co-author adds a roadmap row, a sheet and a name while the projects are prepared: all kept, ours below, and said', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
      // Right after our reading of every sheet (the document lock does not hold off a person typing): row 18, a sheet
      // and a named range of theirs.
      fake.recorder.before('getDataRange', fake.ss.sheets.length + 1, () => {
        fake.ss
          .sheet('Roadmap')
          .getRange('A18:B18')
          .setValues([['Their initiative', 'Data-Driven Product']]);
        fake.ss.insertSheet('Their notes').getRange('A1').setValue('written by a co-author');
        fake.ss.setNamedRange('TheirRange', fake.ss.sheet('Roadmap').getRange('A18'));
      });
      const r = addPlannedToRoadmap();
      const roadmap = fake.ss.sheets.find((s) => s.name === 'Roadmap')!;
      expect(roadmap.cells.get('18,1')?.value).toBe('Their initiative');
      const rows = [19, 20].map((row) => COLUMNS.map((_, c) => roadmap.cells.get(`${row},${c + 1}`)?.value));
      expect(rows).toEqual(ADDED);
      expect(fake.ss.sheet('Their notes').content('A1')).toBe('written by a co-author');
      expect(fake.ss.named.has('TheirRange')).toBe(true);
      expect(r.message).toBe(
        `${MESSAGE} Someone else added rows to "Roadmap" meanwhile: the planned projects were written below them, and their rows were kept.`,
      );
    });
  });

  test('another writer holding the document lock: nothing is appended, and the message says why', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      applyPlanSheets(fake.ss.real(), compileTemplate('strategy-workbook', { example: true, now: NOW }));
      const before = sheetsState(fake);
      expect(fake.globals.LockService.getDocumentLock().tryLock(0)).toBe(true);
      expect(() => addPlannedToRoadmap()).toThrow(
        /^The planned projects were not added to the roadmap: another insert or snapshot in this spreadsheet/,
      );
      expect(changedCells(before, sheetsState(fake))).toEqual([]);
    });
  });

  test('without a Roadmap sheet: refused with a message, nothing written', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      applyPlanSheets(fake.ss.real(), compileTemplate('prioritization', { example: true, now: NOW }));
      const before = sheetsState(fake);
      expect(() => addPlannedToRoadmap()).toThrow(ROADMAP_NEEDED);
      expect(changedCells(before, sheetsState(fake))).toEqual([]);
    });
  });
});

describe('Excel', () => {
  function excelState(host: FakeExcelHost): Map<string, string> {
    const out = new Map<string, string>();
    for (const sh of host.state.sheets)
      for (const [k, c] of sh.cells) if (c.formula !== null) out.set(`${sh.name}!${k}`, JSON.stringify(c));
    return out;
  }
  const ctxOf = (host: FakeExcelHost) => host.context() as unknown as Excel.RequestContext;

  test('appends the planned projects below the roadmap in six syncs (four, then two to refresh the charts) and touches nothing else', async () => {
    const host = new FakeExcelHost();
    await applyPlanExcel(ctxOf(host), compileTemplate('strategy-workbook', { example: true, now: NOW }));
    const before = excelState(host);
    const ctx = host.context();
    const r = await addPlannedToRoadmapExcel(ctx as unknown as Excel.RequestContext);
    // List, read, the Roadmap read again right before the write, write; then Refresh charts: find the charts, set them.
    expect(ctx.syncs).toBe(6);
    expect(r).toEqual({ sheets: ['Roadmap'], message: MESSAGE });
    const changed = changedCells(before, excelState(host));
    expect(changed.every((k) => /^Roadmap!/.test(k))).toBe(true);
    expect(changed).toHaveLength(2 * 7);
    const rows = [18, 19].map((row) => COLUMNS.map((c) => host.cell('Roadmap', `${c}${row}`)?.formula));
    expect(rows).toEqual(ADDED);
    expect(host.cell('Roadmap', 'E18')?.numberFormat).toBe('yyyy-mm-dd');
    const once = excelState(host);
    expect((await addPlannedToRoadmapExcel(ctxOf(host))).message).toBe(AGAIN);
    expect(changedCells(once, excelState(host))).toEqual([]);
    expect(await strategyMarkdownExcel(ctxOf(host))).toContain(
      '| Analytics | Data-Driven Product | Sam Whitfield (example) | Not started |   |',
    );
  });
  test('a co-author adds a roadmap row, a sheet and a name while the projects are prepared: all kept, ours go below, and the message says so', async () => {
    const host = new FakeExcelHost();
    await applyPlanExcel(ctxOf(host), compileTemplate('strategy-workbook', { example: true, now: NOW }));
    // Just before our third sync (the Roadmap read again), someone else types row 18.
    host.coAuthor(3, (co) => {
      co.write('Roadmap', { A18: 'Their initiative', B18: 'Data-Driven Product' });
      co.addSheet('Their notes', { A1: 'written by a co-author' });
      co.addName('TheirRange', 'Their notes', 'A1');
    });
    const r = await addPlannedToRoadmapExcel(ctxOf(host));
    expect(host.cell('Roadmap', 'A18')?.formula).toBe('Their initiative');
    expect(host.cell('Their notes', 'A1')?.formula).toBe('written by a co-author');
    expect(host.state.names.map((n) => n.name)).toContain('TheirRange');
    expect([19, 20].map((row) => COLUMNS.map((c) => host.cell('Roadmap', `${c}${row}`)?.formula))).toEqual(ADDED);
    expect(r.message).toBe(
      `${MESSAGE} Someone else added rows to "Roadmap" meanwhile: the planned projects were written below them, and their rows were kept.`,
    );
  });
});

describe('the preview', () => {
  function everyCell(wb: PreviewWorkbook): Map<string, string> {
    const out = new Map<string, string>();
    for (const name of wb.sheetNames())
      wb.hf.getSheetSerialized(wb.sheetId(name)).forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null && v !== undefined) out.set(`${name}!${r + 1},${c + 1}`, JSON.stringify(v));
        }),
      );
    return out;
  }

  test('appends the planned projects below the roadmap; nothing else changes', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('strategy-workbook', { example: true, now: NOW }));
    const before = everyCell(wb);
    expect(addPlannedToRoadmapPreview(wb, NOW)).toEqual({ sheets: ['Roadmap'], message: MESSAGE });
    expect(changedCells(before, everyCell(wb))).toEqual(expectedChanges((row, c) => `Roadmap!${row},${c}`));
    const id = wb.sheetId('Roadmap');
    const rows = [17, 18].map((row) => COLUMNS.map((_, c) => wb.hf.getCellValue({ sheet: id, row, col: c })));
    expect(rows).toEqual(ADDED);
    const md = previewStrategyMarkdown(wb, NOW);
    expect(md).toContain('| SSO | Enterprise-Ready Platform | Dana Okafor (example) | Not started |   |');
    // The review's consistency checks follow: both new items sit in their planned quarters.
    expect(md).not.toContain('roadmap quarter is not their planned quarter');
    expect(addPlannedToRoadmapPreview(wb, NOW).message).toBe(AGAIN);
  });
});
