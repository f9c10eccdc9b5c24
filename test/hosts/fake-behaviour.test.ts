/**
 * The fakes model what the hosts document (each behaviour cited beside its code in test/fakes/): these
 * tests pin the models themselves, so a test built on them can fail for the right reason.
 *  - a chart over hidden columns draws nothing unless it says otherwise (Sheets ChartHiddenDimensionStrategy,
 *    Excel Chart.plotVisibleOnly);
 *  - Excel: a chart made from a source block gets the series Excel's rules give it (a first column that
 *    holds no numbers becomes the categories), asking for a series it does not have fails the batch, and a
 *    batch keeps what ran before its failing operation; an unloaded property read throws PropertyNotLoaded;
 *  - the host engine calculates what the formulas say, in the host's syntax.
 */
import { excelDrawn, sheetsDrawn } from '../fakes/chart-data';
import { FakeExcelHost, type FakeRequestContext } from '../fakes/excel';
import { attachExcelEngine } from '../fakes/excel-engine';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

describe('Sheets fake: hidden columns and rows in charts', () => {
  function chartOverHiddenColumn(strategy?: string): ReturnType<typeof sheetsDrawn> {
    const fake = createSheetsFake(['Sheet1'], undefined, { engine: true });
    const sheet = fake.ss.sheet('Sheet1');
    return withSheetsGlobals(fake, () => {
      sheet.getRange('A1:C4').setValues([
        ['Name', 'Shown', 'Helper'],
        ['a', 1, '=B2*2'],
        ['b', 2, '=B3*2'],
        ['c', 3, '=B4*2'],
      ]);
      sheet.hideColumns(3);
      sheet.hideRows(4);
      let b = sheet.newChart().setChartType(Charts.ChartType.BAR);
      for (const a1 of ['A1:A4', 'B1:B4', 'C1:C4']) b = b.addRange(sheet.getRange(a1));
      b = b.setNumHeaders(1);
      if (strategy)
        b = b.setHiddenDimensionStrategy(
          Charts.ChartHiddenDimensionStrategy[strategy as keyof typeof Charts.ChartHiddenDimensionStrategy],
        );
      sheet.insertChart(b.setPosition(1, 5, 0, 0).build());
      return sheetsDrawn(sheet, sheet.charts[0]);
    });
  }
  const points = (d: ReturnType<typeof sheetsDrawn>): number[][] => d.map((s) => s.points.map((p) => p.value));

  test('by default (IGNORE_BOTH) a series in a hidden column draws nothing, and hidden rows are skipped', () => {
    expect(points(chartOverHiddenColumn())).toEqual([[1, 2], []]);
  });
  test('IGNORE_ROWS plots the hidden column (computed by the engine) and still skips the hidden row', () => {
    const drawn = chartOverHiddenColumn('IGNORE_ROWS');
    expect(points(drawn)).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(drawn.map((d) => d.name)).toEqual(['Shown', 'Helper']);
  });
  test('SHOW_BOTH plots hidden rows too', () => {
    expect(points(chartOverHiddenColumn('SHOW_BOTH'))).toEqual([
      [1, 2, 3],
      [2, 4, 6],
    ]);
  });
});

describe('Excel fake', () => {
  async function blockChart(
    host: FakeExcelHost,
    block: unknown[][],
    after: (chart: Excel.Chart) => void,
  ): Promise<{ error?: string; ctx: FakeRequestContext }> {
    const ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange(`A1:C${block.length}`).formulas = block as never;
    ws.getRange('C:C').columnHidden = true;
    const chart = ws.charts.add('BarStacked', ws.getRange(`A1:C${block.length}`), 'Columns');
    after(chart);
    try {
      await ctx.sync();
      return { ctx };
    } catch (e) {
      return { ctx, error: (e as Error).message };
    }
  }

  test('a block whose first column holds numbers: one series per column, names from the header row', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const r = await blockChart(
      host,
      [
        ['Offset', 'Length', 'Helper'],
        [1, 2, '=B2*2'],
        [2, 3, '=B3*2'],
      ],
      () => undefined,
    );
    expect(r.error).toBeUndefined();
    const chart = host.sheet('Sheet1').charts[0];
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ['Offset', 'A2:A3'],
      ['Length', 'B2:B3'],
      ['Helper', 'C2:C3'],
    ]);
    // Hidden column C is not plotted by default (plotVisibleOnly is true) …
    expect(excelDrawn(host, 'Sheet1', chart).map((d) => d.points.length)).toEqual([2, 2, 0]);
    // … and is once the chart says so.
    chart.plotVisibleOnly = false;
    expect(excelDrawn(host, 'Sheet1', chart).map((d) => d.points.map((p) => p.value))).toEqual([
      [1, 2],
      [2, 3],
      [4, 6],
    ]);
  });

  test('a block whose first column is formulas returning "": that column becomes the categories, one series fewer; asking for the last series fails the batch, what ran before stays', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const r = await blockChart(
      host,
      [
        ['Offset', 'Length', 'Helper'],
        ['=IF(B2>5,1,"")', 2, 3],
        ['=IF(B3>5,1,"")', 2, 3],
      ],
      (chart) => {
        chart.title.text = 'Roadmap';
        chart.series.getItemAt(2).name = 'Other themes';
        chart.legend.visible = false;
      },
    );
    expect(r.error).toMatch(/InvalidArgument|series 2 of 2/);
    const chart = host.sheet('Sheet1').charts[0];
    expect(chart.series.map((s) => s.name)).toEqual(['Length', 'Helper']);
    expect(chart.ops.map((o) => o.path)).toEqual(['title.text']); // applied before the failure; the rest dropped
    expect(r.ctx.executed.slice(-2)).toEqual(['charts.add', 'chart.set']);
  });

  test('reading values before load and sync throws PropertyNotLoaded', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    const ctx = host.context();
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
  });
});

describe('host engines calculate as the host would', () => {
  test('Excel: custom functions in the STRATEGY namespace and native formulas', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C1').formulas = [
      ['=STRATEGY.PRIORITY_SCORE(9,8,4,1)', '=9*2+8-4*0.5-1', '=STRATEGY.STRATEGY_QUARTER("2027-02-15")'],
    ];
    await ctx.sync();
    expect([0, 1, 2].map((c) => host.engine!.value('Sheet1', 0, c))).toEqual([23, 23, 'Q1 2027']);
  });

  test('Sheets in de_DE: formulas stored with ";" and "," compute; a tampered engine computes differently', () => {
    for (const tamper of [undefined, (f: string) => f.replace('*0,5', '*0,6')]) {
      const fake = createSheetsFake(['Sheet1'], undefined, { locale: 'de_DE', engine: { tamper } });
      fake.ss
        .sheet('Sheet1')
        .getRange('A1:B1')
        .setValues([['=9*2+8-4*0,5-1', '=PRIORITY_SCORE(9;8;4;1)']]);
      expect(fake.ss.sheet('Sheet1').getRange('A1:B1').getValues()).toEqual([[tamper ? 22.6 : 23, 23]]);
    }
  });
});
