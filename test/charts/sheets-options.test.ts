/**
 * The options a Google Sheets chart gets from a chart op, one case per choice a reader sees on the chart: the legend
 * and where it sits, stacked bars (a tornado too), hidden offset series, scatter points, axis windows, gridlines and
 * ticks, the quadrant dividers, labelled guides, trend lines across gaps, and the ranges in the order Sheets reads
 * them. Ops written by hand (not a template's): each option is tried with and without what sets it.
 */
import type { ChartAxisOp, ChartOp } from '../../shared/plan/plan';
import {
  addSheetsCharts,
  refreshSheetsChart,
  sheetsChartOptions,
  sheetsRanges,
} from '../../apps-script/src/templates/charts';
import { FakeSheetsSheet, installChartsGlobal } from '../fakes/chart-recorders';
import { createSheetsFake, withSheetsGlobals, type FakeChart } from '../fakes/sheets';
import { progressBars } from './chart-ops';

const bars = progressBars;
const valueAxis = (a: ChartAxisOp): Partial<ChartOp> => ({ axes: { value: a } });

describe('Sheets chart options', () => {
  test('a bar chart: its legend on the right, 60 % wide bars, named series in their colour, no axis it was not given', () => {
    expect(sheetsChartOptions(bars())).toEqual({
      title: 'Progress',
      width: 600,
      height: 300,
      legend: { position: 'right' },
      series: { 0: { labelInLegend: 'Done', color: '#0072B2' } },
      bar: { groupWidth: '60%' },
    });
  });

  test('the legend goes where the op says; a chart titled from a cell lists its series on top', () => {
    expect(sheetsChartOptions(bars({ legend: 'bottom' })).legend).toEqual({ position: 'bottom' });
    expect(sheetsChartOptions(bars({ legend: 'none' })).legend).toEqual({ position: 'none' });
    expect(sheetsChartOptions(bars({ titleCell: 'A1' })).legend).toEqual({ position: 'top' });
  });

  test('stacked bars and a tornado are stacked; plain bars and a scatter are not', () => {
    expect(sheetsChartOptions(bars({ form: 'stackedBar' })).isStacked).toBe(true);
    expect(sheetsChartOptions(bars({ form: 'tornado' })).isStacked).toBe(true);
    expect(sheetsChartOptions(bars()).isStacked).toBeUndefined();
    expect(sheetsChartOptions(bars({ form: 'scatter' })).isStacked).toBeUndefined();
  });

  test('an invisible series (the timeline offset) is transparent, out of the legend and not clickable', () => {
    const series = [
      { name: 'Offset', values: 'B2:B5', color: '#999999', invisible: true },
      { name: 'Slot', values: 'C2:C5', outOfLegend: true },
      { name: 'Plain', values: 'D2:D5' },
    ];
    expect(sheetsChartOptions(bars({ series })).series).toEqual({
      0: { labelInLegend: 'Offset', color: 'transparent', visibleInLegend: false, enableInteractivity: false },
      1: { labelInLegend: 'Slot', visibleInLegend: false },
      2: { labelInLegend: 'Plain' },
    });
  });

  test('a scatter: 7-pixel points, x on the horizontal axis, y on the vertical, no bar width', () => {
    const o = sheetsChartOptions(
      bars({
        form: 'scatter',
        series: [{ name: 'Do Now', values: 'C2:C5', xValues: 'B2:B5' }],
        axes: { value: { title: 'Impact', min: 1, max: 10 }, category: { title: 'Effort', min: 1, max: 10 } },
      }),
    );
    expect(o.series).toEqual({ 0: { labelInLegend: 'Do Now', pointSize: 7 } });
    expect(o.hAxis).toEqual({ title: 'Effort', viewWindow: { min: 1, max: 10 } });
    expect(o.vAxis).toEqual({ title: 'Impact', viewWindow: { min: 1, max: 10 } });
    expect(o.bar).toBeUndefined();
  });

  test('bars: the values on the horizontal axis, the categories on the vertical', () => {
    const o = sheetsChartOptions(bars({ axes: { value: { min: 0, max: 1 }, category: { title: 'Metric' } } }));
    expect(o.hAxis).toEqual({ viewWindow: { min: 0, max: 1 } });
    expect(o.vAxis).toEqual({ title: 'Metric' });
  });

  test('an axis window from its ends, a gridline and a tick at each major unit from one end to the other', () => {
    expect(sheetsChartOptions(bars(valueAxis({ min: 0, max: 1, majorUnit: 0.25, numberFormat: '0%' }))).hAxis).toEqual({
      viewWindow: { min: 0, max: 1 },
      gridlines: { count: 5 },
      ticks: [0, 0.25, 0.5, 0.75, 1],
      format: '0%',
    });
    // Steps that do not add up exactly in binary still end on the last tick, rounded as a reader reads them.
    expect(sheetsChartOptions(bars(valueAxis({ min: 0.1, max: 0.7, majorUnit: 0.2 }))).hAxis).toEqual({
      viewWindow: { min: 0.1, max: 0.7 },
      gridlines: { count: 4 },
      ticks: [0.1, 0.3, 0.5, 0.7],
    });
    expect(sheetsChartOptions(bars(valueAxis({ min: 2, max: 12, majorUnit: 5 }))).hAxis).toEqual({
      viewWindow: { min: 2, max: 12 },
      gridlines: { count: 3 },
      ticks: [2, 7, 12],
    });
  });

  test('one end alone sets only that end; no major unit, no gridlines or ticks; the Sheets format wins', () => {
    expect(sheetsChartOptions(bars(valueAxis({ min: 0 }))).hAxis).toEqual({ viewWindow: { min: 0 } });
    expect(sheetsChartOptions(bars(valueAxis({ max: 5 }))).hAxis).toEqual({ viewWindow: { max: 5 } });
    expect(sheetsChartOptions(bars(valueAxis({ min: 0, max: 5 }))).hAxis).toEqual({ viewWindow: { min: 0, max: 5 } });
    expect(sheetsChartOptions(bars(valueAxis({ title: 'Score' }))).hAxis).toEqual({ title: 'Score' });
    expect(sheetsChartOptions(bars(valueAxis({ numberFormat: '0%', sheetsFormat: '#%' }))).hAxis).toEqual({
      format: '#%',
    });
  });

  test('the quadrant divider is the baseline where the op sets one, including at 0', () => {
    expect(sheetsChartOptions(bars(valueAxis({ crossesAt: 5.5 }))).hAxis).toEqual({ baseline: 5.5 });
    expect(sheetsChartOptions(bars(valueAxis({ crossesAt: 0 }))).hAxis).toEqual({ baseline: 0 });
  });

  test('labelled guides replace the ticks with one labelled gridline each; without guides the axis keeps its own', () => {
    const axis = { min: 0, max: 4, majorUnit: 1 };
    const guides = [
      { value: 1, label: 'Q1' },
      { value: 2, label: 'Q2' },
    ];
    expect(sheetsChartOptions(bars({ ...valueAxis(axis), guides })).hAxis).toEqual({
      viewWindow: { min: 0, max: 4 },
      gridlines: { count: 2 },
      ticks: [
        { v: 1, f: 'Q1' },
        { v: 2, f: 'Q2' },
      ],
    });
    expect(sheetsChartOptions(bars({ ...valueAxis(axis), guides: [] })).hAxis).toEqual({
      viewWindow: { min: 0, max: 4 },
      gridlines: { count: 5 },
      ticks: [0, 1, 2, 3, 4],
    });
    expect(sheetsChartOptions(bars({ guides })).hAxis).toBeUndefined();
  });

  test('a trend joins its points with 2-pixel lines across #N/A gaps; a chart without lines has none of it', () => {
    const o = sheetsChartOptions(bars({ form: 'scatter', lines: true }));
    expect(o).toMatchObject({ lineWidth: 2, pointSize: 6, interpolateNulls: true });
    const plain = sheetsChartOptions(bars({ form: 'scatter' }));
    expect([plain.lineWidth, plain.pointSize, plain.interpolateNulls]).toEqual([undefined, undefined, undefined]);
  });
});

describe('Sheets chart ranges', () => {
  test('a block chart reads its categories with their header, then the block', () => {
    expect(sheetsRanges(bars({ source: 'B1:D5', series: [] }))).toEqual(['A1:A5', 'B1:D5']);
    expect(sheetsRanges(bars({ source: 'B1:D5', categories: undefined, series: [] }))).toEqual(['B1:D5']);
  });

  test('a scatter block reads its x values with their header; with no series, the block alone', () => {
    const series = [{ name: 'Trend', values: 'C2:C9', xValues: 'B2:B9' }];
    expect(sheetsRanges(bars({ form: 'scatter', source: 'C1:C9', series }))).toEqual(['B1:B9', 'C1:C9']);
    expect(sheetsRanges(bars({ form: 'scatter', source: 'C1:C9', series: [] }))).toEqual(['C1:C9']);
    expect(sheetsRanges(bars({ form: 'scatter', source: 'C1:C9', series: undefined }))).toEqual(['C1:C9']);
  });

  test('a scatter reads x, then each series; bars read the categories, then each series', () => {
    const series = [
      { name: 'A', values: 'C2:C9', xValues: 'B2:B9' },
      { name: 'B', values: 'D2:D9' },
    ];
    expect(sheetsRanges(bars({ form: 'scatter', series }))).toEqual(['B2:B9', 'C2:C9', 'D2:D9']);
    expect(sheetsRanges(bars({ form: 'scatter', series: undefined }))).toEqual([]);
    expect(sheetsRanges(bars({ series }))).toEqual(['A2:A5', 'C2:C9', 'D2:D9']);
  });

  test('only a block chart takes its legend names from a header row', () => {
    const restore = installChartsGlobal();
    try {
      const headers = (op: ChartOp): unknown[] => {
        const sheet = new FakeSheetsSheet('S');
        addSheetsCharts(sheet.api(), [op]);
        return sheet.charts[0].calls.filter((c) => c.method === 'setNumHeaders').map((c) => c.args[0]);
      };
      expect(headers(bars({ source: 'B1:D5', series: [] }))).toEqual([1]);
      expect(headers(bars())).toEqual([]);
    } finally {
      restore();
    }
  });
});

/**
 * "Refresh charts" (refreshSheetsChart) on a sheet of the Sheets fake that also holds a chart of the user's: only the
 * chart titled as the op is brought up to date (its axis and series, through modify() and updateChart); a user's
 * chart, or ours once the user retitled it, keeps what it showed.
 */
describe('Sheets chart refresh', () => {
  const axisOf = (c: FakeChart, key: string): unknown => c.getOptions!().get(key);
  function sheetWithCharts(): { sheet: GoogleAppsScript.Spreadsheet.Sheet; charts: () => FakeChart[] } {
    const fake = createSheetsFake(['Plan']);
    const s = fake.ss.sheet('Plan');
    const sheet = s.real();
    withSheetsGlobals(fake, () => {
      // The user's own bar chart first, then ours.
      const mine = sheet.newChart().setChartType(Charts.ChartType.BAR).addRange(sheet.getRange('A1:B5'));
      sheet.insertChart(mine.setOption('title', 'My own chart').setOption('hAxis', { title: 'Mine' }).build());
      addSheetsCharts(sheet, [bars(valueAxis({ min: 0, max: 4, majorUnit: 1 }))]);
    });
    return { sheet, charts: () => s.charts };
  }

  test('the chart titled as the op gets the new axis; the user chart beside it keeps its own', () => {
    const { sheet, charts } = sheetWithCharts();
    const refreshed = refreshSheetsChart(sheet, bars(valueAxis({ min: 0, max: 6, majorUnit: 1 })));
    expect(refreshed).toBe(true);
    const [mine, ours] = charts();
    expect(axisOf(mine, 'hAxis')).toEqual({ title: 'Mine' });
    expect(axisOf(ours, 'hAxis')).toEqual({
      viewWindow: { min: 0, max: 6 },
      gridlines: { count: 7 },
      ticks: [0, 1, 2, 3, 4, 5, 6],
    });
    expect(charts()).toHaveLength(2);
  });

  test('a chart the user retitled is left alone, and the refresh says it found none', () => {
    const { sheet, charts } = sheetWithCharts();
    const before = charts().map((c) => axisOf(c, 'hAxis'));
    expect(refreshSheetsChart(sheet, bars({ title: 'Progress (renamed)', ...valueAxis({ min: 0, max: 9 }) }))).toBe(
      false,
    );
    expect(charts().map((c) => axisOf(c, 'hAxis'))).toEqual(before);
  });
});
