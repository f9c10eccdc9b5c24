/**
 * Charts on demand in both hosts, with the recording fakes: the user selects a range of the example
 * Prioritization sheet (or a table of their own) and inserts a chart from the Sheets menu / sidebar
 * function or from the Excel task pane action. Asserts the chart's type, ranges and key options, that
 * Excel reads and writes in two syncs, that an unsuitable selection changes nothing, and that a chart
 * never lands over a non-empty cell or over another chart.
 */
import fc from 'fast-check';
import { insertTemplate } from '../../apps-script/src/templates/server';
import { insertChartFromMenu, insertChartFromSelection } from '../../apps-script/src/templates/chart-server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { insertChartFromSelectionExcel } from '../../excel-addin/src/templates/chart-selection';
import { compileTemplate } from '../../shared/templates/index';
import { colLetter, parseCell } from '../../shared/a1/a1';
import {
  createSheetsFake,
  installSheetsGlobals,
  type FakeChart,
  type FakeSheet,
  type SheetsFake,
} from '../fakes/sheets';
import { FakeExcelHost, type XChart } from '../fakes/excel';
import { selectExcel, FAKE_ROW_PT } from '../fakes/excel-selection';

// ---------- Google Sheets ----------

let fake: SheetsFake;
let restore: () => void;
function sheets(userSheets = ['Sheet1']): SheetsFake {
  fake = createSheetsFake(userSheets);
  restore = installSheetsGlobals(fake);
  return fake;
}
afterEach(() => restore?.());

const calls = (c: FakeChart, method: string): unknown[][] =>
  c.calls.filter((x) => x.method === method).map((x) => x.args);
const option = (c: FakeChart, key: string): unknown => calls(c, 'setOption').find((a) => a[0] === key)?.[1];
const rangesOf = (c: FakeChart): string[] => calls(c, 'addRange').map((a) => (a[0] as { a1(): string }).a1());
const cellsOf = (s: FakeSheet): unknown => (s.snapshot() as { cells: unknown }).cells;

/** Every non-empty cell of a Sheets fake sheet as [row, col]. */
function filledCells(s: FakeSheet): Array<[number, number]> {
  return [...s.cells.entries()]
    .filter(([, c]) => c.formula || (c.value !== null && c.value !== ''))
    .map(([k]) => k.split(',').map(Number) as [number, number]);
}

/** The block of cells a Sheets chart covers, at 100 px per column and 21 px per row (defaults). */
function sheetsChartBox(c: FakeChart): { top: number; left: number; bottom: number; right: number } {
  const [row, col] = calls(c, 'setPosition')[0] as number[];
  const w = Number(option(c, 'width'));
  const h = Number(option(c, 'height'));
  return { top: row, left: col, bottom: row + Math.ceil(h / 21), right: col + Math.ceil(w / 100) };
}

describe('Google Sheets: Insert chart for the selected range', () => {
  test('impact/effort from the example Prioritization table: scatter of Effort (x) and Business Impact (y), 1–10 axes, below the template chart, no cell touched', () => {
    const f = sheets();
    insertTemplate('prioritization', { example: true });
    const sheet = f.ss.sheet('Prioritization');
    const before = cellsOf(sheet);
    const lastCol = sheet.getLastColumn();
    // The template's charts (the matrix, the tornado below it): the new chart goes below the last.
    const templateChart = sheet.charts[sheet.charts.length - 1];
    f.ss.select('Prioritization', 'A1:K4');

    const report = insertChartFromSelection('impactEffortMatrix');

    expect(sheet.charts).toHaveLength(3);
    const c = sheet.charts[2];
    expect(calls(c, 'setChartType')).toEqual([['SCATTER']]);
    expect(rangesOf(c)).toEqual(['E2:E4', 'C2:C4']); // x then y: references, never copies
    expect(option(c, 'hAxis')).toMatchObject({
      viewWindow: { min: 1, max: 10 },
      baseline: 5.5,
      title: 'Effort (1 = low, 10 = high)',
    });
    expect(option(c, 'vAxis')).toMatchObject({
      viewWindow: { min: 1, max: 10 },
      baseline: 5.5,
      title: 'Business Impact (1 = low, 10 = high)',
    });
    expect(option(c, 'title')).toBe('Impact / Effort matrix');
    const [row, col] = calls(c, 'setPosition')[0] as number[];
    expect(col).toBe(lastCol + 2);
    expect(row).toBeGreaterThanOrEqual(sheetsChartBox(templateChart).bottom + 1);
    expect(report.sheets).toEqual(['Prioritization']);
    expect(report.message).toContain('Inserted the Impact / Effort matrix chart for A1:K4 on "Prioritization"');
    expect(cellsOf(sheet)).toEqual(before);
  });

  test('the menu handler shows a toast on success', () => {
    const f = sheets();
    insertTemplate('prioritization', { example: true });
    f.ss.select('Prioritization', 'A1:K4');
    insertChartFromMenu('impactEffortMatrix');
    expect(f.ss.toasts.map((t) => t.msg)).toEqual([
      expect.stringMatching(
        /^Inserted the Impact \/ Effort matrix chart for A1:K4 on "Prioritization" at [A-Z]+\d+ \(Effort: Effort \(E\), Impact: Business Impact \(C\), Project: Project \(A\)\)\.$/,
      ),
    ]);
    expect(f.ui.alerts).toEqual([]);
  });

  test('a selection without Effort: the menu shows an alert saying what to select; no chart, no cell changed', () => {
    const f = sheets();
    insertTemplate('prioritization', { example: true });
    const sheet = f.ss.sheet('Prioritization');
    const before = sheet.snapshot();
    f.ss.select('Prioritization', 'A1:B4');
    const toasts = f.ss.toasts.length;
    expect(insertChartFromMenu('impactEffortMatrix')).toBeUndefined();
    expect(f.ui.alerts).toHaveLength(1);
    expect(f.ui.alerts[0].join(' ')).toContain(
      'Select a range whose header row has Effort and Impact columns (found: Project, Theme).',
    );
    expect(sheet.snapshot()).toEqual(before);
    expect(f.ss.toasts).toHaveLength(toasts);
    // The sidebar function throws the same message for the panel to show.
    expect(() => insertChartFromSelection('impactEffortMatrix')).toThrow(
      'Select a range whose header row has Effort and Impact columns (found: Project, Theme).',
    );
  });

  test('no selection, or an unknown chart: a clear error', () => {
    sheets();
    expect(() => insertChartFromSelection('impactEffortMatrix')).toThrow(/^Select your table first/);
    expect(() => insertChartFromSelection('pie')).toThrow(/^There is no chart "pie"/);
  });

  test('roadmap on a table of the user: helper formulas into the two empty columns right of it, the Gantt chart right of those', () => {
    const f = sheets();
    const s = f.ss.sheet('Sheet1');
    s.rangeAt('B2:E4').setValues([
      ['Initiative', 'Theme', 'Start', 'End'],
      ['SSO', 'Platform', 46027, 46108],
      ['EU region', 'Scale', 46118, 46381],
    ]);
    f.ss.select('Sheet1', 'B2:E4');
    insertChartFromSelection('roadmapTimeline');
    expect(s.content('F2')).toBe('Chart: start (quarters)');
    expect(String(s.content('F3'))).toMatch(/^=IF\(AND\(ISNUMBER\(D3\),ISNUMBER\(E3\),E3>=D3\),1\+/);
    expect(String(s.content('G4'))).toMatch(/^=IF\(AND\(ISNUMBER\(D4\)/);
    const c = s.charts[0];
    expect(calls(c, 'setChartType')).toEqual([['BAR']]);
    expect(rangesOf(c)).toEqual(['B3:B4', 'F3:F4', 'G3:G4']);
    expect(option(c, 'isStacked')).toBe(true);
    expect((option(c, 'series') as Record<number, Record<string, unknown>>)[0]).toMatchObject({
      color: 'transparent',
      visibleInLegend: false,
    });
    expect(calls(c, 'setPosition')[0]).toEqual([2, 9, 0, 0]); // I2: right of the helpers, one spacer column
  });

  test('roadmap when a helper cell holds data: refused, nothing written, no chart', () => {
    const f = sheets();
    const s = f.ss.sheet('Sheet1');
    s.rangeAt('B2:E3').setValues([
      ['Initiative', 'Theme', 'Start', 'End'],
      ['SSO', 'Platform', 46027, 46108],
    ]);
    s.rangeAt('G3').setValue('my note');
    const before = s.snapshot();
    f.ss.select('Sheet1', 'B2:E3');
    expect(() => insertChartFromSelection('roadmapTimeline')).toThrow(
      'needs 2 empty columns right of the selection for its bar positions (F2:G3), and those cells are not empty',
    );
    expect(s.snapshot()).toEqual(before);
  });

  test('property: with user data anywhere right of the table, the chart covers no non-empty cell and no other chart', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 20 })), { maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        (extra, repeat) => {
          const f = sheets();
          try {
            const s = f.ss.sheet('Sheet1');
            s.rangeAt('A1:C4').setValues([
              ['Project', 'Impact', 'Effort'],
              ['a', 9, 2],
              ['b', 3, 8],
              ['c', 6, 6],
            ]);
            for (const [row, col] of extra)
              if (row > 4 || col > 3) s.rangeAt(`${colLetter(col - 1)}${row}`).setValue('x');
            f.ss.select('Sheet1', 'A1:C4');
            for (let i = 0; i <= repeat; i++) insertChartFromSelection('impactEffortMatrix');
            const boxes = s.charts.map(sheetsChartBox);
            for (const b of boxes) {
              for (const [r, c] of filledCells(s))
                expect(r >= b.top && r <= b.bottom && c >= b.left && c <= b.right).toBe(false);
            }
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++)
                expect(boxes[j].top > boxes[i].bottom || boxes[i].top > boxes[j].bottom).toBe(true);
          } finally {
            restore();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---------- Excel ----------

async function excelWithPrioritization(): Promise<FakeExcelHost> {
  const host = new FakeExcelHost(['Sheet1']);
  await host.Excel.run((ctx) => applyPlanExcel(ctx, compileTemplate('prioritization', { example: true })));
  return host;
}
const xops = (c: XChart, path: string): XChart['ops'] => c.ops.filter((o) => o.path === path);

describe('Excel: task pane Insert chart for the selected range (one Excel.run, two syncs)', () => {
  test('impact/effort from the example Prioritization table: XY scatter on the selected ranges, axes crossing at 5.5, project-name labels, below the template chart', async () => {
    const host = await excelWithPrioritization();
    const sheet = host.sheet('Prioritization');
    const cellsBefore = JSON.stringify([...sheet.cells.entries()]);
    selectExcel(host, 'Prioritization', 'A1:K4');

    const report = await host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, 'impactEffortMatrix'));

    expect(host.contexts[host.contexts.length - 1].syncs).toBe(2);
    expect(sheet.charts).toHaveLength(3);
    const c = sheet.charts[2];
    expect(c.type).toBe('XYScatter');
    expect(c.source).toBe('C2:C4');
    expect(xops(c, 'series.getItemAt().setValues')[0].args).toEqual(['C2:C4']);
    expect(xops(c, 'series.getItemAt().setXAxisValues')[0].args).toEqual(['E2:E4']);
    expect(xops(c, 'axes.categoryAxis.setPositionAt')[0].args).toEqual([5.5]);
    expect(xops(c, 'axes.valueAxis.minimum')[0].value).toBe(1);
    expect(xops(c, 'axes.valueAxis.maximum')[0].value).toBe(10);
    expect(xops(c, 'series.getItemAt().points.getItemAt().dataLabel.formula').map((o) => o.value)).toEqual([
      "='Prioritization'!$A$2",
      "='Prioritization'!$A$3",
      "='Prioritization'!$A$4",
    ]);
    const anchor = parseCell(String(xops(c, 'setPosition')[0].args![0]));
    // The lowest of the template's charts (the tornado, below the matrix).
    const template = sheet.charts[1];
    const templateBottomRow =
      1 +
      Math.ceil(
        parseCell(String(xops(template, 'setPosition')[0].args![0])).row -
          1 +
          Number(xops(template, 'height')[0].value) / FAKE_ROW_PT,
      );
    expect(anchor.row).toBeGreaterThan(templateBottomRow);
    const lastUsedCol = Math.max(
      ...[...sheet.cells.entries()]
        .filter(([, x]) => x.formula !== null && x.formula !== '')
        .map(([k]) => Number(k.split(',')[1]) + 1),
    );
    expect(anchor.col).toBe(lastUsedCol + 2);
    expect(report.message).toContain('Inserted the Impact / Effort matrix chart for A1:K4 on "Prioritization"');
    expect(JSON.stringify([...sheet.cells.entries()])).toBe(cellsBefore);
  });

  test('a selection without Effort: the error says what to select, after one read; nothing is written', async () => {
    const host = await excelWithPrioritization();
    const sheet = host.sheet('Prioritization');
    const before = JSON.stringify({ cells: [...sheet.cells.entries()], charts: sheet.charts.length });
    selectExcel(host, 'Prioritization', 'A1:B4');
    await expect(host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, 'impactEffortMatrix'))).rejects.toThrow(
      'Select a range whose header row has Effort and Impact columns (found: Project, Theme).',
    );
    expect(host.contexts[host.contexts.length - 1].syncs).toBe(1);
    expect(JSON.stringify({ cells: [...sheet.cells.entries()], charts: sheet.charts.length })).toBe(before);
  });

  test('an empty selection: a clear error', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    selectExcel(host, 'Sheet1', 'C3:F9');
    await expect(host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, 'themeProgress'))).rejects.toThrow(
      /^The selection is empty\. Select your table/,
    );
  });

  test('roadmap on a table of the user: helper formulas and the Gantt chart in the second sync; refused when a helper cell is taken', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const write = (a1: string, values: unknown[][]): Promise<void> =>
      host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(a1).values = values;
        await ctx.sync();
      });
    await write('B2:E4', [
      ['Initiative', 'Theme', 'Start', 'End'],
      ['SSO', 'Platform', 46027, 46108],
      ['EU region', 'Scale', 46118, 46381],
    ]);
    // A whole-column selection: the filled block B2:E4 is charted.
    selectExcel(host, 'Sheet1', 'B:E');
    await host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, 'roadmapTimeline'));
    expect(host.contexts[host.contexts.length - 1].syncs).toBe(2);
    expect(host.content('Sheet1', 'F2')).toBe('Chart: start (quarters)');
    expect(String(host.content('Sheet1', 'G3'))).toMatch(/^=IF\(AND\(ISNUMBER\(D3\)/);
    const c = host.sheet('Sheet1').charts[0];
    expect(c.type).toBe('BarStacked');
    expect(xops(c, 'axes.categoryAxis.setCategoryNames')[0].args).toEqual(['B3:B4']);
    expect(xops(c, 'series.getItemAt().format.fill.clear')).toHaveLength(1);
    expect(xops(c, 'setPosition')[0].args).toEqual(['I2']);

    // Second table with a note in a helper cell.
    await write('B10:D11', [
      ['Initiative', 'Start', 'End'],
      ['Audit', 46027, 46108],
    ]);
    await write('E11', [['keep me']]);
    const charts = host.sheet('Sheet1').charts.length;
    selectExcel(host, 'Sheet1', 'B10:D11');
    await expect(host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, 'roadmapTimeline'))).rejects.toThrow(
      '(E10:F11), and those cells are not empty',
    );
    expect(host.content('Sheet1', 'E11')).toBe('keep me');
    expect(host.content('Sheet1', 'F11')).toBe('');
    expect(host.sheet('Sheet1').charts).toHaveLength(charts);
  });
});
