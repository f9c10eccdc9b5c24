/**
 * Printing from Excel (issue #18 item 7): where the host has Worksheet.pageLayout (ExcelApi 1.9) each inserted
 * sheet prints as the .xlsx does — landscape, fit to its pages wide, the header row on every page, a print area
 * without the settings block and the hidden helper columns; on ExcelApi 1.8 nothing of it is called and the insert
 * still succeeds. Read from the fake's Page Setup (test/fakes/excel.ts FakePageLayout), as a user would see it.
 */
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { EXCEL_API_PAGE_LAYOUT, EXCEL_API_REQUIRED } from '../../excel-addin/src/templates/requirements';
import { compileTemplate } from '../../shared/templates/index';
import { colLetter, parseRange } from '../../shared/a1/a1';
import { printPlan } from '../../xlsx/print-setup';
import { fileChart } from '../../xlsx/chart-model';
import { wrappedRowHeights } from '../../xlsx/text-fit';
import { FakeExcelHost, installExcelGlobals, type XSheet } from '../fakes/excel';

const BLANK = compileTemplate('strategy-workbook', { example: false });

/** Inserts the blank Full Strategy Workbook on a host with ExcelApi `version`. */
async function insertWorkbook(version: string): Promise<{ host: FakeExcelHost; syncs: number; error?: string }> {
  const host = new FakeExcelHost();
  host.apiVersion = version;
  const restore = installExcelGlobals(host);
  const ctx = host.context();
  try {
    await applyPlanExcel(ctx as unknown as Excel.RequestContext, BLANK);
    return { host, syncs: ctx.syncs };
  } catch (e) {
    return { host, syncs: ctx.syncs, error: (e as Error).message };
  } finally {
    restore();
  }
}

/** The .xlsx writer's print plan of a sheet of the same workbook, as Page Setup shows it. */
function xlsxPrint(sheetName: string): { areas: string[]; pagesWide: number; orientation: string } {
  const s = BLANK.sheets.find((x) => x.name === sheetName)!;
  const p = printPlan(
    s,
    s.charts.map((c) => fileChart(c, s)),
    wrappedRowHeights(s),
  );
  const orientation = s.printOrientation === 'portrait' ? 'Portrait' : 'Landscape';
  return { areas: p.printArea.map((a) => a.replace(/^.*!/, '')), pagesWide: p.pagesWide, orientation };
}

/** The 0-based columns an (absolute) area spans. */
function columnsOf(area: string): number[] {
  const { left, right } = parseRange(area);
  return Array.from({ length: right - left + 1 }, (_, i) => left - 1 + i);
}

/** The 0-based column whose header (row 1) reads `text`. */
function headerColumn(sheet: XSheet, text: string): number {
  const hit = [...sheet.cells.entries()].find(([k, c]) => k.startsWith('0,') && c.formula === text);
  if (!hit) throw new Error(`no header "${text}" on ${sheet.name}`);
  return Number(hit[0].split(',')[1]);
}

describe(`printing from Excel where ExcelApi ${EXCEL_API_PAGE_LAYOUT} is there`, () => {
  let host: FakeExcelHost;
  beforeAll(async () => {
    const r = await insertWorkbook(EXCEL_API_PAGE_LAYOUT);
    expect(r.error).toBeUndefined();
    host = r.host;
  });

  test('Prioritization prints its table and charts, not its settings block nor its hidden helper columns, as the .xlsx does', () => {
    const sheet = host.state.sheet('Prioritization');
    const page = sheet.page!;
    const xlsx = xlsxPrint('Prioritization');
    expect(page.orientation).toBe('Landscape');
    expect(page.zoom).toEqual({ horizontalFitToPages: xlsx.pagesWide, verticalFitToPages: 0 });
    expect(xlsx.pagesWide).toBe(2);
    expect(page.titleRows).toBe('$1:$1');
    // The data block and the matrix are the .xlsx's own areas; the tornado (no bar yet in a blank workbook, so the
    // .xlsx leaves it out) prints on its own page too, the area outliving the rows filled now.
    expect(page.printArea!.slice(0, 2)).toEqual(xlsx.areas);
    expect(page.printArea).toHaveLength(3);
    const dataColumns = columnsOf(page.printArea![0]);
    expect(sheet.hidden.size).toBeGreaterThan(0);
    expect(dataColumns.filter((c) => sheet.hidden.has(c))).toEqual([]);
    const settings = headerColumn(sheet, 'Setting');
    expect(Math.max(...dataColumns)).toBeLessThan(settings);
    expect(colLetter(Math.max(...dataColumns))).toBe('P');
  });

  test("every inserted sheet is set up to print, its data block the .xlsx one's columns down to the form's rows", () => {
    const rowOf = (area: string): number => parseRange(area).bottom;
    for (const sheet of host.state.sheets.filter((s) => s.name !== 'Sheet1')) {
      const xlsx = xlsxPrint(sheet.name);
      const data = sheet.page!.printArea![0];
      expect([sheet.name, sheet.page?.orientation, sheet.page?.zoom?.horizontalFitToPages]).toEqual([
        sheet.name,
        xlsx.orientation,
        xlsx.pagesWide,
      ]);
      expect([sheet.name, columnsOf(data)]).toEqual([sheet.name, columnsOf(xlsx.areas[0])]);
      // Strategy Review's blank form: the .xlsx prints its filled rows, Excel the rows there are to fill.
      expect(rowOf(data)).toBeGreaterThanOrEqual(rowOf(xlsx.areas[0]));
    }
  });
});

test(`on ExcelApi ${EXCEL_API_REQUIRED} no page layout is called and the workbook is inserted`, async () => {
  const r = await insertWorkbook(EXCEL_API_REQUIRED);
  expect(r.error).toBeUndefined();
  expect(r.host.sheetNames()).toContain('Prioritization');
  expect(r.host.state.sheets.filter((s) => s.page !== undefined)).toEqual([]);
});

describe('the fake refuses page setup as Excel does (so the tests above can fail)', () => {
  test(`a host below ExcelApi ${EXCEL_API_PAGE_LAYOUT} rejects the page layout when the executor is told (wrongly) it is there`, async () => {
    const host = new FakeExcelHost();
    host.apiVersion = EXCEL_API_REQUIRED;
    const ctx = host.context();
    const plan = compileTemplate('business-context', { example: false });
    await expect(
      applyPlanExcel(ctx as unknown as Excel.RequestContext, plan, { supports: () => true }),
    ).rejects.toThrow(/pageLayout\.\w+ needs ExcelApi 1\.9/);
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  test('print title rows must be whole rows; a zoom scale is 10 to 400', async () => {
    const host = new FakeExcelHost();
    const ctx = host.context();
    const page = (): Excel.PageLayout => ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
    page().setPrintTitleRows('A1:C1');
    await expect(ctx.sync()).rejects.toThrow(/span entire rows/);
    page().zoom = { scale: 5 };
    await expect(ctx.sync()).rejects.toThrow(/zoom scale 5/);
    page().zoom = { scale: 80 };
    page().setPrintTitleRows('$1:$2');
    await ctx.sync();
    expect(host.state.sheet('Sheet1').page).toEqual({ zoom: { scale: 80 }, titleRows: '$1:$2' });
  });
});
