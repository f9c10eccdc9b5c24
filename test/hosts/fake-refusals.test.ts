/**
 * The fakes refuse what the hosts refuse (issue #25), so product code meets a refusal in the tests first. Each
 * rule is cited beside its code (test/fakes/host-rules.ts, test/fakes/sheets-chart-rules.ts); these tests pin
 * that the fakes throw for what the hosts refuse, and still take what the add-in really does.
 */
import { excelEnums, excelNameProblem, REQUIREMENT_SETS, sheetsNameProblem } from '../fakes/host-rules';
import { DOCUMENTED_OPTIONS, optionProblem, UNVERIFIED_OPTIONS } from '../fakes/sheets-chart-rules';
import { FakeExcelHost, installExcelGlobals } from '../fakes/excel';
import { FakeSheetsSheet, installChartsGlobal } from '../fakes/chart-recorders';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

const BAD_NAMES = ['1 bad name!', 'A1', 'My Name With Spaces', 'R1C1', 'xfd1048576', 'Q1-Goals', ''];
const GOOD_NAMES = ['ThemeNames', 'tst_Roadmap_Items', '_x', 'Quarter2027'];

describe('Google Sheets chart builder', () => {
  function builder() {
    const fake = createSheetsFake(['Sheet1']);
    const sheet = fake.ss.sheet('Sheet1');
    return { fake, sheet, b: () => sheet.newChart() };
  }

  test('a chart type that is not a Charts.ChartType is refused', () => {
    const { fake, b } = builder();
    withSheetsGlobals(fake, () => {
      expect(() => b().setChartType('NOT_A_TYPE' as never)).toThrow(
        "Exception: The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.",
      );
      const made = Charts.ChartType as unknown as Record<string, unknown>;
      expect(() => b().setChartType(made.NOT_A_TYPE as never)).toThrow(/parameters \(null\)/);
      expect(() => b().setChartType(Charts.ChartType.BAR)).not.toThrow();
    });
  });

  test('a method EmbeddedChartBuilder does not have is not a function', () => {
    const { fake, b } = builder();
    withSheetsGlobals(fake, () => {
      const chart = b() as unknown as Record<string, unknown>;
      expect(chart.bogusMethod).toBeUndefined();
      expect(() => (chart as { bogusMethod(): void }).bogusMethod()).toThrow(TypeError);
      expect(typeof chart.setOption).toBe('function');
    });
  });

  test('addRange takes a Range only', () => {
    const { fake, sheet, b } = builder();
    withSheetsGlobals(fake, () => {
      expect(() => b().addRange('not a range' as never)).toThrow(/parameters \(String\).*addRange/);
      expect(() => b().addRange(sheet.getRange('A1:A3'))).not.toThrow();
    });
  });

  test('an option Google Charts does not document for the chart type is refused at build, naming it', () => {
    const { fake, sheet, b } = builder();
    withSheetsGlobals(fake, () => {
      const scatter = () => b().setChartType(Charts.ChartType.SCATTER).addRange(sheet.getRange('A1:B3'));
      expect(() => scatter().setOption('interpolateNull', true).build()).toThrow(
        /"interpolateNull" is not a documented SCATTER chart option/,
      );
      expect(() => scatter().setOption('hAxis', { titel: 'x' }).build()).toThrow(/hAxis\.titel is not a documented/);
      expect(() => scatter().setOption('width', '600').build()).toThrow(/width must be a number/);
      expect(() => scatter().setOption('interpolateNulls', true).setOption('hAxis.title', 'x').build()).not.toThrow();
      // Bars have no lines: a line option on a bar chart would be ignored.
      expect(() =>
        b().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B3')).setOption('lineWidth', 2).build(),
      ).toThrow(/"lineWidth" is not a documented BAR chart option/);
    });
  });

  test('the chart recorders refuse the same', () => {
    const restore = installChartsGlobal();
    try {
      const sheet = new FakeSheetsSheet('Sheet1').api();
      const chart = () => sheet.newChart().setChartType(Charts.ChartType.SCATTER);
      expect(() => chart().setOption('interpolateNull', true).build()).toThrow(/interpolateNull/);
      expect(() => sheet.newChart().setChartType('NOT_A_TYPE' as never)).toThrow(/setChartType/);
      expect(() => chart().addRange('A1' as never)).toThrow(/addRange/);
    } finally {
      restore();
    }
  });

  test('every unverified option says why, and is documented for none of the types it is accepted on', () => {
    for (const [key, u] of Object.entries(UNVERIFIED_OPTIONS)) {
      expect(u.why.length).toBeGreaterThan(20);
      for (const t of u.types) expect(DOCUMENTED_OPTIONS[t as keyof typeof DOCUMENTED_OPTIONS]?.[key]).toBeUndefined();
    }
    expect(optionProblem('SCATTER', 'interpolateNulls', 'yes')).toBe('interpolateNulls must be a boolean');
  });
});

describe('Google Sheets spreadsheet', () => {
  test.each(BAD_NAMES)('a named range called %j is refused', (name) => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      const r = fake.ss.sheet('Sheet1').getRange('A1:A3');
      expect(() => fake.ss.setNamedRange(name, r)).toThrow(/named range name .* is not valid/);
    });
    expect(sheetsNameProblem(name)).toBeDefined();
  });

  test('names the add-in uses are taken', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      for (const n of GOOD_NAMES) fake.ss.setNamedRange(n, fake.ss.sheet('Sheet1').getRange('A1:A3'));
    });
    expect(fake.ss.getNamedRanges().map((n) => n.getName())).toEqual(GOOD_NAMES);
  });

  test('hiding, freezing or inserting past the sheet’s 26 columns and 1000 rows is refused', () => {
    const fake = createSheetsFake(['Sheet1']);
    const sheet = fake.ss.sheet('Sheet1');
    withSheetsGlobals(fake, () => {
      expect(() => sheet.hideColumns(500)).toThrow('Exception: Those columns are out of bounds.');
      expect(() => sheet.hideColumns(26, 2)).toThrow('Exception: Those columns are out of bounds.');
      expect(() => sheet.hideRows(0)).toThrow('Exception: Those rows are out of bounds.');
      expect(() => sheet.setFrozenRows(1001)).toThrow(/rows are out of bounds/);
      expect(() => sheet.setFrozenColumns(27)).toThrow(/columns are out of bounds/);
      expect(() => sheet.insertColumnsAfter(30, 1)).toThrow(/columns are out of bounds/);
      expect(() => sheet.insertRowsAfter(1000, 0)).toThrow(/at least 1/);
      sheet.hideColumns(26);
      sheet.setFrozenRows(2);
    });
    expect(sheet.hidden.has(26)).toBe(true);
  });

  test('a conditional format rule needs a range and a condition', () => {
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => {
      const r = fake.ss.sheet('Sheet1').getRange('A1:A3');
      expect(() => SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=A1>1').build()).toThrow(
        /needs at least one range/,
      );
      expect(() => SpreadsheetApp.newConditionalFormatRule().setRanges([r]).setBackground('#ff0000').build()).toThrow(
        /needs a condition/,
      );
      expect(() =>
        SpreadsheetApp.newConditionalFormatRule().setRanges([r]).whenFormulaSatisfied('=A1>1').build(),
      ).not.toThrow();
    });
  });
});

describe('Excel', () => {
  async function run(host: FakeExcelHost, batch: (ctx: Excel.RequestContext) => void): Promise<string> {
    const restore = installExcelGlobals(host);
    try {
      await host.Excel.run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      });
      return '';
    } catch (e) {
      return (e as Error).message;
    } finally {
      restore();
    }
  }

  test('Excel.ChartType and the other enums hold exactly @types/office-js’s members', () => {
    const host = new FakeExcelHost(['Sheet1']);
    const xl = host.Excel as unknown as Record<string, Record<string, string> | undefined>;
    expect(xl.ChartType?.barStacked).toBe('BarStacked');
    expect(xl.ChartType?.totallyMadeUp).toBeUndefined();
    expect(xl.NotAnEnum).toBeUndefined();
    expect(Object.keys(excelEnums().get('ChartType') ?? {}).length).toBeGreaterThan(50);
  });

  test('a chart type, series-by or conditional format type Excel does not have fails the batch', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const add = (type: string, by?: string) => (ctx: Excel.RequestContext) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.charts.add(type as never, ws.getRange('A1:B3'), by as never);
    };
    expect(await run(host, add('TotallyMadeUp'))).toMatch(/TotallyMadeUp is not an Excel\.ChartType/);
    expect(await run(host, add('BarStacked', 'Diagonally'))).toMatch(/Diagonally is not an Excel\.ChartSeriesBy/);
    expect(await run(host, add('BarStacked', 'Columns'))).toBe('');
    expect(
      await run(host, (ctx) =>
        ctx.workbook.worksheets
          .getItem('Sheet1')
          .getRange('A1')
          .conditionalFormats.add('Sparkly' as never),
      ),
    ).toMatch(/not an Excel\.ConditionalFormatType/);
  });

  test.each(BAD_NAMES)('a defined name %j is refused', async (name) => {
    const host = new FakeExcelHost(['Sheet1']);
    const msg = await run(host, (ctx) => {
      ctx.workbook.names.add(name, ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3'));
    });
    expect(msg).toMatch(/invalid or missing or has an incorrect format \(name/);
    expect(excelNameProblem(name)).toBeDefined();
    expect(host.state.names).toEqual([]);
  });

  test.each(['Q1/Q2', 'a:b', 'What?', 'x*', '[draft]', 'back\\slash', 'A'.repeat(32), "'quoted'", 'History', ' '])(
    'a worksheet named %j is refused, on add and on rename',
    async (name) => {
      const host = new FakeExcelHost(['Sheet1']);
      expect(await run(host, (ctx) => void ctx.workbook.worksheets.add(name))).toMatch(/sheet name/);
      expect(await run(host, (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').name = name))).toMatch(
        /sheet name/,
      );
      expect(host.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    },
  );

  test('a rename onto another sheet’s name is refused; a 31-character name is taken', async () => {
    const host = new FakeExcelHost(['Sheet1', 'Plan']);
    expect(await run(host, (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').name = 'plan'))).toMatch(
      /already exists/,
    );
    expect(await run(host, (ctx) => void (ctx.workbook.worksheets.getItem('Sheet1').name = 'A'.repeat(31)))).toBe('');
  });

  test('freezing more rows or columns than the grid has is refused', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const ws = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.getItem('Sheet1');
    expect(await run(host, (ctx) => ws(ctx).freezePanes.freezeRows(1048577))).toMatch(/freezeRows/);
    expect(await run(host, (ctx) => ws(ctx).freezePanes.freezeColumns(-1))).toMatch(/freezeColumns/);
    expect(await run(host, (ctx) => ws(ctx).freezePanes.freezeRows(2))).toBe('');
  });

  test('isSetSupported answers for documented requirement sets only, spelt as documented', () => {
    const host = new FakeExcelHost(['Sheet1']);
    host.apiVersion = '1.8';
    const ask = (host.Office.context as { requirements: Office.RequirementSetSupport }).requirements;
    expect(ask.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(ask.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(ask.isSetSupported('ExcelAPI', '1.1')).toBe(false);
    expect(ask.isSetSupported('excelapi', '1.1')).toBe(false);
    expect(ask.isSetSupported('MadeUpApi', '1.1')).toBe(false);
    expect(ask.isSetSupported('CustomFunctionsRuntime', '1.1')).toBe(true);
    expect(ask.isSetSupported('SharedRuntime', '1.1')).toBe(true);
    expect(REQUIREMENT_SETS.has('ExcelApi')).toBe(true);
  });
});
