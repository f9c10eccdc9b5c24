/**
 * What an Excel chart is given for a chart op, one case per choice a reader sees: the legend and where it sits,
 * bar widths and the tornado's overlap, scatter points without lines, a trend's lines across gaps, the axis ends and
 * titles, the size in points. Ops written by hand (not a template's), each option with and without what sets it;
 * the chart recorder keeps every property set, in order.
 */
import type { ChartOp } from '../../shared/plan/plan';
import { addExcelCharts, refreshExcelChart } from '../../excel-addin/src/templates/charts';
import { FakeExcelWorksheet, opsAt, type ExcelChartRecord } from '../fakes/chart-recorders';
import { progressBars } from './chart-ops';

const op = progressBars;

function chart(o: ChartOp): ExcelChartRecord | undefined {
  const ws = new FakeExcelWorksheet('S');
  addExcelCharts(ws.api(), [o]);
  return ws.charts[0];
}
/** The values set on one property of a recorded chart (a method's arguments), in order. */
const valuesAt = (r: ExcelChartRecord, path: string): unknown[] => opsAt(r, path).map((x) => x.value ?? x.args);
/** The values set on one property of the chart made for an op, in order. */
const set = (o: ChartOp, path: string): unknown[] => valuesAt(chart(o)!, path);

describe('Excel chart options', () => {
  test('the legend: on the right unless the op says bottom or top; hidden for none', () => {
    expect([set(op(), 'legend.visible'), set(op(), 'legend.position')]).toEqual([[true], ['Right']]);
    expect(set(op({ legend: 'bottom' }), 'legend.position')).toEqual(['Bottom']);
    expect(set(op({ legend: 'top' }), 'legend.position')).toEqual(['Top']);
    expect(set(op({ legend: 'right' }), 'legend.position')).toEqual(['Right']);
    const none = op({ legend: 'none' });
    expect([set(none, 'legend.visible'), set(none, 'legend.position')]).toEqual([[false], []]);
  });

  test('bars are 60 % wide; only a tornado overlaps its two bars and puts its labels at the low end', () => {
    for (const form of ['bar', 'stackedBar', 'tornado'] as const)
      expect(set(op({ form }), 'series.getItemAt().gapWidth')).toEqual([60]);
    const tornado = op({ form: 'tornado' });
    expect(set(tornado, 'series.getItemAt().overlap')).toEqual([100]);
    expect(set(tornado, 'axes.categoryAxis.tickLabelPosition')).toEqual(['Low']);
    expect(set(op(), 'series.getItemAt().overlap')).toEqual([]);
    expect(set(op(), 'axes.categoryAxis.tickLabelPosition')).toEqual([]);
  });

  test('a scatter: points without lines or bar widths, no category names; with lines, a line chart across gaps', () => {
    const series = [{ name: 'Trend', values: 'C2:C9', xValues: 'B2:B9', color: '#009E73' }];
    const points = op({ form: 'scatter', series });
    expect(chart(points)!.type).toBe('XYScatter');
    expect(set(points, 'series.getItemAt().format.line.lineStyle')).toEqual(['None']);
    expect(set(points, 'series.getItemAt().gapWidth')).toEqual([]);
    expect(set(points, 'axes.categoryAxis.setCategoryNames')).toEqual([]);
    expect(set(points, 'displayBlanksAs')).toEqual([]);
    const lines = op({ form: 'scatter', series, lines: true });
    expect(chart(lines)!.type).toBe('XYScatterLines');
    expect(set(lines, 'displayBlanksAs')).toEqual(['Interplotted']);
    expect(chart(op({ lines: true }))!.type).toBe('BarClustered');
  });

  test('a radar draws each series line in its colour; bars fill theirs', () => {
    const radar = op({ form: 'radar' });
    expect(set(radar, 'series.getItemAt().format.line.color')).toEqual(['#0072B2']);
    expect(set(radar, 'series.getItemAt().gapWidth')).toEqual([]);
    expect(set(op(), 'series.getItemAt().format.line.color')).toEqual([]);
  });

  test('an axis shows its title and only the ends and unit the op sets', () => {
    const both = op({ axes: { value: { title: 'Share', min: 0, max: 1, majorUnit: 0.25 } } });
    expect(set(both, 'axes.valueAxis.title.text')).toEqual(['Share']);
    expect(set(both, 'axes.valueAxis.title.visible')).toEqual([true]);
    expect(set(both, 'axes.valueAxis.minimum')).toEqual([0]);
    expect(set(both, 'axes.valueAxis.maximum')).toEqual([1]);
    expect(set(both, 'axes.valueAxis.majorUnit')).toEqual([0.25]);
    const bare = op({ axes: { value: { title: 'Share' } } });
    for (const path of ['axes.valueAxis.minimum', 'axes.valueAxis.maximum', 'axes.valueAxis.majorUnit'])
      expect(set(bare, path)).toEqual([]);
  });

  test('the size in whole points (96 pixels an inch, 72 points), and no chart for an op with no series', () => {
    expect([set(op(), 'width'), set(op(), 'height')]).toEqual([[450], [225]]);
    expect(set(op({ widthPx: 601, heightPx: 301 }), 'height')).toEqual([226]); // whole points
    expect(chart(op({ series: [] }))).toBeUndefined();
    expect(chart(op({ series: undefined }))).toBeUndefined();
  });

  test('named where our writers look for it again: a trend by its slot, the roadmap and the matrix by their title', () => {
    const trend = { slot: 3, kind: 'metric', name: 'Deploys', value: 'C2:C9' };
    expect(set(op({ trendOf: trend }), 'name')).toEqual(['TST_Trend_3']);
    expect(set(op({ calendar: { start: 'B1', end: 'C1', theme: 'D1' } }), 'name')).toEqual(['Progress']);
    expect(set(op({ labelValues: { x: 'B2:B5', y: 'C2:C5', labels: 'A2:A5' } }), 'name')).toEqual(['Progress']);
    expect(set(op(), 'name')).toEqual([]);
  });

  test('bars run top to bottom as the rows do, with the value axis below; a scatter keeps its axes as they are', () => {
    for (const form of ['bar', 'stackedBar', 'tornado'] as const) {
      expect(set(op({ form }), 'axes.categoryAxis.reversePlotOrder')).toEqual([true]);
      expect(set(op({ form }), 'axes.categoryAxis.position')).toEqual(['Maximum']);
    }
    for (const form of ['scatter', 'radar'] as const) {
      expect(set(op({ form }), 'axes.categoryAxis.reversePlotOrder')).toEqual([]);
      expect(set(op({ form }), 'axes.categoryAxis.position')).toEqual([]);
    }
  });

  test('a radar has no category axis to set; a scatter sets its x axis', () => {
    const axes = { category: { title: 'Effort', min: 1 } };
    expect(set(op({ form: 'radar', axes }), 'axes.categoryAxis.title.text')).toEqual([]);
    expect(set(op({ form: 'scatter', axes }), 'axes.categoryAxis.title.text')).toEqual(['Effort']);
    expect(set(op({ form: 'scatter', axes }), 'axes.categoryAxis.minimum')).toEqual([1]);
  });

  test("an axis format is its own, not the cells' (where Excel can unlink it)", () => {
    const o = op({ axes: { value: { numberFormat: '0%' } } });
    expect(set(o, 'axes.valueAxis.numberFormat')).toEqual(['0%']);
    expect(set(o, 'axes.valueAxis.linkNumberFormat')).toEqual([false]);
    const ws = new FakeExcelWorksheet('S');
    addExcelCharts(ws.api(), [o], () => false);
    expect(opsAt(ws.charts[0], 'axes.valueAxis.linkNumberFormat')).toEqual([]);
    expect(opsAt(ws.charts[0], 'axes.valueAxis.numberFormat').map((x) => x.value)).toEqual(['0%']);
  });

  test('a trend line is drawn in its series colour; the project names label the points, not the values', () => {
    const lines = op({ form: 'scatter', lines: true, series: [{ name: 'T', values: 'C2:C9', color: '#009E73' }] });
    expect(set(lines, 'series.getItemAt().format.line.color')).toEqual(['#009E73']);
    expect(set(lines, 'series.getItemAt().format.line.lineStyle')).toEqual(['None', 'Continuous']);
    const labelled = op({
      form: 'scatter',
      sheetRef: "'Prioritization'",
      series: [{ name: 'Do Now', values: 'C2:C3', xValues: 'B2:B3', pointLabels: 'A2:A3' }],
    });
    expect(set(labelled, 'series.getItemAt().hasDataLabels')).toEqual([true]);
    expect(set(labelled, 'series.getItemAt().dataLabels.showValue')).toEqual([false]);
  });
});

describe('Excel chart markers and refresh', () => {
  test('scatter and radar points are 7-point circles in the series colour; bars are filled with it', () => {
    for (const form of ['scatter', 'radar'] as const) {
      const o = op({ form });
      expect({ form, style: set(o, 'series.getItemAt().markerStyle') }).toEqual({ form, style: ['Circle'] });
      expect(set(o, 'series.getItemAt().markerSize')).toEqual([7]);
      expect(set(o, 'series.getItemAt().markerBackgroundColor')).toEqual(['#0072B2']);
      expect(set(o, 'series.getItemAt().markerForegroundColor')).toEqual(['#0072B2']);
      expect(set(o, 'series.getItemAt().format.fill.setSolidColor')).toEqual([]);
    }
    expect(set(op(), 'series.getItemAt().format.fill.setSolidColor')).toEqual([['#0072B2']]);
    expect(set(op(), 'series.getItemAt().markerStyle')).toEqual([]);
  });

  /** The ops "Refresh charts" queues on a chart already on the sheet, brought up to date for the op. */
  function refreshed(o: ChartOp): ExcelChartRecord {
    const ws = new FakeExcelWorksheet('S');
    const chart = ws.api().charts.add('BarClustered', ws.api().getRange('B2:B5'), 'Columns');
    refreshExcelChart(ws.api(), chart, o, () => true);
    return ws.charts[0];
  }

  test('refresh: every series over the filled rows with its name, and bars get their category names again', () => {
    const r = refreshed(op({ excelRows: 3 }));
    expect(valuesAt(r, 'series.getItemAt().name')).toEqual(['Done']);
    expect(valuesAt(r, 'series.getItemAt().setValues')).toEqual([['B2:B4']]);
    expect(valuesAt(r, 'axes.categoryAxis.setCategoryNames')).toEqual([['A2:A4']]);
    expect(valuesAt(r, 'legend.legendEntries.getItemAt().visible')).toEqual([true]);
  });

  test('refresh: a scatter, its own form or its kind’s, gets no category names', () => {
    expect(valuesAt(refreshed(op({ form: 'scatter' })), 'axes.categoryAxis.setCategoryNames')).toEqual([]);
    const matrix = op({ kind: 'impactEffortMatrix', form: undefined });
    expect(valuesAt(refreshed(matrix), 'axes.categoryAxis.setCategoryNames')).toEqual([]);
  });

  test('refresh: only the roadmap calendar sets its value axis again; other charts keep the axis the user set', () => {
    const axes = { value: { min: 0, max: 6, majorUnit: 1 } };
    const plain = refreshed(op({ axes }));
    expect([valuesAt(plain, 'axes.valueAxis.minimum'), valuesAt(plain, 'axes.valueAxis.maximum')]).toEqual([[], []]);
    const roadmap = refreshed(op({ axes, calendar: { start: 'B2:B5', end: 'C2:C5', theme: 'D2:D5' } }));
    expect([valuesAt(roadmap, 'axes.valueAxis.minimum'), valuesAt(roadmap, 'axes.valueAxis.maximum')]).toEqual([
      [0],
      [6],
    ]);
  });
});
