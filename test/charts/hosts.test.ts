/**
 * The two chart executors against recording fakes, for every chart of every template (blank and with
 * example): chart type, source ranges, series count and the options that make each chart what it is.
 * Re-inserting a template puts its charts on the new sheet and leaves the existing sheet's charts alone.
 */
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import type { ChartOp, RenderPlan } from '../../shared/plan/plan';
import { resolvePlan } from '../../shared/plan/resolve';
import { parseCell } from '../../shared/a1/a1';
import { addSheetsCharts, SHEETS_CHART_TYPE } from '../../apps-script/src/templates/charts';
import { addExcelCharts, EXCEL_CHART_TYPE, PX_TO_PT, trimRows } from '../../excel-addin/src/templates/charts';
import {
  FakeExcelWorksheet,
  FakeSheetsSheet,
  installChartsGlobal,
  opsAt,
  type ExcelChartRecord,
  type SheetsChartRecord,
} from '../fakes/chart-recorders';

let restore: () => void;
beforeAll(() => {
  restore = installChartsGlobal();
});
afterAll(() => restore());

const cases: Array<{ id: string; example: boolean; sheet: string; op: ChartOp }> = TEMPLATES.flatMap((t) =>
  [false, true].flatMap((example) => {
    const { plan } = resolvePlan(compileTemplate(t.id, { example }), { sheets: ['Sheet1'], namedRanges: [] });
    return plan.sheets.flatMap((s) => s.charts.map((op) => ({ id: t.id, example, sheet: s.name, op })));
  }),
);

function sheetsChart(op: ChartOp, sheetName = 'S'): { chart: SheetsChartRecord; sheet: FakeSheetsSheet } {
  const sheet = new FakeSheetsSheet(sheetName);
  addSheetsCharts(sheet.api(), [op]);
  expect(sheet.charts).toHaveLength(1);
  return { chart: sheet.charts[0], sheet };
}

const callsOf = (c: SheetsChartRecord, method: string): unknown[][] =>
  c.calls.filter((x) => x.method === method).map((x) => x.args);
const option = (c: SheetsChartRecord, key: string): unknown => callsOf(c, 'setOption').find((a) => a[0] === key)?.[1];

function excelChart(op: ChartOp): ExcelChartRecord {
  const ws = new FakeExcelWorksheet('S');
  addExcelCharts(ws.api(), [op]);
  expect(ws.syncs).toBe(0); // queued only: the template's batch syncs once
  expect(ws.charts).toHaveLength(1);
  return ws.charts[0];
}

describe.each(cases)('$id (example: $example) $op.kind on "$sheet"', ({ op }) => {
  test('Sheets: type, ranges in order, anchor and one insertChart', () => {
    const { chart } = sheetsChart(op);
    expect(callsOf(chart, 'setChartType')).toEqual([[SHEETS_CHART_TYPE[op.form!]]]);
    const ranges = callsOf(chart, 'addRange').map((a) => (a[0] as { a1: string }).a1);
    const series = op.series!;
    const domain = op.form === 'scatter' ? series[0].xValues! : op.categories!;
    if (op.source) {
      // The domain and the series block, each with its header row (a trend: the dates, then its slot).
      expect(ranges).toEqual([domain.replace(/^([A-Z]+)2:/, '$11:'), op.source]);
      expect(callsOf(chart, 'setNumHeaders')).toEqual([[1]]);
    } else if (op.form === 'scatter') {
      expect(ranges).toEqual([series[0].xValues, ...series.map((s) => s.values)]);
    } else {
      expect(ranges).toEqual([op.categories, ...series.map((s) => s.values)]);
    }
    const at = parseCell(op.anchor);
    expect(callsOf(chart, 'setPosition')).toEqual([[at.row, at.col, 0, 0]]);
    expect(option(chart, 'title')).toBe(op.title);
    expect(Object.keys(option(chart, 'series') as object)).toHaveLength(series.length);
    expect(callsOf(chart, 'build')).toHaveLength(1);
  });

  test('Excel: type, series set one by one (never from a block), hidden cells plotted, no sync', () => {
    const chart = excelChart(op);
    expect(chart.type).toBe(op.lines ? 'XYScatterLines' : EXCEL_CHART_TYPE[op.form!]);
    expect(chart.seriesBy).toBe('Columns');
    const series = op.series!;
    const fit = (a1: string): string => trimRows(a1, op.excelRows);
    // Created from the first series' values alone: one column, one series, whatever its cells hold.
    expect(chart.source).toBe(fit(series[0].values));
    expect(opsAt(chart, 'series.getItemAt').map((o) => o.args)).toEqual([[0]]);
    expect(opsAt(chart, 'series.add').map((o) => o.args)).toEqual(series.slice(1).map((s) => [s.name]));
    const set = (what: string): unknown[] =>
      [...opsAt(chart, `series.getItemAt().${what}`), ...opsAt(chart, `series.add().${what}`)].map(
        (o) => o.value ?? o.args?.[0],
      );
    expect(set('name')).toEqual(series.map((s) => s.name));
    expect(set('setValues')).toEqual(series.map((s) => fit(s.values)));
    expect(set('setXAxisValues')).toEqual(series.filter((s) => s.xValues).map((s) => fit(s.xValues!)));
    expect(opsAt(chart, 'plotVisibleOnly')).toEqual([{ path: 'plotVisibleOnly', value: false }]);
    if (op.titleCell) {
      // Linked to the cell that names the metric, as an absolute reference on the chart's sheet.
      const c = parseCell(op.titleCell);
      const ref = `=${op.sheetRef}!$${op.titleCell.replace(/\d+$/, '')}$${c.row}`;
      expect(opsAt(chart, 'title.setFormula')).toEqual([{ path: 'title.setFormula', args: [ref] }]);
      expect(opsAt(chart, 'displayBlanksAs')).toEqual([{ path: 'displayBlanksAs', value: 'Interplotted' }]);
    } else expect(opsAt(chart, 'title.text')).toEqual([{ path: 'title.text', value: op.title }]);
    expect(opsAt(chart, 'setPosition')).toEqual([{ path: 'setPosition', args: [op.anchor] }]);
    expect(opsAt(chart, 'width')[0].value).toBe(Math.round(op.widthPx * PX_TO_PT));
  });
});

function one(id: string, kind: ChartOp['kind'], example = true, existing: string[] = ['Sheet1'], now?: Date): ChartOp {
  const { plan } = resolvePlan(compileTemplate(id, { example, ...(now ? { now } : {}) }), {
    sheets: existing,
    namedRanges: [],
  });
  return plan.sheets.flatMap((s) => s.charts).find((c) => c.kind === kind)!;
}

describe('what makes each chart what it is', () => {
  test('roadmap: stacked bars, transparent offset out of the legend, a calendar axis with each quarter and its year', () => {
    // Inserted on 2026-11-16: the example's plan starts in its first quarter, Q3 2026 (example-dates.ts), which is
    // also its First quarter setting.
    const op = one('roadmap', 'roadmapTimeline', true, ['Sheet1'], new Date(2026, 10, 16));
    const q3of2026 = 2026 * 4 + 2;
    const { chart } = sheetsChart(op);
    expect(option(chart, 'isStacked')).toBe(true);
    const series = option(chart, 'series') as Record<number, Record<string, unknown>>;
    expect(series[0]).toMatchObject({ color: 'transparent', visibleInLegend: false });
    expect(series[1].color).toBe('#0072B2');
    expect(series[1].labelInLegend).toBeUndefined(); // names come from the header cells
    const hAxis = option(chart, 'hAxis') as Record<string, unknown>;
    // The quarter before the plan through the plan's fourth: Q2 2026 … Q2 2027.
    expect(hAxis.viewWindow).toEqual({ min: q3of2026 - 1, max: q3of2026 + 4 });
    expect(hAxis.ticks).toEqual([
      { v: q3of2026 - 1, f: 'Q2 2026' },
      { v: q3of2026, f: 'Q3 2026' },
      { v: q3of2026 + 1, f: 'Q4 2026' },
      { v: q3of2026 + 2, f: 'Q1 2027' },
      { v: q3of2026 + 3, f: 'Q2 2027' },
      { v: q3of2026 + 4, f: '' },
    ]);

    const x = excelChart(op);
    expect(x.type).toBe('BarStacked');
    expect(x.source).toMatch(/^[A-Z]+2:[A-Z]+17$/); // the offsets of the 16 initiatives
    // Legend names: the example's themes in order of first appearance (what the header formulas show).
    expect(opsAt(x, 'series.add').map((o) => o.args![0])).toEqual([
      'Enterprise-Ready Platform',
      'Global Scale & Performance',
      'Developer Velocity & Platform',
      'Data-Driven Product',
      'Theme 5',
    ]);
    expect(opsAt(x, 'series.getItemAt().format.fill.clear')).toHaveLength(1);
    expect(opsAt(x, 'series.getItemAt().format.line.lineStyle')[0].value).toBe('None');
    expect(opsAt(x, 'legend.legendEntries.getItemAt')).toEqual([{ path: 'legend.legendEntries.getItemAt', args: [0] }]);
    expect(opsAt(x, 'series.add().format.fill.setSolidColor').map((o) => o.args![0])).toEqual([
      '#0072B2',
      '#E69F00',
      '#009E73',
      '#CC79A7',
      '#56B4E9',
    ]);
    expect(opsAt(x, 'axes.categoryAxis.setCategoryNames')).toEqual([
      // The hidden label column (initiative and what it depends on), over the 16 initiatives.
      { path: 'axes.categoryAxis.setCategoryNames', args: ['K2:K17'] },
    ]);
    expect(opsAt(x, 'axes.valueAxis.minimum')[0].value).toBe(q3of2026 - 1);
    expect(opsAt(x, 'axes.valueAxis.maximum')[0].value).toBe(q3of2026 + 4);
    expect(opsAt(x, 'axes.valueAxis.majorUnit')[0].value).toBe(1);
    // No Excel number format names five quarters with their years: the title names the calendar the lines divide.
    expect(opsAt(x, 'axes.valueAxis.title.text')[0].value).toBe('Quarter: Q2 2026 to Q2 2027, a line each');
    expect(opsAt(x, 'axes.categoryAxis.reversePlotOrder')[0].value).toBe(true);
  });

  test('impact/effort: scatter 1–10 on both axes, dividers at 5.5, four quadrant series, project-name labels in Excel', () => {
    const op = one('prioritization', 'impactEffortMatrix');
    const { chart } = sheetsChart(op);
    const h = option(chart, 'hAxis') as Record<string, unknown>;
    const v = option(chart, 'vAxis') as Record<string, unknown>;
    expect(h).toMatchObject({ viewWindow: { min: 1, max: 10 }, baseline: 5.5, title: 'Effort (1 = low, 10 = high)' });
    expect(v).toMatchObject({
      viewWindow: { min: 1, max: 10 },
      baseline: 5.5,
      title: 'Business impact (1 = low, 10 = high)',
    });
    const series = option(chart, 'series') as Record<number, Record<string, unknown>>;
    expect(Object.values(series).map((s) => s.labelInLegend)).toEqual([
      'Do Now',
      'Plan Carefully',
      'Do When You Have Time',
      "Don't Do",
    ]);

    const x = excelChart(op);
    expect(x.type).toBe('XYScatter');
    expect(opsAt(x, 'series.add().setXAxisValues').length + opsAt(x, 'series.getItemAt().setXAxisValues').length).toBe(
      4,
    );
    expect(opsAt(x, 'axes.categoryAxis.setPositionAt')).toEqual([
      { path: 'axes.categoryAxis.setPositionAt', args: [5.5] },
    ]);
    expect(opsAt(x, 'axes.valueAxis.setPositionAt')).toEqual([{ path: 'axes.valueAxis.setPositionAt', args: [5.5] }]);
    expect(opsAt(x, 'axes.valueAxis.tickLabelPosition')[0].value).toBe('Low');
    // Every point of every series is labelled by a formula pointing at its project cell on this sheet.
    const labels = [
      ...opsAt(x, 'series.getItemAt().points.getItemAt().dataLabel.formula'),
      ...opsAt(x, 'series.add().points.getItemAt().dataLabel.formula'),
    ];
    expect(labels).toHaveLength(4 * 50);
    expect(labels[0].value).toBe("='Prioritization'!$A$2");
    expect(labels[49].value).toBe("='Prioritization'!$A$51");
  });

  test('health: a real radar in Excel, a bar chart in Sheets (no radar builder), both on 0–5', () => {
    const op = one('health-scorecard', 'healthRadar');
    const { chart } = sheetsChart(op);
    expect(callsOf(chart, 'setChartType')).toEqual([['BAR']]);
    expect(option(chart, 'hAxis')).toMatchObject({ viewWindow: { min: 0, max: 5 } });
    const x = excelChart(op);
    expect(x.type).toBe('RadarMarkers');
    expect(opsAt(x, 'axes.valueAxis.maximum')[0].value).toBe(5);
    expect(opsAt(x, 'series.add').map((o) => o.args)).toEqual([['Target']]);
  });

  test('progress charts: horizontal bars on a 0–100% axis', () => {
    for (const [id, kind] of [
      ['metrics', 'metricProgress'],
      ['progress-dashboard', 'themeProgress'],
    ] as const) {
      const op = one(id, kind);
      const { chart } = sheetsChart(op);
      expect(callsOf(chart, 'setChartType')).toEqual([['BAR']]);
      expect(option(chart, 'hAxis')).toMatchObject({ viewWindow: { min: 0, max: 1 }, format: 'percent' });
      const x = excelChart(op);
      expect(x.type).toBe('BarClustered');
      expect(opsAt(x, 'axes.valueAxis.numberFormat')[0].value).toBe('0%');
      expect(opsAt(x, 'axes.valueAxis.maximum')[0].value).toBe(1);
    }
  });
});

describe('re-inserting a template', () => {
  function insertInto(existing: string[], plan: RenderPlan): { name: string; ops: ChartOp[] } {
    const { plan: resolved } = resolvePlan(plan, { sheets: existing, namedRanges: [] });
    const s = resolved.sheets.find((x) => x.charts.length > 0)!;
    return { name: s.name, ops: s.charts };
  }

  test('Sheets: the second insertion charts its own new sheet; the first sheet keeps exactly its charts', () => {
    const plan = compileTemplate('prioritization', { example: true });
    const first = insertInto(['Sheet1'], plan);
    const a = new FakeSheetsSheet(first.name);
    addSheetsCharts(a.api(), first.ops);
    const before = JSON.stringify(a.charts);
    const callsBefore = a.serviceCalls;

    const second = insertInto(['Sheet1', first.name], plan);
    expect(second.name).toBe('Prioritization (2)');
    const b = new FakeSheetsSheet(second.name);
    addSheetsCharts(b.api(), second.ops);
    expect(JSON.stringify(a.charts)).toBe(before);
    expect(a.serviceCalls).toBe(callsBefore);
    // The matrix and the tornado, each reading only the new sheet.
    expect(b.charts).toHaveLength(2);
    for (const chart of b.charts)
      expect(callsOf(chart, 'addRange').every((r) => (r[0] as { sheet: string }).sheet === 'Prioritization (2)')).toBe(
        true,
      );
  });

  test("Excel: the new chart's labels point at the new sheet, never at the user's existing one", () => {
    const plan = compileTemplate('prioritization', { example: true });
    const second = insertInto(['Sheet1', 'Prioritization'], plan);
    const ws = new FakeExcelWorksheet(second.name);
    addExcelCharts(ws.api(), second.ops);
    const formulas = ws.charts[0].ops.filter((o) => o.path.endsWith('dataLabel.formula')).map((o) => String(o.value));
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.every((f) => f.startsWith("='Prioritization (2)'!"))).toBe(true);
  });
});
