/**
 * The roadmap chart is the plan's calendar (issue #18 item 3): a blank Roadmap inserted on 2026-11-16 (the plan
 * starts in Q4 2026), then the manager's items typed in, among them one that starts the quarter before the plan,
 * one that starts in November and one in the plan's fourth quarter. Each bar must stand in its own calendar
 * quarter, named with its year, in both hosts' fakes (what they plot and the axis they were given), the preview's
 * chart and the .xlsx the preview writes; the legend names only themes in use (the preview and the .xlsx, which
 * draw from the cells as they are).
 */
import { insertTemplate } from '../../apps-script/src/templates/server';
import { refreshCharts } from '../../apps-script/src/strategy/server';
import { refreshChartsExcel } from '../../excel-addin/src/strategy/snapshot';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { compileTemplate } from '../../shared/templates/index';
import { ymdToSerial } from '../../shared/core/args';
import { PreviewWorkbook } from '../../preview/workbook';
import { readPreviewSheets } from '../../preview/snapshot';
import { chartsToRefresh } from '../../shared/templates/chart-refresh';
import { chartConfig } from '../../ui/charts/config';
import { fileChart } from '../../xlsx/chart-model';
import { excelDrawn, excelLegend, sheetsDrawn, sheetsLegend, type DrawnSeries } from '../fakes/chart-data';
import { FakeExcelHost, installExcelGlobals, type XChart } from '../fakes/excel';
import { attachExcelEngine } from '../fakes/excel-engine';
import { createSheetsFake, withSheetsGlobals, type FakeChart } from '../fakes/sheets';

const INSERTED = new Date(2026, 10, 16, 12);
const ymd = (s: string): number => {
  const [y, m, d] = s.split('-').map(Number);
  return ymdToSerial(y, m, d);
};

/** [initiative, theme, start, end, the quarters its bar must span]. */
const ITEMS: Array<[string, string, string, string, string[]]> = [
  ['Vendor review', 'Enterprise-Ready Platform', '2026-08-03', '2026-09-25', ['Q3 2026']],
  ['Postgres sharding', 'Global Scale & Performance', '2027-07-06', '2027-09-20', ['Q3 2027']],
  ['SSO rollout', 'Enterprise-Ready Platform', '2026-11-09', '2027-01-29', ['Q4 2026', 'Q1 2027']],
  ['Self-service deploys', 'Developer Velocity', '2027-01-11', '2027-03-19', ['Q1 2027']],
];
/** Roadmap columns: A Initiative, B Theme, E Start, F End. */
const row = (i: number): number => i + 2;

/** Where each typed row's bar is drawn: start and end on the value axis (offset, offset + its slot's length). */
function bars(drawn: DrawnSeries[]): Map<number, { start: number; end: number }> {
  const out = new Map<number, { start: number; end: number }>();
  const [offset, ...slots] = drawn;
  for (const p of offset.points) {
    const length = slots.flatMap((s) => s.points.filter((q) => q.row === p.row)).reduce((n, q) => n + q.value, 0);
    out.set(p.row, { start: p.value, end: p.value + length });
  }
  return out;
}

/** The quarters [start, end) covers on an axis labelled by ticks at each quarter's start. */
function quartersOf(bar: { start: number; end: number }, ticks: Array<{ v: number; f: string }>): string[] {
  return ticks
    .filter((t, i) => i + 1 < ticks.length && t.v < bar.end - 1e-6 && ticks[i + 1].v > bar.start)
    .map((t) => t.f);
}

function expectInTheirQuarters(
  drawn: Map<number, { start: number; end: number }>,
  ticks: Array<{ v: number; f: string }>,
): void {
  const [min, max] = [ticks[0].v, ticks[ticks.length - 1].v];
  ITEMS.forEach(([name, , , , quarters], i) => {
    const bar = drawn.get(row(i));
    expect({ name, drawn: !!bar }).toEqual({ name, drawn: true });
    // Inside the axis (not cut off) and in its own labelled quarters.
    expect({ name, inside: bar!.start >= min && bar!.end <= max }).toEqual({ name, inside: true });
    expect({ name, quarters: quartersOf(bar!, ticks) }).toEqual({ name, quarters });
  });
}

describe('the roadmap chart is the plan calendar (blank Roadmap inserted 2026-11-16, items typed in)', () => {
  beforeEach(() => jest.useFakeTimers({ now: INSERTED, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  test('Google Sheets: every bar in its own quarter, labelled with its year', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { engine: true });
    withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: false }));
    const s = fake.ss.sheet('Roadmap');
    ITEMS.forEach(([name, theme, start, end], i) => {
      s.getRange(`A${row(i)}:B${row(i)}`).setValues([[name, theme]]);
      s.getRange(`E${row(i)}:F${row(i)}`).setValues([[ymd(start), ymd(end)]]);
    });
    const chart = s.charts.find((c) => c.getOptions?.().get('isStacked'))!;
    const hAxis = chart.getOptions!().get('hAxis') as { ticks: Array<{ v: number; f: string }>; viewWindow: object };
    expect(hAxis.ticks.map((t) => t.f)).toEqual(['Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', '']);
    expect(hAxis.viewWindow).toEqual({ min: hAxis.ticks[0].v, max: hAxis.ticks[5].v });
    expectInTheirQuarters(bars(sheetsDrawn(s, chart)), hAxis.ticks);
  });

  test('Excel: every bar inside the axis, in its own quarter between the lines the title names', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const restore = installExcelGlobals(host);
    try {
      await host.Excel.run((ctx) => applyPlanExcel(ctx, compileTemplate('roadmap', { example: false, now: INSERTED })));
      await host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Roadmap');
        ITEMS.forEach(([name, theme, start, end], i) => {
          ws.getRange(`A${row(i)}:B${row(i)}`).values = [[name, theme]];
          ws.getRange(`E${row(i)}:F${row(i)}`).values = [[ymd(start), ymd(end)]];
        });
        await ctx.sync();
      });
    } finally {
      restore();
    }
    const chart = host.sheet('Roadmap').charts[0];
    const set = (path: string): unknown => chart.ops.filter((o) => o.path === path).pop()?.value;
    const [min, max] = [set('axes.valueAxis.minimum') as number, set('axes.valueAxis.maximum') as number];
    expect(set('axes.valueAxis.title.text')).toBe('Quarter: Q3 2026 to Q3 2027, a line each');
    expect(set('axes.valueAxis.majorUnit')).toBe(1);
    // A line at each quarter's start from the minimum; the title names them in order.
    const names = ['Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', ''];
    expect(max - min).toBe(names.length - 1);
    expectInTheirQuarters(
      bars(excelDrawn(host, 'Roadmap', chart)),
      names.map((f, i) => ({ v: min + i, f })),
    );
  });

  test('the preview and the .xlsx it writes: the quarters widen to an item typed beyond them; only themes in use in the legend', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('roadmap', { example: false, now: INSERTED }));
    const typed: Array<[string, string, string, string]> = [
      ...ITEMS.map(([a, b, c, d]) => [a, b, c, d] as [string, string, string, string]),
      ['Data platform', 'Developer Velocity', '2028-01-10', '2028-02-25'],
    ];
    typed.forEach(([name, theme, start, end], i) => {
      wb.setInputs('Roadmap', row(i) - 1, 0, [[name, theme]]);
      wb.setInputs('Roadmap', row(i) - 1, 4, [[start, end]]);
    });
    const op = wb.metaOf('Roadmap').charts.find((c) => c.kind === 'roadmapTimeline')!;
    const config = chartConfig(op, (a1) => wb.rangeValues('Roadmap', a1));
    const x = (config.options as { scales: { x: Record<string, unknown> } }).scales.x;
    const labels = ['Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027', 'Q1 2028'];
    expect([x.min, x.max]).toEqual([2026 * 4 + 2, 2026 * 4 + 2 + labels.length]);
    const ticks = [...labels, ''].map((f, i) => ({ v: (x.min as number) + i, f }));
    // The preview names each quarter between its lines (ui/charts/bars.ts): the label right after each line.
    const callback = (x.ticks as { callback: (v: number) => string }).callback;
    expect(labels.map((_, i) => callback((x.min as number) + i + 0.5))).toEqual(labels);
    const datasets = config.data.datasets as Array<{ label: string; data: (number | null)[] }>;
    const drawn = new Map<number, { start: number; end: number }>();
    datasets[0].data.forEach((start, i) => {
      const length = datasets.slice(1).reduce((n, d) => n + (d.data[i] ?? 0), 0);
      if (start !== null) drawn.set(row(i), { start, end: start + length });
    });
    expectInTheirQuarters(drawn, ticks);
    expect(quartersOf(drawn.get(row(4))!, ticks)).toEqual(['Q1 2028']);
    const legend = (config.options as { plugins: { legend: { labels: { filter: (i: object) => boolean } } } }).plugins
      .legend.labels.filter;
    const inLegend = datasets.filter((_, i) => legend({ datasetIndex: i })).map((d) => d.label);
    expect(inLegend).toEqual(['Enterprise-Ready Platform', 'Global Scale & Performance', 'Developer Velocity']);

    // The .xlsx the preview writes: the same quarters, and no legend entry for the two theme slots no theme fills.
    const sheet = wb.toModel().sheets.find((s) => s.name === 'Roadmap')!;
    const file = fileChart(
      sheet.charts.find((c) => c.kind === 'roadmapTimeline')!,
      sheet,
    );
    expect([file.valueAxis.min, file.valueAxis.max]).toEqual([x.min, x.max]);
    expect(file.valueAxis.title).toBe('Quarter: Q3 2026 to Q1 2028, a line each');
    expect(file.series.map((s) => !(s.invisible || s.outOfLegend))).toEqual([false, true, true, true, false, false]);
  });
});

/**
 * Refresh charts (issue #18 item 3, the live hosts): Sheets and Excel fix a chart's axis and legend when it is made,
 * so an item typed later beyond the plan's quarters was cut off and the empty theme slots kept their legend entries.
 * Blank Roadmap inserted 2026-11-16 (quarters Q3 2026 to Q3 2027), two items typed, refreshed; then an item two
 * quarters after the plan's fourth with a new theme, refreshed again: each drawn in its quarter, the legend lists
 * only the themes with items.
 */
describe("Refresh charts: the live hosts' roadmap chart follows the rows typed after insertion", () => {
  beforeEach(() => jest.useFakeTimers({ now: INSERTED, doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  const FIRST: Array<[string, string, string, string, string[]]> = [ITEMS[2], ITEMS[3]];
  const LATER: [string, string, string, string, string[]] = [
    'Data platform',
    'Data-Driven Product',
    '2028-01-10',
    '2028-02-25',
    ['Q1 2028'],
  ];
  const QUARTERS = ['Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027'];
  const WIDENED = [...QUARTERS, 'Q4 2027', 'Q1 2028'];

  function expectDrawn(
    drawn: Map<number, { start: number; end: number }>,
    ticks: Array<{ v: number; f: string }>,
    items: Array<[string, string, string, string, string[]]>,
  ): void {
    const [min, max] = [ticks[0].v, ticks[ticks.length - 1].v];
    items.forEach(([name, , , , quarters], i) => {
      const bar = drawn.get(row(i))!;
      expect({ name, inside: bar.start >= min && bar.end <= max }).toEqual({ name, inside: true });
      expect({ name, quarters: quartersOf(bar, ticks) }).toEqual({ name, quarters });
    });
  }

  test('Google Sheets: the axis widens to the new quarter, the legend names only the themes typed', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { engine: true });
    withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: false }));
    const s = fake.ss.sheet('Roadmap');
    const type = ([name, theme, start, end]: (typeof FIRST)[number], i: number): void => {
      s.getRange(`A${row(i)}:B${row(i)}`).setValues([[name, theme]]);
      s.getRange(`E${row(i)}:F${row(i)}`).setValues([[ymd(start), ymd(end)]]);
    };
    const chart = (): FakeChart => s.charts.find((c) => c.getOptions?.().get('isStacked'))!;
    const ticks = (): Array<{ v: number; f: string }> =>
      (chart().getOptions!().get('hAxis') as { ticks: Array<{ v: number; f: string }> }).ticks;
    FIRST.forEach(type);
    // As inserted: every empty theme slot in the legend.
    expect(sheetsLegend(s, chart())).toEqual([
      'Enterprise-Ready Platform',
      'Developer Velocity',
      'Theme 3',
      'Theme 4',
      'Theme 5',
    ]);
    const first = withSheetsGlobals(fake, () => refreshCharts());
    expect(first.message).toBe('Charts refreshed from the cells as they are: "Roadmap by quarter" on "Roadmap".');
    expect(sheetsLegend(s, chart())).toEqual(['Enterprise-Ready Platform', 'Developer Velocity']);
    expect(ticks().map((t) => t.f)).toEqual([...QUARTERS, '']);

    type(LATER, FIRST.length);
    expect(ticks().map((t) => t.f)).toEqual([...QUARTERS, '']); // fixed until refreshed: Q1 2028 not on the axis
    withSheetsGlobals(fake, () => refreshCharts());
    expect(ticks().map((t) => t.f)).toEqual([...WIDENED, '']);
    const hAxis = chart().getOptions!().get('hAxis') as { viewWindow: object };
    expect(hAxis.viewWindow).toEqual({ min: ticks()[0].v, max: ticks()[WIDENED.length].v });
    expectDrawn(bars(sheetsDrawn(s, chart())), ticks(), [...FIRST, LATER]);
    expect(sheetsLegend(s, chart())).toEqual([
      'Enterprise-Ready Platform',
      'Developer Velocity',
      'Data-Driven Product',
    ]);
    expect(s.charts).toHaveLength(1);
  });

  test('Excel: the axis widens to the new quarter, the legend names only the themes typed', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const restore = installExcelGlobals(host);
    const type = async (items: Array<(typeof FIRST)[number]>, from: number): Promise<void> =>
      host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Roadmap');
        items.forEach(([name, theme, start, end], k) => {
          ws.getRange(`A${row(from + k)}:B${row(from + k)}`).values = [[name, theme]];
          ws.getRange(`E${row(from + k)}:F${row(from + k)}`).values = [[ymd(start), ymd(end)]];
        });
        await ctx.sync();
      });
    const chart = (): XChart => host.sheet('Roadmap').charts[0];
    const set = (path: string): unknown =>
      chart()
        .ops.filter((o) => o.path === path)
        .pop()?.value;
    try {
      await host.Excel.run((ctx) => applyPlanExcel(ctx, compileTemplate('roadmap', { example: false, now: INSERTED })));
      await type(FIRST, 0);
      expect(excelLegend(chart())).toEqual(['Theme 1', 'Theme 2', 'Theme 3', 'Theme 4', 'Theme 5']);
      const first = await host.Excel.run((ctx) => refreshChartsExcel(ctx));
      expect(first.sheets).toEqual(['Roadmap']);
      expect(excelLegend(chart())).toEqual(['Enterprise-Ready Platform', 'Developer Velocity']);

      // Typed on row 13, below the ten rows Excel charted at insertion (a blank sheet: MIN_EXCEL_ROWS).
      await type([LATER], 11);
      expect(set('axes.valueAxis.title.text')).toBe('Quarter: Q3 2026 to Q3 2027, a line each');
      await host.Excel.run((ctx) => refreshChartsExcel(ctx));
    } finally {
      restore();
    }
    const [min, max] = [set('axes.valueAxis.minimum') as number, set('axes.valueAxis.maximum') as number];
    expect(set('axes.valueAxis.title.text')).toBe('Quarter: Q3 2026 to Q1 2028, a line each');
    expect(max - min).toBe(WIDENED.length);
    const ticks = [...WIDENED, ''].map((f, i) => ({ v: min + i, f }));
    const drawn = bars(excelDrawn(host, 'Roadmap', chart()));
    expectDrawn(drawn, ticks, FIRST);
    expect({ drawn: drawn.has(row(11)) }).toEqual({ drawn: true });
    expect(quartersOf(drawn.get(row(11))!, ticks)).toEqual(LATER[4]);
    expect(excelLegend(chart())).toEqual(['Enterprise-Ready Platform', 'Developer Velocity', 'Data-Driven Product']);
    expect(host.sheet('Roadmap').charts).toHaveLength(1);
  });
});

describe("Refresh charts: the plan's quarters come from the Prioritization sheet's First quarter", () => {
  const roadmapTitle = (wb: PreviewWorkbook): string | undefined =>
    chartsToRefresh(readPreviewSheets(wb), INSERTED).find((r) => r.op.calendar)?.op.axes?.value?.title;

  test('"Q2 2027": from Q1 2027 (the quarter before) through Q1 2028 (its fourth)', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('roadmap', { example: false, now: INSERTED }));
    wb.insertPlan(compileTemplate('prioritization', { example: false, now: INSERTED }));
    const grid = wb.rangeValues('Prioritization', 'A1:AZ20');
    const at = grid.flatMap((r, i) => r.map((v, j) => (v === 'First quarter' ? [i, j] : []))).find((x) => x.length)!;
    wb.setInputs('Prioritization', at[0], at[1] + 1, [['Q2 2027']]);
    expect(roadmapTitle(wb)).toBe('Quarter: Q1 2027 to Q1 2028, a line each');
  });

  test('no Prioritization sheet: from the quarter before today; a Roadmap whose columns were moved is left alone', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('roadmap', { example: false, now: INSERTED }));
    expect(roadmapTitle(wb)).toBe('Quarter: Q3 2026 to Q3 2027, a line each');
    // A column inserted before Start: the chart is not pointed at the wrong cells.
    const sheets = readPreviewSheets(wb);
    const moved = sheets.map((s) =>
      s.name === 'Roadmap' ? { ...s, rows: s.rows.map((r) => [...r.slice(0, 4), 'x', ...r.slice(4)]) } : s,
    );
    expect(chartsToRefresh(sheets, INSERTED).map((r) => r.sheet)).toEqual(['Roadmap']);
    expect(chartsToRefresh(moved, INSERTED)).toEqual([]);
  });
});
