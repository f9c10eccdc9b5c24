/**
 * The Prioritization sheet's sensitivity block (issue #20, item 2): Rank Stability per project and each weight's
 * tipping point, with the tornado chart of the tipping points, as a user meets them in every host.
 * - Sheets, Excel and the preview compute both with the add-in's own functions (one call each, spilled): projects
 *   typed into the blank sheet (generated, three seeds) give exactly the core's RANK_STABILITY and
 *   WEIGHT_TIPPING_POINT, and the tornado draws those values (decrease left, increase right) in each host's form;
 * - the .xlsx, opened without the add-in, holds the values computed when it was written (a snapshot, noted on the
 *   header): equal to the core for the rows given then, no call to a function the file's reader lacks;
 * - the blank template shows no example text in the block; the example's third place is close (GDPR compliance
 *   against Refactor), so its stability is below 100 %, weights tip its top 3 and the file's tornado has bars.
 */
import ExcelJS from 'exceljs';
import { insertTemplate } from '../../apps-script/src/templates/server';
import { applyPlanExcel } from '../../excel-addin/src/templates/executor';
import { PreviewWorkbook } from '../../preview/workbook';
import { chartConfig } from '../../ui/charts/config';
import { layoutSheet } from '../../shared/compiler/layout';
import { compileSheets } from '../../shared/compiler/compile';
import type { SheetSpec } from '../../shared/spec/spec';
import { chartPart } from '../../xlsx/chart-xml';
import { PRIORITIZATION_SHEET } from '../../shared/catalogue/prioritization';
import { tornadoChart } from '../../shared/catalogue/sensitivity';
import { findFunction, invoke } from '../../shared/functions';
import { cellsFor } from '../../shared/plan/host-cells';
import type { PlanCell, RenderPlan } from '../../shared/plan/plan';
import { compileTemplate } from '../../shared/templates/index';
import { buildWorkbook, writeXlsx } from '../../xlsx/writer';
import { modelFromPlans } from '../../xlsx/model';
import { excelDrawn, sheetsDrawn, type DrawnSeries } from '../fakes/chart-data';
import { FakeExcelHost, installExcelGlobals, rect, sheetValue } from '../fakes/excel';
import { attachExcelEngine } from '../fakes/excel-engine';
import { createSheetsFake, withSheetsGlobals } from '../fakes/sheets';

const L = layoutSheet(PRIORITIZATION_SHEET);
const SHEET = PRIORITIZATION_SHEET.name;
const ROWS = PRIORITIZATION_SHEET.rows;
const at = (key: string, row: number): string => `${L.letters[key]}${row}`;
/** The Rank Stability column's data rows, and the 4×2 tipping block (increase, decrease). */
const STABILITY = `${at('stability', 2)}:${at('stability', 1 + ROWS)}`;
const TIPS = `${at('tipUp', 2)}:${at('tipDown', 5)}`;
const WEIGHTS_SET = [[2], [1], [0.5], [1]];

type Project = [number, number, number, number];

/** A seeded generator (mulberry32): the same projects on every run. */
function projectsOf(seed: number, n: number): Project[] {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const scale = (): number => 1 + Math.floor(next() * 10);
  return Array.from({ length: n }, () => [scale(), scale(), scale(), scale()]);
}

/** The core's results for these projects in the sheet's 50 rows (blank below), Top N 3. */
function core(projects: Project[]): { stability: unknown[]; tips: unknown[][] } {
  const column = (k: number): unknown[][] =>
    Array.from({ length: ROWS }, (_, i) => [i < projects.length ? projects[i][k] : null]);
  const args = [column(0), column(1), column(2), column(3), WEIGHTS_SET, 3];
  return {
    stability: invoke(findFunction('RANK_STABILITY')!, args).map((r) => r[0]),
    tips: invoke(findFunction('WEIGHT_TIPPING_POINT')!, args),
  };
}

/** "" and null are both a blank cell; numbers compared at 12 digits. */
const shown = (v: unknown): unknown =>
  v === null || v === undefined || v === '' ? '' : typeof v === 'number' ? Number(v.toPrecision(12)) : v;
const grid = (g: unknown[][]): unknown[][] => g.map((r) => r.map(shown));

/** The rows typed: Project, Theme (blank), the four criteria. */
const typedRows = (projects: Project[]): (string | number)[][] => projects.map((p, i) => [`P${i + 1}`, '', ...p]);

/** What the tornado draws: per series (lowered, raised) the values of the four weights' rows in order. */
const bars = (drawn: DrawnSeries[]): Record<string, number[]> =>
  Object.fromEntries(drawn.map((d) => [d.name, d.points.map((p) => Number(p.value.toPrecision(12)))]));
const expectedBars = (tips: unknown[][]): Record<string, number[]> => ({
  'Weight lowered': tips.map((r) => r[1]).filter((v): v is number => typeof v === 'number'),
  'Weight raised': tips.map((r) => r[0]).filter((v): v is number => typeof v === 'number'),
});

const SEEDS = [7, 20, 2026];

describe.each(SEEDS)('projects typed into the blank sheet (seed %i): the add-in computes the block live', (seed) => {
  const projects = projectsOf(seed, 6 + (seed % 5));
  const want = core(projects);

  test('the core itself has tipping points to show for these projects (the test can fail)', () => {
    expect(want.tips.flat().some((v) => typeof v === 'number')).toBe(true);
  });

  test('Google Sheets: Rank Stability and the tipping points equal the core; the tornado is a stacked bar of them', () => {
    const fake = createSheetsFake(['Sheet1'], undefined, { engine: true });
    withSheetsGlobals(fake, () => insertTemplate('prioritization', { example: false }));
    const s = fake.ss.sheet(SHEET);
    s.getRange(`A2:F${1 + projects.length}`).setValues(typedRows(projects));
    expect(
      s
        .getRange(STABILITY)
        .getValues()
        .map((r) => shown(r[0])),
    ).toEqual(want.stability.map(shown));
    expect(grid(s.getRange(TIPS).getValues())).toEqual(grid(want.tips));
    const chart = s.charts.find((c) => c.getOptions?.().get('title') === PRIORITIZATION_SHEET.charts![1].title)!;
    expect(chart.getOptions!().get('isStacked')).toBe(true);
    expect(bars(sheetsDrawn(s, chart))).toEqual(expectedBars(want.tips));
  });

  test('Excel: the same values, in STRATEGY.-namespaced calls; the tornado a clustered bar with overlap 100', async () => {
    const host = new FakeExcelHost(['Sheet1']);
    attachExcelEngine(host);
    const restore = installExcelGlobals(host);
    try {
      await host.Excel.run((ctx) => applyPlanExcel(ctx, compileTemplate('prioritization', { example: false })));
      await host.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(SHEET).getRange(`A2:F${1 + projects.length}`).values = typedRows(projects);
        await ctx.sync();
      });
    } finally {
      restore();
    }
    const values = (a1: string): unknown[][] => {
      const r = rect(a1);
      return Array.from({ length: r.rows }, (_, i) =>
        Array.from({ length: r.cols }, (_, j) => sheetValue(host, host.sheet(SHEET), r.row + i, r.col + j)),
      );
    };
    expect(values(STABILITY).map((r) => shown(r[0]))).toEqual(want.stability.map(shown));
    expect(grid(values(TIPS))).toEqual(grid(want.tips));
    const chart = host.sheet(SHEET).charts.find((c) => c.type === 'BarClustered')!;
    expect(chart.series.map((s) => s.ops.find((o) => o.path === 'overlap')?.value)).toEqual([100, 100]);
    expect(chart.ops.find((o) => o.path === 'axes.categoryAxis.tickLabelPosition')?.value).toBe('Low');
    expect(bars(excelDrawn(host, SHEET, chart))).toEqual(expectedBars(want.tips));
  });

  test('the preview: the same values from its engine; the chart stacks the decrease left of the increase', () => {
    const wb = new PreviewWorkbook({ firstSheet: 'Sheet1' });
    wb.insertPlan(compileTemplate('prioritization', { example: false }));
    wb.setInputs(
      SHEET,
      1,
      0,
      typedRows(projects).map((r) => r.map(String)),
    );
    expect(wb.rangeValues(SHEET, STABILITY).map((r) => shown(r[0]))).toEqual(want.stability.map(shown));
    expect(grid(wb.rangeValues(SHEET, TIPS))).toEqual(grid(want.tips));
    const op = wb.metaOf(SHEET).charts.find((c) => c.kind === 'weightTornado')!;
    const config = chartConfig(op, (a1) => wb.rangeValues(SHEET, a1));
    // A weight with no tipping point says the top N holds (the hosts show an empty slot).
    const labels = ['Impact', 'Urgency', 'Effort', 'Risk'].map((w, k) =>
      want.tips[k].every((v) => v === '') ? `${w} (top N holds within ±100 %)` : w,
    );
    expect(config.data.labels).toEqual(labels);
    const scales = config.options!.scales as Record<string, { stacked?: boolean }>;
    expect([scales.x.stacked, scales.y.stacked]).toEqual([true, true]);
    const drawn = config.data.datasets.map((d) => (d.data as unknown[]).map(shown));
    expect(drawn).toEqual([want.tips.map((r) => shown(r[1])), want.tips.map((r) => shown(r[0]))]);
  });
});

/** The Prioritization sheet with these projects as its example: what the .xlsx is written from at insertion. */
function planWith(projects: Project[]): RenderPlan {
  const examples = projects.map((p, i) => ({
    project: `P${i + 1}`,
    impact: p[0],
    urgency: p[1],
    effort: p[2],
    risk: p[3],
  }));
  const spec = { ...PRIORITIZATION_SHEET, examples } as SheetSpec;
  return compileSheets({ id: 'prioritization', title: SHEET }, [spec], { example: true, today: 46000 });
}

describe('the .xlsx (no add-in): the values of when it was written, noted as a snapshot', () => {
  test('the example: its close third place shows (stability below 100 %, tipping points, a tornado with bars); the file holds values, no add-in call', async () => {
    const plan = compileTemplate('prioritization', { example: true });
    const s = plan.sheets[0];
    const file = cellsFor(s, 'excel', 'snapshot');
    const example = (PRIORITIZATION_SHEET.examples as Array<Record<string, number>>).map(
      (e) => [e.impact, e.urgency, e.effort, e.risk] as Project,
    );
    const want = core(example);
    const col = (key: string): PlanCell[] => file.slice(1, 1 + ROWS).map((r) => r[L.index[key]]);
    expect(col('hStability').map(shown)).toEqual(want.stability.map(shown));
    // SSO and Analytics hold under every weighting; GDPR compliance and Refactor trade the third place.
    expect(want.stability.slice(0, 5).map(shown)).toEqual([1, 1, 0.728395061728, 0.728395061728, '']);
    expect(grid(file.slice(1, 5).map((r) => [r[L.index.tipUp], r[L.index.tipDown]]))).toEqual(grid(want.tips));
    expect(want.tips.flat().filter((v) => typeof v === 'number').length).toBeGreaterThanOrEqual(2);
    // Written and read back: no formula names a function the file's reader does not have.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(ExcelJS, modelFromPlans([plan]))) as unknown as ArrayBuffer);
    const formulas: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => void (c.formula ? formulas.push(c.formula) : undefined)));
    expect(formulas.filter((f) => /RANK_STABILITY|WEIGHT_TIPPING_POINT|STRATEGY\./.test(f))).toEqual([]);
    expect(wb.worksheets[0].getCell(`${L.letters.hStability}2`).value).toBe(1);
    // The tornado's series cells in the file hold the tipping points: the chart has bars to draw.
    const tornado = buildWorkbook(ExcelJS, modelFromPlans([plan]))
      .parts.flatMap((p) => p.charts)
      .find((c) => c.form === 'tornado')!;
    const read = (range: string): number[] => {
      const [, column, top, bottom] = /^([A-Z]+)(\d+):[A-Z]+(\d+)$/.exec(range.replace(/^.*!|\$/g, ''))!;
      const cells: number[] = [];
      for (let row = Number(top); row <= Number(bottom); row++) {
        const v = wb.worksheets[0].getCell(`${column}${row}`).value;
        if (typeof v === 'number') cells.push(Number(v.toPrecision(12)));
      }
      return cells;
    };
    expect(Object.fromEntries(tornado.series.map((x, k) => [tornadoChart.series[k].name, read(x.values)]))).toEqual(
      expectedBars(want.tips),
    );
    // The header says it is a snapshot where the add-in is not there.
    expect(String(wb.worksheets[0].getCell(`${L.letters.stability}1`).note)).toMatch(/snapshot/);
    // The live hosts write the calls instead.
    expect(cellsFor(s, 'sheets')[1][L.index.hStability]).toMatch(/^=RANK_STABILITY\(/);
    expect(cellsFor(s, 'excel')[1][L.index.tipUp]).toMatch(/^=STRATEGY\.WEIGHT_TIPPING_POINT\(/);
  });

  test('the blank template: no example text in the block, only the weights the Priority Score uses', () => {
    const s = compileTemplate('prioritization', { example: false }).sheets[0];
    const file = cellsFor(s, 'excel', 'snapshot');
    const block = file.slice(1, 1 + ROWS).map((r) => [r[L.index.stability], r[L.index.hStability]]);
    expect(block.every(([v, h]) => typeof v === 'string' && v.startsWith('=') && h === null)).toBe(true);
    expect(file.slice(1, 5).map((r) => [r[L.index.weightName], r[L.index.weightNow]])).toEqual([
      ['="Impact"', '=2'],
      ['="Urgency"', '=1'],
      ['="Effort"', '=0.5'],
      ['="Risk"', '=1'],
    ]);
    expect(file.slice(1, 1 + ROWS).flatMap((r) => [r[L.index.tipUp], r[L.index.tipDown]])).toEqual(
      Array(2 * ROWS).fill(null),
    );
    const chart = s.charts.find((c) => c.kind === 'weightTornado')!;
    expect(chart.categories).toBe(`${L.letters.weightName}2:${L.letters.weightName}5`);
    // The .xlsx chart: clustered horizontal bars, overlapping, over the block's two columns.
    const { parts } = buildWorkbook(ExcelJS, modelFromPlans([compileTemplate('prioritization', { example: false })]));
    const tornado = parts.flatMap((p) => p.charts).find((c) => c.form === 'tornado')!;
    expect(tornado.series.map((x) => x.values.replace(/^.*!/, '').replace(/\$/g, ''))).toEqual([
      `${L.letters.tipDown}2:${L.letters.tipDown}5`,
      `${L.letters.tipUp}2:${L.letters.tipUp}5`,
    ]);
  });

  test.each(SEEDS)(
    'projects given when the file is written (seed %i): the snapshot and its chart hold the core values',
    (seed) => {
      const projects = projectsOf(seed, 6 + (seed % 5));
      const want = core(projects);
      const plan = planWith(projects);
      const file = cellsFor(plan.sheets[0], 'excel', 'snapshot');
      expect(file.slice(1, 1 + ROWS).map((r) => shown(r[L.index.hStability]))).toEqual(want.stability.map(shown));
      expect(grid(file.slice(1, 5).map((r) => [r[L.index.tipUp], r[L.index.tipDown]]))).toEqual(grid(want.tips));
      const { parts } = buildWorkbook(ExcelJS, modelFromPlans([plan]));
      const xml = chartPart(parts.flatMap((p) => p.charts).find((c) => c.form === 'tornado')!);
      expect(xml).toMatch(/<c:barDir val="bar"\/><c:grouping val="clustered"\/>/);
      expect(xml).toMatch(/<c:overlap val="100"\/>/);
    },
  );
});
