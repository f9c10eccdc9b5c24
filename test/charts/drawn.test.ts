/**
 * What the charts draw, as a user would see them, in both hosts' fakes (test/fakes/chart-data.ts models
 * which cells a chart plots: numbers only, and not cells in hidden columns or rows unless the chart is told
 * so, as each host documents). Every template, blank and with the example, is inserted into a fake whose
 * host engine calculates the formulas; for the example, every series (but the invisible Gantt offset) must
 * draw numeric points, the Roadmap timeline a bar for every initiative and the Impact / Effort matrix a
 * point for every project. Charts on demand the same, for a table of the user's (and one with a column the
 * user hid). Blank templates must insert with the planned series (no data yet, nothing fails).
 */
import { insertTemplate } from '../../apps-script/src/templates/server';
import { insertChartFromSelection } from '../../apps-script/src/templates/chart-server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { insertChartFromSelectionExcel } from '../../excel-addin/src/templates/chart-selection';
import { TEMPLATES, compileTemplate } from '../../shared/templates/index';
import { resolvePlan } from '../../shared/plan/resolve';
import type { ChartOp, RenderPlan } from '../../shared/plan/plan';
import { CHART_CATALOG } from '../../shared/chart-from-selection/chart-from-selection';
import { excelDrawn, excelLabels, sheetsDrawn, sheetsLabels, type DrawnSeries } from '../fakes/chart-data';
import { roadmapChartLabel } from '../../shared/compiler/charts';
import { PreviewWorkbook } from '../../preview/workbook';
import { chartConfig } from '../../ui/charts/config';
import { FakeExcelHost, installExcelGlobals, rect, sheetValue } from '../fakes/excel';
import { trimRows } from '../../excel-addin/src/templates/charts';
import { attachExcelEngine } from '../fakes/excel-engine';
import { selectExcel } from '../fakes/excel-selection';
import { createSheetsFake, withSheetsGlobals, type SheetsFake } from '../fakes/sheets';

const plan = (id: string, example: boolean): RenderPlan => compileTemplate(id, { example });

/** The chart ops of a plan with the sheet they are on (in a workbook holding only Sheet1) and their index there. */
function chartOps(p: RenderPlan): Array<{ sheet: string; op: ChartOp; index: number }> {
  const { plan: resolved } = resolvePlan(p, { sheets: ['Sheet1'], namedRanges: [] });
  return resolved.sheets.flatMap((s) => s.charts.map((op, index) => ({ sheet: s.name, op, index })));
}

/** Rows (1-based) of the plan's sheet whose cells in `column` (0-based) are filled, below the header. */
function filledRows(p: RenderPlan, sheet: string, column: number): number[] {
  const s = resolvePlan(p, { sheets: ['Sheet1'], namedRanges: [] }).plan.sheets.find((x) => x.name === sheet)!;
  return s.cells.flatMap((row, i) => (i > 0 && row[column] !== null && row[column] !== '' ? [i + 1] : []));
}

/**
 * The chart draws every number its series' cells hold (none lost to hidden columns), at least one point in
 * all, the legend names the plan's series, and for the roadmap and the matrix every initiative / project.
 * `numbersIn(range)` reads the cells from the host, as the user sees them.
 */
function expectDrawn(
  drawn: DrawnSeries[],
  op: ChartOp,
  p: RenderPlan,
  sheet: string,
  numbersIn: (a1: string) => number,
): void {
  const planned = op.series!;
  expect(drawn.length).toBe(planned.length);
  drawn.forEach((d, i) => {
    if (!planned[i].invisible) expect(d.name).toBe(planned[i].name);
    expect({ series: planned[i].name, drawn: d.points.length }).toEqual({
      series: planned[i].name,
      drawn: numbersIn(trimmed(planned[i].values, op)),
    });
  });
  const visible = drawn.filter((x) => !x.invisible);
  // The example's Progress History is empty (its review flags "no snapshot"): trends are drawn in trend.test.ts. The
  // example's three projects are too far apart for any weight within ±100 % to change the top 3: its tornado has no
  // bar (drawn from typed projects in test/templates/sensitivity.test.ts).
  if (op.kind !== 'metricTrend' && op.kind !== 'weightTornado')
    expect(visible.reduce((n, d) => n + d.points.length, 0)).toBeGreaterThan(0);
  if (op.kind === 'roadmapTimeline' || op.kind === 'impactEffortMatrix') {
    const rowsWithPoints = new Set(visible.flatMap((d) => d.points.map((pt) => pt.row)));
    const projects = filledRows(p, sheet, 0);
    expect(projects.length).toBeGreaterThan(2);
    expect(projects.filter((r) => !rowsWithPoints.has(r))).toEqual([]);
  }
}

/** The rows of a series range a host charts (Excel: the first `excelRows`). */
const trimmed = (a1: string, op: ChartOp): string => trimRows(a1, op.excelRows);

const countNumbers = (grid: unknown[][]): number => grid.flat().filter((v) => typeof v === 'number').length;

function excelValues(host: FakeExcelHost, sheet: string, a1: string): unknown[][] {
  const r = rect(a1);
  return Array.from({ length: r.rows }, (_, i) =>
    Array.from({ length: r.cols }, (_, j) => sheetValue(host, host.sheet(sheet), r.row + i, r.col + j)),
  );
}

function sheetsFake(): SheetsFake {
  return createSheetsFake(['Sheet1'], undefined, { engine: true });
}

async function excelInsert(host: FakeExcelHost, p: RenderPlan): Promise<void> {
  const restore = installExcelGlobals(host);
  try {
    await host.Excel.run((ctx) => applyPlanExcel(ctx, p));
  } finally {
    restore();
  }
}

const withCharts = TEMPLATES.filter((t) => chartOps(plan(t.id, true)).length > 0).map((t) => t.id);

describe.each(withCharts)('%s with the example', (id) => {
  const p = plan(id, true);
  test('Google Sheets: every series draws numeric points; every initiative and project is drawn', () => {
    const fake = sheetsFake();
    withSheetsGlobals(fake, () => insertTemplate(id, { example: true }));
    for (const { sheet, op, index } of chartOps(p)) {
      expectDrawn(sheetsDrawn(fake.ss.sheet(sheet), fake.ss.sheet(sheet).charts[index]), op, p, sheet, (a1) =>
        countNumbers(
          fake.ss
            .sheet(sheet)
            .getRange(op.source ? a1 : a1)
            .getValues(),
        ),
      );
    }
  });

  test('Excel: every series draws numeric points; every initiative and project is drawn', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    await excelInsert(host, p);
    for (const { sheet, op, index } of chartOps(p))
      expectDrawn(excelDrawn(host, sheet, host.sheet(sheet).charts[index]), op, p, sheet, (a1) =>
        countNumbers(excelValues(host, sheet, a1)),
      );
  });
});

/**
 * The roadmap's bars are labelled with what each initiative depends on (the hidden label column), in both
 * hosts: the labels the user sees, row by row, against the Initiative and Depends On cells of the plan.
 */
describe('the roadmap chart names each bar with its dependency', () => {
  const p = plan('roadmap', true);
  const [{ sheet, index }] = chartOps(p).filter((c) => c.op.kind === 'roadmapTimeline');
  const cells = resolvePlan(p, { sheets: ['Sheet1'], namedRanges: [] }).plan.sheets.find(
    (x) => x.name === sheet,
  )!.cells;
  const [init, dep] = ['Initiative', 'Depends On'].map((h) => cells[0].indexOf(h));
  const text = (v: unknown): string => (typeof v === 'string' ? v : '');
  const expected = new Map(
    filledRows(p, sheet, init).map((row) => [
      row,
      roadmapChartLabel(text(cells[row - 1][init]), text(cells[row - 1][dep])),
    ]),
  );
  const expectLabels = (labels: Map<number, string>): void => {
    expect(expected.size).toBeGreaterThan(10);
    for (const [row, label] of expected) expect([row, labels.get(row)]).toEqual([row, label]);
    expect([...labels.values()]).toContain('Multi-region deployment to EU (after Improve monitoring and alerting)');
    expect([...labels.values()]).toContain('Real-time analytics pipeline (after Database read replicas)');
  };

  test('Google Sheets', () => {
    const fake = sheetsFake();
    withSheetsGlobals(fake, () => insertTemplate('roadmap', { example: true }));
    const s = fake.ss.sheet(sheet);
    expectLabels(sheetsLabels(s, s.charts[index]));
  });

  test('Excel', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    await excelInsert(host, p);
    expectLabels(excelLabels(host, sheet, host.sheet(sheet).charts[index]));
  });

  test('the preview (its own workbook, the Chart.js configuration the page renders)', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(p);
    const chart = wb.metaOf(sheet).charts.find((c) => c.kind === 'roadmapTimeline')!;
    const labels = chartConfig(chart, (a1) => wb.rangeValues(sheet, a1)).data.labels as string[];
    // The preview keeps the rows with a label or a value, in order (ui/charts/parts.ts categoryRows).
    expect(labels).toEqual([...expected.values()]);
    expectLabels(new Map([...expected.keys()].map((row, i) => [row, labels[i]])));
  });
});

// The full workbook holds the same charts as the single templates (and takes seconds to insert): left out here.
describe.each(withCharts.filter((id) => id !== 'strategy-workbook'))(
  '%s with the example, a row the user hides',
  (id) => {
    test('Google Sheets: the chart stops drawing the hidden row and keeps every other (hidden helper columns still drawn)', () => {
      const fake = sheetsFake();
      withSheetsGlobals(fake, () => insertTemplate(id, { example: true }));
      const p = plan(id, true);
      let checked = 0;
      for (const { sheet, index } of chartOps(p)) {
        const s = fake.ss.sheet(sheet);
        const rowsDrawn = (): number[] =>
          [...new Set(sheetsDrawn(s, s.charts[index]).flatMap((d) => d.points.map((pt) => pt.row)))].sort(
            (a, b) => a - b,
          );
        const before = rowsDrawn();
        if (before.length < 2) continue; // nothing drawn yet (Progress History's trends before a snapshot)
        const hidden = before[1];
        withSheetsGlobals(fake, () => s.hideRows(hidden));
        expect(rowsDrawn()).toEqual(before.filter((r) => r !== hidden));
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });
  },
);

describe.each(withCharts)('%s blank', (id) => {
  test('both hosts insert every chart with its planned series (nothing to draw yet, nothing fails)', async () => {
    const p = plan(id, false);
    // No engine: nothing to calculate is needed to count the series (the Sheets names are header formulas).
    const fake = createSheetsFake(['Sheet1']);
    withSheetsGlobals(fake, () => insertTemplate(id, { example: false }));
    const host = new FakeExcelHost(['Sheet1']);
    await excelInsert(host, p);
    for (const { sheet, op, index: i } of chartOps(p)) {
      const names = op.series!.map((s) => s.name);
      expect(excelDrawn(host, sheet, host.sheet(sheet).charts[i]).map((d) => d.name)).toEqual(names);
      expect(sheetsDrawn(fake.ss.sheet(sheet), fake.ss.sheet(sheet).charts[i]).length).toBe(names.length);
    }
  });
});

// ---------- charts on demand ----------

/** A table of the user's per chart, header row first; dates as [y, m, d]. */
const TABLES: Record<string, unknown[][]> = {
  impactEffortMatrix: [
    ['Project', 'Effort', 'Impact'],
    ['SSO', 5, 9],
    ['Analytics', 8, 7],
    ['Refactor', 7, 4],
  ],
  roadmapTimeline: [
    ['Initiative', 'Start', 'End'],
    ['SSO', [2027, 1, 4], [2027, 3, 26]],
    ['Audit log', [2027, 2, 1], [2027, 6, 30]],
    ['EU region', [2027, 4, 1], [2027, 9, 30]],
  ],
  healthRadar: [
    ['Dimension', 'Score', 'Target'],
    ['Scalability', 3, 4],
    ['Reliability', 4, 5],
    ['Security', 2, 4],
  ],
  metricProgress: [
    ['Metric', 'Progress'],
    ['p95 latency', 0.4],
    ['Deploys per day', 0.25],
  ],
  themeProgress: [
    ['Theme', '% Complete'],
    ['Enterprise-Ready Platform', 0.5],
    ['Global Scale', 0.2],
  ],
};

const serialOf = ([y, m, d]: number[]): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 864e5);
const isYmd = (v: unknown): v is number[] => Array.isArray(v);
const address = (rows: unknown[][]): string => `A1:${String.fromCharCode(64 + rows[0].length)}${rows.length}`;

describe.each(CHART_CATALOG.map((c) => c.kind))('%s on demand, for a table of the user’s', (kind) => {
  const rows = TABLES[kind];
  test('Google Sheets: every row of the table is drawn, also with a value column the user hid', () => {
    const fake = sheetsFake();
    const sheet = fake.ss.sheet('Sheet1');
    withSheetsGlobals(fake, () => {
      sheet
        .getRange(address(rows))
        .setValues(rows.map((r) => r.map((v) => (isYmd(v) ? fake.ss.date(v[0], v[1], v[2]) : v))));
      sheet.hideColumns(2); // the user hid column B (Effort, Start, Score, Progress …)
      fake.ss.select('Sheet1', address(rows));
      insertChartFromSelection(kind);
    });
    const drawn = sheetsDrawn(sheet, sheet.charts[0]).filter((d) => !d.invisible);
    const drawnRows = new Set(drawn.flatMap((d) => d.points.map((p) => p.row)));
    expect([...drawnRows].sort()).toEqual(rows.slice(1).map((_, i) => i + 2));
  });

  test('Excel: every row of the table is drawn, also with a value column the user hid', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const restore = installExcelGlobals(host);
    try {
      await host.Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Sheet1');
        ws.getRange(address(rows)).values = rows.map((r) => r.map((v) => (isYmd(v) ? serialOf(v) : v))) as never;
        ws.getRange('B:B').columnHidden = true;
        await ctx.sync();
      });
      selectExcel(host, 'Sheet1', address(rows));
      await host.Excel.run((ctx) => insertChartFromSelectionExcel(ctx, kind));
    } finally {
      restore();
    }
    const drawn = excelDrawn(host, 'Sheet1', host.sheet('Sheet1').charts[0]).filter((d) => !d.invisible);
    const drawnRows = new Set(drawn.flatMap((d) => d.points.map((p) => p.row)));
    expect([...drawnRows].sort()).toEqual(rows.slice(1).map((_, i) => i + 2));
  });
});
